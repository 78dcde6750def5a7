import Foundation
import PostgresNIO
import SohoaCatalog

/// What a distributed run (`sohoa run --queue`, `sohoa worker`) needs beyond claiming: the planner
/// registers and enqueues its pages and watches them finish; a worker that stops gives its page back.
extension WorkQueue {
    /// Writes the pages' rows (and their items') into the catalog the queue lives in, so that the
    /// queue's rows can refer to them, then puts the pages on the queue; pages already on it that are
    /// done or failed are queued again (this run needs them: a page the run's own catalog has done is
    /// never handed to the queue). Pages held by a worker are left to it.
    ///
    /// A page row whose item and name are the same but whose id differs (the run's catalog was made
    /// anew) is replaced, with its queue entry.
    @available(*, noasync, message: "blocks the calling thread: call it from a thread of your own, not from async code")
    public func register(_ pages: [QueuedPageSource], maxAttempts: Int = 3) throws(PostgresCatalogError) {
        guard !pages.isEmpty else { return }
        let ids = pages.map(\.pageID)
        let items = pages.map(\.itemID)
        let libraries = pages.map(\.libraryCode)
        let itemSources = pages.map(\.itemSource)
        let names = pages.map(\.name)
        let sequences = pages.map { Int64($0.sequence) }
        let sources = pages.map(\.sourcePath)
        let digests = pages.map { $0.sha256.lowercased() }
        let frames = pages.map { Int64($0.frameIndex) }
        try connection.transaction { tx throws(PostgresCatalogError) in
            // The catalog's write lock first: with the queue in the catalog's database these are the
            // catalog's items and pages, and its writers (upsertItem's check, then insert) expect one
            // writer at a time (`PostgresCatalogBackend.writeLock`).
            try tx.execute("SELECT pg_advisory_xact_lock(CAST(\(PostgresCatalogBackend.writeLock) AS bigint))")
            try tx.execute(
                """
                INSERT INTO items (id, libraryCode, objectID, sourcePath, createdAt, updatedAt)
                SELECT DISTINCT ON (item) item, library, 'urn:sohoa:' || library || ':' || item, source,
                    now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
                FROM unnest(\(items)::text[], \(libraries)::text[], \(itemSources)::text[]) AS new(item, library, source)
                ON CONFLICT (id) DO NOTHING
                """)
            try tx.execute(
                """
                DELETE FROM pages AS old USING unnest(\(ids)::bigint[], \(items)::text[], \(names)::text[]) AS new(id, item, name)
                WHERE old.itemID = new.item AND old.name = new.name AND old.id <> new.id
                """)
            try tx.execute(
                """
                INSERT INTO pages (id, itemID, name, sequence, sourcePath, sourceSHA256, frameIndex, updatedAt)
                SELECT id, item, name, sequence, source, sha256, frame, now() AT TIME ZONE 'UTC'
                FROM unnest(\(ids)::bigint[], \(items)::text[], \(names)::text[], \(sequences)::bigint[], \(sources)::text[],
                    \(digests)::text[], \(frames)::bigint[]) AS new(id, item, name, sequence, source, sha256, frame)
                ON CONFLICT (id) DO UPDATE SET itemID = excluded.itemID, name = excluded.name, sequence = excluded.sequence,
                    sourcePath = excluded.sourcePath, sourceSHA256 = excluded.sourceSHA256, frameIndex = excluded.frameIndex,
                    updatedAt = excluded.updatedAt
                """)
            try tx.execute(
                """
                INSERT INTO work_queue (pageID, itemID, maxAttempts)
                SELECT page, item, \(maxAttempts) FROM unnest(\(ids)::bigint[], \(items)::text[]) AS new(page, item)
                ON CONFLICT (pageID) DO UPDATE SET state = 'queued', attempts = 0, error = NULL, finishedAt = NULL,
                    itemID = excluded.itemID, maxAttempts = excluded.maxAttempts, enqueuedAt = now()
                WHERE work_queue.state IN ('done', 'failed')
                """)
        }
    }

    /// Which of `pageIDs` are finished (done or failed), with the token of the claim that completed each.
    @available(*, noasync, message: "blocks the calling thread: call it from a thread of your own, not from async code")
    public func finished(among pageIDs: [Int64]) throws(PostgresCatalogError) -> [FinishedQueuedPage] {
        guard !pageIDs.isEmpty else { return [] }
        let rows = try connection.query(
            """
            SELECT pageID, state = 'done', CASE WHEN state = 'done' THEN leaseToken END, error FROM work_queue
            WHERE pageID = ANY(\(pageIDs)::bigint[]) AND state IN ('done', 'failed')
            """)
        return try rows.map { row throws(PostgresCatalogError) in
            do {
                let (pageID, done, token, error) = try row.decode((Int64, Bool, UUID?, String?).self)
                return FinishedQueuedPage(pageID: pageID, done: done, token: token, error: error)
            } catch {
                throw PostgresCatalogError(kind: .failed, message: "không đọc được trang đã xong / cannot read a finished page: \(error)")
            }
        }
    }

    /// Gives a claimed page back to the queue without using up an attempt (its worker is stopping).
    ///
    /// - Returns: false when the lease was lost already.
    @discardableResult
    @available(*, noasync, message: "blocks the calling thread: call it from a thread of your own, not from async code")
    public func release(_ lease: WorkLease) throws(PostgresCatalogError) -> Bool {
        try connection.transaction { tx throws(PostgresCatalogError) in
            try tx.execute(
                """
                UPDATE work_queue SET state = 'queued', attempts = greatest(attempts - 1, 0), leaseToken = NULL, leaseExpiresAt = NULL
                WHERE pageID = \(lease.pageID) AND leaseToken = \(lease.token) AND state = 'claimed'
                """) == 1
        }
    }

    /// Each worker process's pages on the queue now (threads `host:pid/1`, `/2`, … counted as one), by name.
    @available(*, noasync, message: "blocks the calling thread: call it from a thread of your own, not from async code")
    public func workerFigures() throws(PostgresCatalogError) -> [QueueWorkerFigures] {
        let rows = try connection.query(
            """
            SELECT split_part(worker, '/', 1) AS process,
                count(*) FILTER (WHERE state = 'done'), count(*) FILTER (WHERE state = 'claimed'),
                count(*) FILTER (WHERE state = 'failed'),
                EXTRACT(EPOCH FROM max(finishedAt) FILTER (WHERE state = 'done') - min(claimedAt) FILTER (WHERE state = 'done'))::float8
            FROM work_queue WHERE worker IS NOT NULL GROUP BY process ORDER BY process
            """)
        return try rows.map { row throws(PostgresCatalogError) in
            do {
                let (worker, done, claimed, failed, seconds) = try row.decode((String, Int64, Int64, Int64, Double?).self)
                let rate = seconds.flatMap { $0 > 0 && done > 1 ? Double(done) / ($0 / 60) : nil }
                return QueueWorkerFigures(worker: worker, done: Int(done), claimed: Int(claimed), failed: Int(failed), pagesPerMinute: rate)
            } catch {
                throw PostgresCatalogError(
                    kind: .failed, message: "không đọc được số liệu máy làm việc / cannot read the workers' figures: \(error)")
            }
        }
    }
}
