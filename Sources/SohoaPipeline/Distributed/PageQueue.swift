import Foundation
import SohoaCatalog

/// The shared queue of a run over several machines (issue 16): the planner (`sohoa run --queue`)
/// enqueues its pages and watches them finish; workers (`sohoa worker`) claim pages with a lease,
/// renew it while working, and complete, fail or release them. `SohoaPostgres.WorkQueue` is the one
/// implementation (the `sohoa` command adapts it); tests may use their own.
///
/// Every method blocks its thread (pipeline threads and the commands' own threads call it).
public protocol PageQueue: Sendable {
    /// Puts the run's pages on the queue; pages finished earlier are queued again, pages a worker
    /// holds are left to it.
    func enqueue(_ pages: [QueuedPageSource]) throws(PageQueueError)
    /// Which of `pageIDs` are finished (done or failed).
    func finished(among pageIDs: [Int64]) throws(PageQueueError) -> [PageQueueFinish]
    /// Claims the next queued page for `worker`, leased for `lease`; `nil` when none is waiting.
    func claim(worker: String, lease: Duration) throws(PageQueueError) -> PageQueueLease?
    /// Renews `lease` for `duration` from now; false when it is lost (another worker holds the page).
    func heartbeat(_ lease: PageQueueLease, extendBy duration: Duration) throws(PageQueueError) -> Bool
    /// Marks the page done; false when the lease is lost (the result is then not used).
    func complete(_ lease: PageQueueLease) throws(PageQueueError) -> Bool
    /// Gives the page back after `reason`: queued again while attempts remain, else failed.
    func fail(_ lease: PageQueueLease, reason: String) throws(PageQueueError) -> Bool
    /// Gives the page back without using an attempt (the worker is stopping).
    func release(_ lease: PageQueueLease) throws(PageQueueError)
}

/// A page a worker holds: completing, failing or renewing it needs `token`.
public struct PageQueueLease: Sendable, Equatable {
    /// The claimed page.
    public var pageID: Int64
    /// The page's item.
    public var itemID: String
    /// This claim's token.
    public var token: UUID
    /// Which claim of the page this is (1 for the first).
    public var attempt: Int

    public init(pageID: Int64, itemID: String, token: UUID, attempt: Int) {
        self.pageID = pageID
        self.itemID = itemID
        self.token = token
        self.attempt = attempt
    }
}

/// A finished page: done under the claim `token`, or failed for `error`.
public struct PageQueueFinish: Sendable, Equatable {
    /// The finished page.
    public var pageID: Int64
    /// The token of the claim that completed the page; `nil` when the page failed.
    public var token: UUID?
    /// Why the page failed (every attempt used up).
    public var error: String?

    public init(pageID: Int64, token: UUID?, error: String?) {
        self.pageID = pageID
        self.token = token
        self.error = error
    }
}

/// The queue could not be reached or refused a statement: Vietnamese first, then English, then what to do.
public struct PageQueueError: Error, Sendable, CustomStringConvertible {
    /// What happened, and what to do.
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
