import Foundation
import SohoaArchive

/// An item whose pages have all been accounted for, on its way through metadata and package.
struct ItemWork: Sendable {
    /// A page that finished its page stages; its results are in `folder`.
    struct FinishedPage: Sendable {
        var name: String
        var sequence: Int
        var file: URL
        var folder: URL
    }

    var item: PlannedItem
    var context: ItemContext
    var pages: [FinishedPage]
    var failures: [StageFailure]
    /// Filled by the metadata stage.
    var dublinCore: DublinCore?
    var events: [ItemEvent] = []
}
