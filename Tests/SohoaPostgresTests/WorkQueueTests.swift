import Foundation
import SohoaCatalog
import SohoaPostgresTesting
import XCTest

@testable import SohoaPostgres

/// The work queue on a real PostgreSQL: claimers never share a page, an expired lease goes to the
/// next claimer, a finished page is never redone, failures are retried up to their attempts.
final class WorkQueueTests: XCTestCase {
    func testTwoClaimersNeverGetTheSamePage() throws {
        let database = try PostgresTestDatabase(self)
        let setup = try database.migrated()
        defer { setup.close() }
        let pages = try PostgresFixtures.addItem(setup, "bao", pages: 120)
        XCTAssertEqual(try WorkQueue(setup).enqueue(pages.map { QueuedPage(pageID: $0, itemID: "bao") }), 120)

        let claimed = Locked<[String: [Int64]]>([:])
        let failures = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let worker = "may-\(index)"
            do {
                let queue = WorkQueue(try database.connect())
                defer { queue.connection.close() }
                while true {
                    let leases = try queue.claim(worker: worker, limit: 3)
                    if leases.isEmpty { break }
                    for lease in leases {
                        XCTAssertTrue(try queue.complete(lease))
                    }
                    claimed.update { $0[worker, default: []] += leases.map(\.pageID) }
                }
            } catch {
                failures.update { $0.append("\(worker): \(error)") }
            }
        }
        XCTAssertEqual(failures.value, [])
        let byWorker = claimed.value
        let all = byWorker.values.flatMap { $0 }
        XCTAssertEqual(all.count, 120, "each page claimed once")
        XCTAssertEqual(Set(all), Set(pages))
        XCTAssertEqual(Set(byWorker["may-0"] ?? []).intersection(byWorker["may-1"] ?? []), [])
        XCTAssertEqual(try WorkQueue(setup).counts(), WorkQueueCounts(done: 120))
    }

    func testAnExpiredLeaseIsReclaimedAndTheOldLeaseIsLost() throws {
        let database = try PostgresTestDatabase(self)
        let connection = try database.migrated()
        defer { connection.close() }
        let queue = WorkQueue(connection)
        let page = try XCTUnwrap(try PostgresFixtures.addItem(connection, "sach", pages: 1).first)
        try queue.enqueue([QueuedPage(pageID: page, itemID: "sach")])

        let first = try XCTUnwrap(try queue.claim(worker: "killed", lease: .milliseconds(300)).first)
        XCTAssertEqual(first.attempt, 1)
        XCTAssertEqual(try queue.claim(worker: "other"), [], "a live lease is not handed out")
        Thread.sleep(forTimeInterval: 0.6)

        let second = try XCTUnwrap(try queue.claim(worker: "other").first)
        XCTAssertEqual(second.pageID, page)
        XCTAssertEqual(second.attempt, 2)
        XCTAssertNotEqual(second.token, first.token)
        XCTAssertFalse(try queue.heartbeat(first), "the first worker's lease is gone")
        XCTAssertFalse(try queue.complete(first), "its late result is not recorded")
        XCTAssertTrue(try queue.heartbeat(second))
        XCTAssertTrue(try queue.complete(second))
        XCTAssertEqual(try queue.counts(), WorkQueueCounts(done: 1))
    }

    func testAHeartbeatKeepsTheLease() throws {
        let database = try PostgresTestDatabase(self)
        let connection = try database.migrated()
        defer { connection.close() }
        let queue = WorkQueue(connection)
        let page = try XCTUnwrap(try PostgresFixtures.addItem(connection, "sach", pages: 1).first)
        try queue.enqueue([QueuedPage(pageID: page, itemID: "sach")])
        let lease = try XCTUnwrap(try queue.claim(worker: "slow", lease: .milliseconds(400)).first)
        for _ in 0..<3 {
            Thread.sleep(forTimeInterval: 0.2)
            XCTAssertTrue(try queue.heartbeat(lease, extendBy: .milliseconds(400)))
        }
        XCTAssertEqual(try queue.claim(worker: "other"), [], "renewed for 0.6 s past the first lease's end")
        XCTAssertTrue(try queue.complete(lease))
    }

    func testACompletedPageIsNotRedone() throws {
        let database = try PostgresTestDatabase(self)
        let connection = try database.migrated()
        defer { connection.close() }
        let queue = WorkQueue(connection)
        let pages = try PostgresFixtures.addItem(connection, "sach", pages: 2).map { QueuedPage(pageID: $0, itemID: "sach") }
        try queue.enqueue(pages)
        for lease in try queue.claim(worker: "w", limit: 5) {
            XCTAssertTrue(try queue.complete(lease))
        }
        XCTAssertEqual(try queue.enqueue(pages), 0, "enqueuing a finished page again adds nothing")
        XCTAssertEqual(try queue.claim(worker: "w", limit: 5), [])
        XCTAssertEqual(try queue.counts(), WorkQueueCounts(done: 2))

        XCTAssertEqual(try queue.requeue(pageIDs: [pages[0].pageID]), 1, "asked for by name, a page is done again")
        XCTAssertEqual(try queue.claim(worker: "w", limit: 5).map(\.pageID), [pages[0].pageID])
    }

    func testFailuresAreRetriedThenKeptFailedUntilRequeued() throws {
        let database = try PostgresTestDatabase(self)
        let connection = try database.migrated()
        defer { connection.close() }
        let queue = WorkQueue(connection)
        let pages = try PostgresFixtures.addItem(connection, "sach", pages: 2)
        try queue.enqueue([QueuedPage(pageID: pages[0], itemID: "sach")], maxAttempts: 2)
        try queue.enqueue([QueuedPage(pageID: pages[1], itemID: "sach")], maxAttempts: 1)

        let first = try queue.claim(worker: "w", limit: 1, lease: .milliseconds(200))
        XCTAssertTrue(try queue.fail(try XCTUnwrap(first.first), reason: "Tesseract crashed"))
        XCTAssertEqual(try queue.counts(), WorkQueueCounts(queued: 2), "one attempt left: queued again")
        let second = try queue.claim(worker: "w", limit: 1)
        XCTAssertEqual(second.map(\.pageID), [pages[0]])
        XCTAssertTrue(try queue.fail(try XCTUnwrap(second.first), reason: "Tesseract crashed again"))

        // The other page's only lease expires: the next claim fails it instead of handing it out.
        let other = try queue.claim(worker: "killed", limit: 1, lease: .milliseconds(200))
        XCTAssertEqual(other.map(\.pageID), [pages[1]])
        Thread.sleep(forTimeInterval: 0.4)
        XCTAssertEqual(try queue.claim(worker: "w"), [])
        XCTAssertEqual(try queue.counts(), WorkQueueCounts(failed: 2))
        let errors = try strings(connection, "SELECT error FROM work_queue ORDER BY pageID")
        XCTAssertEqual(errors[0], "Tesseract crashed again")
        XCTAssertTrue(errors[1].contains("killed") && errors[1].contains("lease expired"), errors[1])

        XCTAssertEqual(try queue.requeue(), 2)
        XCTAssertEqual(try queue.claim(worker: "w", limit: 5).map(\.attempt), [1, 1], "requeued with all their attempts")
    }
}

/// A value that threads of a test change under a lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    /// The value now.
    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    /// Changes the value under the lock.
    func update(_ change: (inout Value) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        change(&stored)
    }
}
