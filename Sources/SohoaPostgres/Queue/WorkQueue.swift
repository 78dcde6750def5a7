import Foundation
import PostgresNIO
import SohoaCatalog

/// The pages waiting for OCR workers on several machines (issue 16): a table in the catalog on
/// PostgreSQL that planners fill and workers claim from.
///
/// A claim takes the first pages nobody holds with `FOR UPDATE SKIP LOCKED`, so claimers never wait
/// for each other and never get the same page; it gives each a lease that the worker renews with
/// heartbeats. A worker that dies stops renewing: when the lease expires, the page goes to the next
/// claimer (up to `maxAttempts` claims, then it is failed). Each statement is its own transaction.
public struct WorkQueue: Sendable {
    /// The catalog holding the queue.
    public let connection: PostgresCatalogConnection

    /// The queue in the catalog at `connection` (migrated: `PostgresCatalogSchema.migrate`).
    public init(_ connection: PostgresCatalogConnection) {
        self.connection = connection
    }

    /// Puts pages on the queue; a page already on it (queued, claimed, done or failed) stays as it is,
    /// so a finished page is never redone by enqueuing it again.
    ///
    /// - Returns: how many pages were added.
    @discardableResult
    @available(*, noasync, message: "blocks the calling thread: call it from a thread of your own, not from async code")
    public func enqueue(_ pages: [QueuedPage], batchID: Int64? = nil, maxAttempts: Int = 3) throws(PostgresCatalogError) -> Int {
        guard !pages.isEmpty else { return 0 }
        let ids = pages.map(\.pageID)
        let items = pages.map(\.itemID)
        return try connection.transaction { tx throws(PostgresCatalogError) in
            try tx.execute(
                """
                INSERT INTO work_queue (pageID, itemID, batchID, maxAttempts)
                SELECT page, item, \(batchID), \(maxAttempts) FROM unnest(\(ids)::bigint[], \(items)::text[]) AS new(page, item)
                ON CONFLICT (pageID) DO NOTHING
                """)
        }
    }

    /// Claims up to `limit` pages for `worker` (e.g. "host:pid"), each leased for `lease`, in page order.
    /// Pages whose lease expired are queued again first (another attempt), or failed when that was their
    /// last attempt.
    @available(*, noasync, message: "blocks the calling thread: call it from a thread of your own, not from async code")
    public func claim(worker: String, limit: Int = 1, lease: Duration = .seconds(60)) throws(PostgresCatalogError) -> [WorkLease] {
        let seconds = Self.seconds(lease)
        var binds = PostgresBindings()
        binds.append(limit)
        binds.append(worker)
        binds.append(seconds)
        let claim = PostgresQuery(unsafeSQL: Self.claimSQL, binds: binds)
        return try connection.transaction { tx throws(PostgresCatalogError) in
            try tx.execute(PostgresQuery(unsafeSQL: Self.expireLeasesSQL))
            let rows = try tx.query(claim)
            return try rows.map { row throws(PostgresCatalogError) in
                do {
                    let (pageID, itemID, batchID, token, attempt, expiresAt) = try row.decode(
                        (Int64, String, Int64?, UUID, Int32, Date).self)
                    return WorkLease(
                        pageID: pageID, itemID: itemID, batchID: batchID, token: token, attempt: Int(attempt), expiresAt: expiresAt)
                } catch {
                    throw PostgresCatalogError(
                        kind: .failed, message: "không đọc được trang đã nhận / cannot read a claimed page: \(error)")
                }
            }.sorted { $0.pageID < $1.pageID }
        }
    }

    /// Renews `lease` for another `duration` from now.
    ///
    /// - Returns: false when the lease is lost (it expired and another worker claimed the page): stop
    ///   working on the page.
    @available(*, noasync, message: "blocks the calling thread: call it from a thread of your own, not from async code")
    public func heartbeat(_ lease: WorkLease, extendBy duration: Duration = .seconds(60)) throws(PostgresCatalogError) -> Bool {
        let seconds = Self.seconds(duration)
        return try connection.transaction { tx throws(PostgresCatalogError) in
            try tx.execute(
                """
                UPDATE work_queue SET leaseExpiresAt = now() + make_interval(secs => \(seconds)), heartbeatAt = now()
                WHERE pageID = \(lease.pageID) AND leaseToken = \(lease.token) AND state = 'claimed'
                """) == 1
        }
    }

    /// Marks the leased page done.
    ///
    /// - Returns: false when the lease is lost (another worker holds the page now); its work is not recorded.
    @available(*, noasync, message: "blocks the calling thread: call it from a thread of your own, not from async code")
    public func complete(_ lease: WorkLease) throws(PostgresCatalogError) -> Bool {
        var binds = PostgresBindings()
        binds.append(lease.pageID)
        binds.append(lease.token)
        let complete = PostgresQuery(unsafeSQL: Self.completeSQL, binds: binds)
        return try connection.transaction { tx throws(PostgresCatalogError) in try tx.execute(complete) == 1 }
    }

