import Dispatch
import Foundation
import Synchronization
import XCTest

@testable import SohoaPipeline

final class BoundedQueueTests: XCTestCase {
    func testProducerBlocksWhenFullAndResumesWhenTaken() {
        let queue = BoundedQueue<Int>(capacity: 2)
        let produced = Atomic<Int>(0)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            for i in 0..<5 {
                queue.put(i)
                produced.add(1, ordering: .sequentiallyConsistent)
            }
            queue.close()
            done.signal()
        }
        // The producer can get at most `capacity` elements ahead of a consumer that takes nothing.
        Thread.sleep(forTimeInterval: 0.2)
        XCTAssertEqual(produced.load(ordering: .sequentiallyConsistent), 2)
        XCTAssertEqual(queue.count, 2)
        var taken: [Int] = []
        while let value = queue.take() { taken.append(value) }
        XCTAssertEqual(taken, [0, 1, 2, 3, 4], "FIFO, nothing lost")
        XCTAssertEqual(done.wait(timeout: .now() + 5), .success)
    }

    func testCloseWakesWaitingConsumersAndRefusesPuts() {
        let queue = BoundedQueue<Int>(capacity: 1)
        let got = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            XCTAssertNil(queue.take())
            got.signal()
        }
        queue.close()
        XCTAssertEqual(got.wait(timeout: .now() + 5), .success)
        XCTAssertFalse(queue.put(1))
    }

    func testWorkersDrainAllElementsAcrossQueues() {
        let queue = BoundedQueue<Int>(capacity: 1)
        let workers = StageWorkers<Int>(stage: "test")
        let sum = Atomic<Int>(0)
        workers.start(count: 3, input: queue) { _ in
            return { value in sum.add(value, ordering: .sequentiallyConsistent) }
        }
        for i in 1...100 { queue.put(i) }
        queue.close()
        workers.wait()
        XCTAssertEqual(sum.load(ordering: .sequentiallyConsistent), 5050)
    }
}
