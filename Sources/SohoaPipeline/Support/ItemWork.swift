import Foundation
import SohoaArchive

/// An item whose pages have all been accounted for, on its way through metadata and package.
struct ItemWork: Sendable {
    var item: PlannedItem
    var context: ItemContext
    /// The pages that finished their page stages (in page order once the item is complete); each
    /// page's results are in its job's work folder.
    var pages: [PageJob]
    var failures: [StageFailure]
    /// Filled by the metadata stage.
    var dublinCore: DublinCore?
    var events: [ItemEvent] = []
}
