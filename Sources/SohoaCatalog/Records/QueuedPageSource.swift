/// A page handed to a work queue (issue 16), as the planner's catalog knows it: its id and what a
/// `pages` row of it (and its item's `items` row) needs. The pipeline enqueues these (`PageQueue`), and
/// `WorkQueue.register` writes them into the PostgreSQL queue's database with the same ids, so that the
/// queue's rows refer to pages that database holds.
public struct QueuedPageSource: Sendable, Equatable {
    /// The page's id in the run's catalog.
    public var pageID: Int64
    /// The page's item.
    public var itemID: String
    /// The item's library code.
    public var libraryCode: String
    /// The item's source folder or file.
    public var itemSource: String
    /// The page's name in the item.
    public var name: String
    /// The page's 1-based position in the item.
    public var sequence: Int
    /// The scan the page comes from.
    public var sourcePath: String
    /// The scan's SHA-256, lower-case hex.
    public var sha256: String
    /// The page's frame in its scan (0 for a single-page file).
    public var frameIndex: Int

    /// Makes a page's row.
    public init(
        pageID: Int64, itemID: String, libraryCode: String, itemSource: String, name: String, sequence: Int, sourcePath: String,
        sha256: String, frameIndex: Int
    ) {
        self.pageID = pageID
        self.itemID = itemID
        self.libraryCode = libraryCode
        self.itemSource = itemSource
        self.name = name
        self.sequence = sequence
        self.sourcePath = sourcePath
        self.sha256 = sha256
        self.frameIndex = frameIndex
    }
}
