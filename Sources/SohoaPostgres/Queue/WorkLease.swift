import Foundation

/// A page a worker has claimed from the work queue, and the lease that makes it the page's only worker
/// until `expiresAt` (renewed by heartbeats).
public struct WorkLease: Sendable, Equatable {
    /// The claimed page.
    public var pageID: Int64
    /// The page's item.
    public var itemID: String
    /// The batch that enqueued the page, if known.
    public var batchID: Int64?
    /// This claim's token: completing, failing or renewing the page needs it, so a worker whose lease
    /// expired and went to another worker can no longer touch the page.
    public var token: UUID
    /// Which claim of the page this is (1 for the first).
    public var attempt: Int
    /// When the lease ends unless renewed (the server's clock).
    public var expiresAt: Date

    /// A lease as a claim returned it (or as a worker kept it: completing, failing, renewing or
    /// releasing a page reads only `pageID` and `token`).
    public init(pageID: Int64, itemID: String, batchID: Int64? = nil, token: UUID, attempt: Int, expiresAt: Date) {
        self.pageID = pageID
        self.itemID = itemID
        self.batchID = batchID
        self.token = token
        self.attempt = attempt
        self.expiresAt = expiresAt
    }
}
