import Foundation
import SohoaCatalog
import Synchronization

@testable import SohoaPipeline

/// The work queue's rules in memory, for running a distributed run in one process without PostgreSQL:
/// claims in page order with a lease, expired leases reclaimed (failed after the last attempt), a
/// completion, failure or renewal only with the current claim's token.
final class MemoryPageQueue: PageQueue {
    struct Row {
        var itemID: String
        var state = "queued"
        var token: UUID?
        var expires: ContinuousClock.Instant?
        var attempts = 0
        var worker: String?
        var error: String?
    }

    let maxAttempts = 3
    let rows = Mutex<[Int64: Row]>([:])
    /// Completions refused because the lease was lost.
    let refusedCompletions = Mutex(0)
    /// Claims made, of any page.
    let claims = Mutex(0)
    /// Whether heartbeats of a page's first claim do not renew it (its lease then runs out while it is
    /// worked on); they still say whether the claim holds.
    let firstClaimsStall: Bool
    /// The thread that holds a page's first claim (a worker claims and works a page on one thread).
    let firstClaimThread = Mutex<UInt?>(nil)

    init(firstClaimsStall: Bool = false) {
        self.firstClaimsStall = firstClaimsStall
    }

    func enqueue(_ pages: [QueuedPageSource]) throws(PageQueueError) {
        rows.withLock { rows in
            for page in pages where rows[page.pageID].map({ ["done", "failed"].contains($0.state) }) ?? true {
                rows[page.pageID] = Row(itemID: page.itemID)
            }
        }
    }

    func finished(among pageIDs: [Int64]) throws(PageQueueError) -> [PageQueueFinish] {
        rows.withLock { rows in
            pageIDs.compactMap { id in
                guard let row = rows[id], ["done", "failed"].contains(row.state) else { return nil }
                return PageQueueFinish(pageID: id, token: row.state == "done" ? row.token : nil, error: row.error)
            }
        }
    }

    func claim(worker: String, lease: Duration) throws(PageQueueError) -> PageQueueLease? {
        rows.withLock { rows in
            for (id, row) in rows where row.state == "claimed" && (row.expires ?? .now) < .now {
                rows[id]?.state = row.attempts >= maxAttempts ? "failed" : "queued"
                rows[id]?.error = row.attempts >= maxAttempts ? "lease expired on the last attempt" : row.error
            }
            guard let id = rows.filter({ $0.value.state == "queued" }).keys.min(), var row = rows[id] else { return nil }
            row.state = "claimed"
            row.token = UUID()
            row.expires = .now + lease
            row.attempts += 1
            row.worker = worker
            rows[id] = row
            claims.withLock { $0 += 1 }
            if row.attempts == 1 { firstClaimThread.withLock { $0 = UInt(pthread_self()) } }
            return PageQueueLease(pageID: id, itemID: row.itemID, token: row.token ?? UUID(), attempt: row.attempts)
        }
    }

    func heartbeat(_ lease: PageQueueLease, extendBy duration: Duration) throws(PageQueueError) -> Bool {
        if firstClaimsStall, lease.attempt == 1 { return held(lease) { _ in } }
        return held(lease) { $0.expires = .now + duration }
    }

    func complete(_ lease: PageQueueLease) throws(PageQueueError) -> Bool {
        let completed = held(lease) { $0.state = "done" }
        if !completed { refusedCompletions.withLock { $0 += 1 } }
        return completed
    }

    func fail(_ lease: PageQueueLease, reason: String) throws(PageQueueError) -> Bool {
        held(lease) { row in
            row.state = row.attempts >= maxAttempts ? "failed" : "queued"
            row.error = reason
        }
    }

    func release(_ lease: PageQueueLease) throws(PageQueueError) {
        _ = held(lease) { row in
            row.state = "queued"
            row.attempts -= 1
        }
    }

    /// Changes the row of `lease` if the lease still holds it.
    private func held(_ lease: PageQueueLease, _ change: (inout Row) -> Void) -> Bool {
        rows.withLock { rows in
            guard var row = rows[lease.pageID], row.state == "claimed", row.token == lease.token else { return false }
            change(&row)
            rows[lease.pageID] = row
            return true
        }
    }
}
