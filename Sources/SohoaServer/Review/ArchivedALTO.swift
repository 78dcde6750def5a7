import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaCollection

/// Reads a page's recognized words as saved: the head version of its item, with a pending review draft applied.
enum ArchivedALTO {
    /// The page's `alto/<page>.xml` from the head version with the page's saved review draft
    /// applied, or `nil` when it has none (image-only items, failed pages). Throws when the archive
    /// cannot be read or the ALTO is not sohoa's. Parsed once per text (`ReviewCache`).
    static func page(for entry: ReviewQueueEntry, in services: ServerServices) throws -> ALTOPage? {
        guard
            let alto = try PageCorrection(session: services.session).currentALTO(
                objectID: entry.objectID, pageID: entry.pageID, pageName: entry.pageName)
        else { return nil }
        return try services.reviews.page(parsing: alto)
    }
}