    /// Gives the leased page back after its work failed with `reason`: queued again while it has
    /// attempts left, failed after its last.
    ///
    /// - Returns: false when the lease is lost.
    @available(*, noasync, message: "blocks the calling thread: call it from a thread of your own, not from async code")
    public func fail(_ lease: WorkLease, reason: String) throws(PostgresCatalogError) -> Bool {
        try connection.transaction { tx throws(PostgresCatalogError) in
            try tx.execute(
                """
                UPDATE work_queue SET
                    state = CASE WHEN attempts >= maxAttempts THEN 'failed' ELSE 'queued' END,
                    finishedAt = CASE WHEN attempts >= maxAttempts THEN now() END,
                    leaseToken = NULL, leaseExpiresAt = NULL, error = \(reason)
                WHERE pageID = \(lease.pageID) AND leaseToken = \(lease.token) AND state = 'claimed'
                """) == 1
        }
    }

    /// Queues failed pages again with all their attempts (all of them, or those of `pageIDs`); done
    /// pages too when named in `pageIDs` (a page to recognize again). Claimed pages are left alone.
    ///
    /// - Returns: how many pages were queued again.
    @discardableResult
    @available(*, noasync, message: "blocks the calling thread: call it from a thread of your own, not from async code")
    public func requeue(pageIDs: [Int64]? = nil) throws(PostgresCatalogError) -> Int {
        try connection.transaction { tx throws(PostgresCatalogError) in
            if let pageIDs {
                return try tx.execute(
                    """
                    UPDATE work_queue SET state = 'queued', attempts = 0, error = NULL, finishedAt = NULL
                    WHERE state IN ('failed', 'done') AND pageID = ANY(\(pageIDs)::bigint[])
                    """)
            }
            return try tx.execute(
                "UPDATE work_queue SET state = 'queued', attempts = 0, error = NULL, finishedAt = NULL WHERE state = 'failed'")
        }
    }

    /// How many pages are in each state.
    @available(*, noasync, message: "blocks the calling thread: call it from a thread of your own, not from async code")
    public func counts() throws(PostgresCatalogError) -> WorkQueueCounts {
        let rows = try connection.query("SELECT state, count(*) FROM work_queue GROUP BY state")
        var counts = WorkQueueCounts()
        for row in rows {
            guard let (state, count) = try? row.decode((String, Int64).self) else { continue }
            switch state {
            case "queued": counts.queued = Int(count)
            case "claimed": counts.claimed = Int(count)
            case "done": counts.done = Int(count)
            case "failed": counts.failed = Int(count)
            default: break
            }
        }
        return counts
    }

    // The statements of a claim and a completion, as plain strings so that `scripts/bench-queue.sh`
    // runs exactly these (it reads them from this file: keep each a `static let … = """` block without
    // interpolation, its binds numbered `$1`, `$2`, …).

    /// A claim's first statement: pages whose lease expired go back to the queue (another attempt), or
    /// are failed when that was their last attempt.
    static let expireLeasesSQL = """
        UPDATE work_queue SET
            state = CASE WHEN attempts >= maxAttempts THEN 'failed' ELSE 'queued' END,
            finishedAt = CASE WHEN attempts >= maxAttempts THEN now() END,
            error = CASE WHEN attempts >= maxAttempts
                THEN 'the worker ' || worker || ' stopped answering (lease expired) on its last attempt' ELSE error END,
            leaseToken = NULL, leaseExpiresAt = NULL
        WHERE pageID IN (
            SELECT pageID FROM work_queue WHERE state = 'claimed' AND leaseExpiresAt < now()
            FOR UPDATE SKIP LOCKED)
        """

    /// A claim's second statement: the first `$1` queued pages nobody holds, leased to the worker `$2` for
    /// `$3` seconds. Both statements read partial indexes (queued pages; leases by expiry), so a claim
    /// costs the same with a million pages done as with none.
    static let claimSQL = """
        WITH next AS (
            SELECT pageID FROM work_queue WHERE state = 'queued'
            ORDER BY pageID
            LIMIT $1
            FOR UPDATE SKIP LOCKED)
        UPDATE work_queue AS queue
        SET state = 'claimed', worker = $2, leaseToken = gen_random_uuid(),
            leaseExpiresAt = now() + make_interval(secs => $3), heartbeatAt = now(), claimedAt = now(),
            attempts = queue.attempts + 1
        FROM next WHERE queue.pageID = next.pageID
        RETURNING queue.pageID, queue.itemID, queue.batchID, queue.leaseToken, queue.attempts, queue.leaseExpiresAt
        """

    /// A completion: the page `$1` done, if the lease `$2` still holds it. The done page keeps the
    /// token (`FinishedQueuedPage.token`): the result used is the one filed under it.
    static let completeSQL = """
        UPDATE work_queue SET state = 'done', finishedAt = now(), leaseExpiresAt = NULL, error = NULL
        WHERE pageID = $1 AND leaseToken = $2 AND state = 'claimed'
        """

    /// `duration` in seconds, as a number PostgreSQL's `make_interval` takes.
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
