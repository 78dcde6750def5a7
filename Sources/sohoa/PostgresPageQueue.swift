import Foundation
import SohoaPipeline
import SohoaPostgres

/// The pipeline's `PageQueue` on PostgreSQL: `WorkQueue` in a catalog database (migrated on opening),
/// one connection per process (its statements take turns).
///
/// In this phase the run's catalog is still SQLite: the planner also writes each queued page's row
/// (and its item's) into the PostgreSQL database (`WorkQueue.register`), with the same ids. Once the
/// catalog itself is on PostgreSQL (`--catalog`), its address is the queue's default.
final class PostgresPageQueue: PageQueue {
    let queue: WorkQueue
    /// The queue's address as shown to people (never the password).
    let description: String

    /// Opens (and migrates) the catalog database at `url` for its work queue.
    init(url: String) throws(PostgresCatalogError) {
        let address = try PostgresCatalogAddress(url)
        let connection = try PostgresCatalogConnection(address)
        do {
            try PostgresCatalogSchema.migrate(connection)
        } catch {
            connection.close()
            throw error
        }
        queue = WorkQueue(connection)
        description = address.description
    }

    /// The queue's address: `--queue`, else `SOHOA_QUEUE`; `nil` when neither is given.
    static func address(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let option, !option.isEmpty { return option }
        if let value = environment["SOHOA_QUEUE"], !value.isEmpty { return value }
        return nil
    }

    func close() { queue.connection.close() }

    func enqueue(_ pages: [PageQueueEntry]) throws(PageQueueError) {
        try run { () throws(PostgresCatalogError) in
            try queue.register(
                pages.map {
                    QueuedPageSource(
                        pageID: $0.pageID, itemID: $0.itemID, libraryCode: $0.libraryCode, itemSource: $0.itemSource, name: $0.name,
                        sequence: $0.sequence, sourcePath: $0.sourcePath, sha256: $0.sha256, frameIndex: $0.frameIndex)
                })
        }
    }

    func finished(among pageIDs: [Int64]) throws(PageQueueError) -> [PageQueueFinish] {
        try run { () throws(PostgresCatalogError) in
            try queue.finished(among: pageIDs).map { PageQueueFinish(pageID: $0.pageID, token: $0.token, error: $0.error) }
        }
    }

    func claim(worker: String, lease: Duration) throws(PageQueueError) -> PageQueueLease? {
        try run { () throws(PostgresCatalogError) in
            try queue.claim(worker: worker, limit: 1, lease: lease).first.map {
                PageQueueLease(pageID: $0.pageID, itemID: $0.itemID, token: $0.token, attempt: $0.attempt)
            }
        }
    }

    func heartbeat(_ lease: PageQueueLease, extendBy duration: Duration) throws(PageQueueError) -> Bool {
        try run { () throws(PostgresCatalogError) in try queue.heartbeat(Self.workLease(lease), extendBy: duration) }
    }

    func complete(_ lease: PageQueueLease) throws(PageQueueError) -> Bool {
        try run { () throws(PostgresCatalogError) in try queue.complete(Self.workLease(lease)) }
    }

    func fail(_ lease: PageQueueLease, reason: String) throws(PageQueueError) -> Bool {
        try run { () throws(PostgresCatalogError) in try queue.fail(Self.workLease(lease), reason: reason) }
    }

    func release(_ lease: PageQueueLease) throws(PageQueueError) {
        try run { () throws(PostgresCatalogError) in _ = try queue.release(Self.workLease(lease)) }
    }

    private static func workLease(_ lease: PageQueueLease) -> WorkLease {
        WorkLease(pageID: lease.pageID, itemID: lease.itemID, token: lease.token, attempt: lease.attempt, expiresAt: Date())
    }

    /// Runs a queue call, its error in the pipeline's words.
    private func run<T>(_ body: () throws(PostgresCatalogError) -> T) throws(PageQueueError) -> T {
        do {
            return try body()
        } catch {
            throw PageQueueError(error.description)
        }
    }
}
