import Foundation
import SohoaCatalog
import Synchronization
import XCTest

@testable import SohoaPipeline

/// A queue that only answers heartbeats, as told, and counts them.
private final class HeartbeatQueue: PageQueue {
    let answer = Mutex<Bool>(true)
    let heartbeats = Atomic<Int>(0)

    func enqueue(_ pages: [QueuedPageSource]) throws(PageQueueError) {}
    func finished(among pageIDs: [Int64]) throws(PageQueueError) -> [PageQueueFinish] { [] }
    func claim(worker: String, lease: Duration) throws(PageQueueError) -> PageQueueLease? { nil }
    func heartbeat(_ lease: PageQueueLease, extendBy duration: Duration) throws(PageQueueError) -> Bool {
        heartbeats.add(1, ordering: .sequentiallyConsistent)
        return answer.withLock { $0 }
    }
    func complete(_ lease: PageQueueLease) throws(PageQueueError) -> Bool { true }
    func fail(_ lease: PageQueueLease, reason: String) throws(PageQueueError) -> Bool { true }
    func release(_ lease: PageQueueLease) throws(PageQueueError) {}
}

/// The checks a worker makes before each write into a page's folder.
final class LeaseHeartbeatTests: XCTestCase {
    private let lease = PageQueueLease(pageID: 7, itemID: "sach", token: UUID(), attempt: 1)

    /// Within half the lease of the claim, the lease is surely held: no round trip per write.
    func testAFreshLeaseIsNotAskedAboutBeforeEachWrite() {
        let queue = HeartbeatQueue()
        let heartbeat = LeaseHeartbeat(queue: queue, lease: lease, duration: .seconds(60), claimSent: .now)
        defer { heartbeat.stop() }
        for _ in 0..<5 { XCTAssertTrue(heartbeat.stillHeld()) }
        XCTAssertEqual(queue.heartbeats.load(ordering: .sequentiallyConsistent), 0)
    }

    /// Past half the lease, the queue is asked; a renewal makes the next writes free again, and a
    /// lease found lost stays lost.
    func testAnOldLeaseIsAskedAboutAndALostOneStaysLost() {
        let queue = HeartbeatQueue()
        let heartbeat = LeaseHeartbeat(
            queue: queue, lease: lease, duration: .seconds(60), claimSent: .now - .seconds(31))
        defer { heartbeat.stop() }
        XCTAssertTrue(heartbeat.stillHeld())
        XCTAssertEqual(queue.heartbeats.load(ordering: .sequentiallyConsistent), 1, "past half the lease: asked")
        XCTAssertTrue(heartbeat.stillHeld())
        XCTAssertEqual(queue.heartbeats.load(ordering: .sequentiallyConsistent), 1, "renewed just now: not asked again")

        let old = LeaseHeartbeat(queue: queue, lease: lease, duration: .seconds(60), claimSent: .now - .seconds(45))
        defer { old.stop() }
        queue.answer.withLock { $0 = false }
        XCTAssertFalse(old.stillHeld(), "another worker holds the page now")
        queue.answer.withLock { $0 = true }
        XCTAssertFalse(old.stillHeld(), "once lost, lost")
        XCTAssertEqual(queue.heartbeats.load(ordering: .sequentiallyConsistent), 2)
    }
}
