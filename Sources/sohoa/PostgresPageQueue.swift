import Foundation
import SohoaCatalog
import SohoaPipeline
import SohoaPostgres
import Synchronization

/// The pipeline's `PageQueue` on PostgreSQL: `WorkQueue` in a catalog database (migrated on opening),
/// one connection per process (its statements take turns).
///
/// In this phase the run's catalog is still SQLite: the planner also writes each queued page's row
/// (and its item's) into the PostgreSQL database (`WorkQueue.register`), with the same ids. Once the
/// catalog itself is on PostgreSQL (`--catalog`), its address is the queue's default.
final class PostgresPageQueue: PageQueue {
    let address: PostgresCatalogAddress
    /// The longest wait for the connection's opening (at most 10 s) and for each statement.
    private let timeout: Duration
    /// The queue on the current connection: replaced by a new connection after the old one broke.
    private let current: Mutex<WorkQueue>
    /// The queue's address as shown to people (never the password).
    var description: String { address.description }

    /// The longest wait for one statement of the queue (they are short): after a silent network cut a
    /// worker's thread gets `.unreachable` then, instead of hanging, and the next call connects again.
    static let statementTimeout = Duration.seconds(60)

    /// Opens the catalog database at `url` for its work queue, migrating it unless `migrating` is false
    /// (`sohoa status` only reads it); `timeout` bounds the connection's opening and each statement.
    init(url: String, migrating: Bool = true, timeout: Duration? = nil) throws(PostgresCatalogError) {
        address = try PostgresCatalogAddress(url)
        self.timeout = timeout ?? Self.statementTimeout
        let connection = try PostgresCatalogConnection(
            address, connectTimeout: min(.seconds(10), self.timeout), statementTimeout: self.timeout)
        if migrating {
            do {
                try PostgresCatalogSchema.migrate(connection)
            } catch {
                connection.close()
                throw error
            }
        }
        current = Mutex(WorkQueue(connection))
    }

    /// The queue's address: `--queue`, else `SOHOA_QUEUE`; `nil` when neither is given.
    static func address(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let option, !option.isEmpty { return option }
        if let value = environment["SOHOA_QUEUE"], !value.isEmpty { return value }
        return nil
    }

    func close() { current.withLock { $0 }.connection.close() }

    /// The queue's pages by state and each worker process's figures, for `sohoa status` and the
    /// dashboard (a broken connection is replaced for the next call, as for the run's calls).
    func figures() throws(PageQueueError) -> (counts: WorkQueueCounts, workers: [QueueWorkerFigures]) {
        try run { queue throws(PostgresCatalogError) in (try queue.counts(), try queue.workerFigures()) }
    }

    func enqueue(_ pages: [QueuedPageSource]) throws(PageQueueError) {
        try run { queue throws(PostgresCatalogError) in
            try queue.register(pages)
        }
    }

    func finished(among pageIDs: [Int64]) throws(PageQueueError) -> [PageQueueFinish] {
        try run { queue throws(PostgresCatalogError) in
            try queue.finished(among: pageIDs).map { PageQueueFinish(pageID: $0.pageID, token: $0.token, error: $0.error) }
        }
    }

    func claim(worker: String, lease: Duration) throws(PageQueueError) -> PageQueueLease? {
        try run { queue throws(PostgresCatalogError) in
            try queue.claim(worker: worker, limit: 1, lease: lease).first.map {
                PageQueueLease(pageID: $0.pageID, itemID: $0.itemID, token: $0.token, attempt: $0.attempt)
            }
        }
    }

    func heartbeat(_ lease: PageQueueLease, extendBy duration: Duration) throws(PageQueueError) -> Bool {
        try run { queue throws(PostgresCatalogError) in try queue.heartbeat(Self.workLease(lease), extendBy: duration) }
    }

    func complete(_ lease: PageQueueLease) throws(PageQueueError) -> Bool {
        try run { queue throws(PostgresCatalogError) in try queue.complete(Self.workLease(lease)) }
    }

    func fail(_ lease: PageQueueLease, reason: String) throws(PageQueueError) -> Bool {
        try run { queue throws(PostgresCatalogError) in try queue.fail(Self.workLease(lease), reason: reason) }
    }

    func release(_ lease: PageQueueLease) throws(PageQueueError) {
        try run { queue throws(PostgresCatalogError) in _ = try queue.release(Self.workLease(lease)) }
    }

    private static func workLease(_ lease: PageQueueLease) -> WorkLease {
        WorkLease(pageID: lease.pageID, itemID: lease.itemID, token: lease.token, attempt: lease.attempt, expiresAt: Date())
    }

    /// Runs a queue call, its error in the pipeline's words. A failure that is not the server's answer
    /// to a statement (no SQLSTATE: the connection broke, the server restarted) opens a new connection
    /// for the next call; the call itself is not repeated (a completion may have been recorded).
    private func run<T>(_ body: (WorkQueue) throws(PostgresCatalogError) -> T) throws(PageQueueError) -> T {
        let queue = current.withLock { $0 }
        do {
            return try body(queue)
        } catch {
            if error.sqlState == nil,
                let fresh = try? PostgresCatalogConnection(address, connectTimeout: min(.seconds(10), timeout), statementTimeout: timeout)
            {
                let replaced = current.withLock { now -> Bool in
                    guard now.connection === queue.connection else { return false }
                    now = WorkQueue(fresh)
                    return true
                }
                if replaced { queue.connection.close() } else { fresh.close() }
            }
            throw PageQueueError(error.description)
        }
    }
}
