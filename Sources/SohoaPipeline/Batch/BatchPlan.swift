import Foundation

/// What a batch folder holds: items with their pages, and files that will not be processed.
public struct BatchPlan: Sendable {
    /// A file that cannot become a page, and why.
    public struct Rejection: Sendable, Equatable {
        public var file: URL
        public var reason: String
    }

    public var folder: URL
    public var items: [PlannedItem]
    /// Files refused while planning (unreadable, not a scan format): quarantined, the batch goes on.
    public var rejections: [Rejection]
    /// Pages kept in a lossy format (JPEG), for the run's warning when the pipeline says `warn`.
    public var lossyFiles: [URL] = []

    /// Pages in all items.
    public var pageCount: Int { items.reduce(0) { $0 + $1.pages.count } }
}
