import Foundation
import SohoaCatalog
import SohoaPipeline

/// Reads a page's recognized words from the head version of its item in the archive.
enum ArchivedALTO {
    /// The page's `alto/<page>.xml` from the head version, or `nil` when it has none (image-only
    /// items, failed pages). Throws when the archive cannot be read or the ALTO is not sohoa's.
    static func page(for entry: ReviewQueueEntry, in services: ServerServices) throws -> ALTOPage? {
        guard let url = try services.root.contentURL(objectID: entry.objectID, logicalPath: "alto/\(entry.pageName).xml") else {
            return nil
        }
        return try ALTOPage(parsing: String(decoding: try Data(contentsOf: url), as: UTF8.self))
    }
}
