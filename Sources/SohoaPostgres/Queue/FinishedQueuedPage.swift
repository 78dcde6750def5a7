import Foundation

/// A page of the work queue that is finished: done by a worker, or failed after its last attempt.
public struct FinishedQueuedPage: Sendable, Equatable {
    /// The page.
    public var pageID: Int64
    /// Whether a worker completed it (false: it failed).
    public var done: Bool
    /// The token of the claim whose result completed the page: the worker's result is filed under it
    /// (`nil` for a failed page).
    public var token: UUID?
    /// Why the page failed (the last failure's reason).
    public var error: String?

    /// Makes a finished page.
    public init(pageID: Int64, done: Bool, token: UUID?, error: String?) {
        self.pageID = pageID
        self.done = done
        self.token = token
        self.error = error
    }
}
