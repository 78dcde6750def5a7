import Foundation
import Hummingbird
import SohoaCatalog

/// What the review screens carry from page to page: the queue's filter, section and page number,
/// read from the query string (or a form's hidden fields) and written back into links.
struct ReviewQueueQuery: Sendable, Equatable {
    var filter = ReviewQueueFilter()
    var section: ReviewQueueSection = .text
    /// 1-based page of the list.
    var page = 1

    /// Rows per page of the list.
    static let pageSize = 50

    init(filter: ReviewQueueFilter = ReviewQueueFilter(), section: ReviewQueueSection = .text, page: Int = 1) {
        self.filter = filter
        self.section = section
        self.page = page
    }

    /// The list `page` parameter (50 rows a page: 10,000 pages reach row 500,000).
    static let pageParameter = BoundedInt("page", 1...10_000)
    /// The `batch` filter (a catalog batch id).
    static let batchParameter = BoundedInt("batch", 1...Int(Int32.max))

    /// Reads `library`, `item`, `batch`, `section` and `page` with `value(name)`; blank values do not
    /// filter; the queue stays within `scope` (the signed-in user's libraries) whatever is asked.
    /// Throws 400 when `page` or `batch` is junk or out of range (see `BoundedInt`).
    init(scope: AccessScope = .everything, _ value: (String) -> String?) throws(HTTPError) {
        func text(_ name: String) -> String? {
            guard let raw = value(name)?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else { return nil }
            return raw
        }
        filter = ReviewQueueFilter(
            library: text("library"), itemID: text("item"), batchID: try Self.batchParameter.read(text("batch")).map(Int64.init),
            scope: scope)
        section = text("section").flatMap(ReviewQueueSection.init(rawValue:)) ?? .text
        page = try Self.pageParameter.read(text("page")) ?? 1
    }

    /// The filter as query parameters (`library=…&item=…`), empty when nothing filters.
    var filterParameters: String {
        var parts: [String] = []
        if let library = filter.library { parts.append("library=\(Self.encode(library))") }
        if let item = filter.itemID { parts.append("item=\(Self.encode(item))") }
        if let batch = filter.batchID { parts.append("batch=\(batch)") }
        return parts.joined(separator: "&")
    }

    /// `/review` with the filter, `section` and list `page`.
    func queueURL(section: ReviewQueueSection? = nil, page: Int? = nil) -> String {
        var parts = [filterParameters]
        let section = section ?? self.section
        if section != .text { parts.append("section=\(section.rawValue)") }
        if let page, page > 1 { parts.append("page=\(page)") }
        let query = parts.filter { !$0.isEmpty }.joined(separator: "&")
        return query.isEmpty ? "/review" : "/review?\(query)"
    }

    /// `/review/<pageID>` with the filter.
    func pageURL(_ pageID: Int64, extra: String? = nil) -> String {
        let query = [filterParameters, extra ?? ""].filter { !$0.isEmpty }.joined(separator: "&")
        return query.isEmpty ? "/review/\(pageID)" : "/review/\(pageID)?\(query)"
    }

    /// The filter as hidden form fields, so a form's redirect keeps it.
    var hiddenFields: HTML {
        var fields: [HTML] = []
        if let library = filter.library { fields.append("<input type=\"hidden\" name=\"library\" value=\"\(library)\">") }
        if let item = filter.itemID { fields.append("<input type=\"hidden\" name=\"item\" value=\"\(item)\">") }
        if let batch = filter.batchID { fields.append("<input type=\"hidden\" name=\"batch\" value=\"\(batch)\">") }
        return HTML.join(fields)
    }

    /// Percent-encodes a query value (everything but unreserved characters).
    static func encode(_ value: String) -> String {
        URLPath.queryValue(value)
    }
}
