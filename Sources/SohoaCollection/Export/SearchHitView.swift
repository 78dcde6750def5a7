import Foundation
import SohoaCatalog

/// A search hit as the CLI prints it: item, page and a snippet with the matches in «…».
public struct SearchHitView: Sendable, Codable {
    public var item: String
    public var title: String?
    public var page: String
    public var sequence: Int
    public var snippet: String

    /// Runs `query` against the archive's catalog.
    public static func search(_ session: ArchiveSession, query: String, limit: Int) throws -> [SearchHitView] {
        try session.catalog.search(query, limit: limit).map { hit in
            SearchHitView(
                item: hit.itemID, title: hit.itemTitle, page: hit.pageName, sequence: hit.sequence,
                snippet: hit.markedSnippet(open: "«", close: "»").replacingOccurrences(of: "\n", with: " "))
        }
    }
}
