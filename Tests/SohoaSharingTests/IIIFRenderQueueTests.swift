import Dispatch
import Foundation
import SohoaImaging
import Synchronization
import XCTest

@testable import SohoaSharing

/// Issue 12: renders are bounded (a full line answers `busy` at once), a request that goes away
/// leaves the line and its work is skipped or stopped, and server errors name no file.
final class IIIFRenderQueueTests: XCTestCase {
    /// A gate a job waits on until the test opens it (waiting on a lane's thread, not the pool).
    private final class Gate: Sendable {
        private let semaphore = DispatchSemaphore(value: 0)
        private let started = DispatchSemaphore(value: 0)
        func wait() {
            started.signal()
            semaphore.wait()
        }
        func open() { semaphore.signal() }
        /// Waits (off the pool) until the job is running.
        func running() async {
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    self.started.wait()
                    continuation.resume()
                }
            }
        }
    }

    func testAFullLineIsAnsweredBusyAtOnce() async throws {
        let queue = IIIFRenderQueue(lanes: 1, waiting: 1)
        let gate = Gate()
        let first = Task {
            try await queue.run(key: "a", cancellation: IIIFCancellation()) { _ throws(IIIFError) in
                gate.wait(); return 1
            }
        }
        await gate.running()
        let second = Task { try await queue.run(key: "b", cancellation: IIIFCancellation()) { _ throws(IIIFError) in 2 } }
        while queue.load < 2 { try await Task.sleep(for: .milliseconds(5)) }
        do {
            _ = try await queue.run(key: "c", cancellation: IIIFCancellation()) { _ throws(IIIFError) in 3 }
            XCTFail("a third job was admitted to a line of 1 + 1")
        } catch {
            XCTAssertEqual(error.kind, .busy)
            XCTAssertEqual(error.statusCode, 503)
        }
        gate.open()
        let results = try await [first.value, second.value]
        XCTAssertEqual(results, [1, 2])
        XCTAssertEqual(queue.load, 0, "every admission is given back")
    }

    func testACancelledWaitingJobLeavesAtOnceAndNeverRuns() async throws {
        let queue = IIIFRenderQueue(lanes: 1, waiting: 4)
        let gate = Gate()
        let ran = Atomic<Bool>(false)
        let first = Task {
            try await queue.run(key: "a", cancellation: IIIFCancellation()) { _ throws(IIIFError) in
                gate.wait(); return 1
            }
        }
        await gate.running()
        let waiting = Task {
            try await queue.run(key: "a", cancellation: IIIFCancellation()) { _ throws(IIIFError) in
                ran.store(true, ordering: .relaxed)
                return 2
            }
        }
        while queue.load < 2 { try await Task.sleep(for: .milliseconds(5)) }
        waiting.cancel()
        // Resumed while the first job still holds the lane.
        do {
            _ = try await waiting.value
            XCTFail("a cancelled job returned a value")
        } catch {
            XCTAssertEqual((error as? IIIFError)?.kind, .cancelled)
        }
        gate.open()
        _ = try await first.value
        while queue.load > 0 { try await Task.sleep(for: .milliseconds(5)) }
        XCTAssertFalse(ran.load(ordering: .relaxed), "the cancelled job's work was skipped")
    }

    func testARenderStopsWhenCancelled() {
        let master = Raster(width: 400, height: 300, layout: .rgb, filledWith: 90)
        let cancellation = IIIFCancellation()
        cancellation.cancel()
        do {
            let request = try IIIFImageRequest(region: "full", size: "200,", rotation: "0", qualityAndFormat: "default.jpg")
            _ = try IIIFImageRenderer.render(master, request.plan(width: 400, height: 300), cancellation: cancellation)
            XCTFail("a cancelled render finished")
        } catch {
            XCTAssertEqual(error.kind, .cancelled)
        }
        XCTAssertThrowsError(try master.resized(toWidth: 100, height: 75, cancellation: cancellation))
        XCTAssertEqual(try master.resized(toWidth: 100, height: 75).width, 100)
    }

    func testAnUnreadableMasterIsAServerErrorThatNamesNoFile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sohoa-iiif-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("ban-goc-bi-hong.tif")
        try Data("II*\0 not really a TIFF".utf8).write(to: file)
        let service = IIIFImageService(settings: IIIFSettings(concurrentRenders: 1, waitingRenders: 1))
        let source = IIIFImageSource(contentKey: "hong#0", file: file, width: 100, height: 100)
        let request = try IIIFImageRequest(region: "full", size: "max", rotation: "0", qualityAndFormat: "default.jpg")
        do {
            _ = try await service.render(try await service.plan(request, for: source), from: source)
            XCTFail("a broken master rendered")
        } catch {
            XCTAssertEqual(error.kind, .serverError)
            XCTAssertFalse(error.message.contains("ban-goc-bi-hong"), error.message)
            XCTAssertFalse(error.message.contains(folder.path), error.message)
            XCTAssertTrue(error.detail?.contains("ban-goc-bi-hong.tif") == true, "the log names the file: \(error.detail ?? "")")
        }
    }

    func testEquivalentRequestsAreRenderedOnce() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sohoa-iiif-once-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("1.png")
        try Data(try PNGEncoder.encode(Raster(width: 600, height: 600, layout: .gray, filledWith: 200))).write(to: file)
        let service = IIIFImageService()
        let source = IIIFImageSource(contentKey: "mot#0", file: file)
        for (size, rotation) in [("!300,300", "0"), ("!0300,300", "0"), ("300,", "360"), (",300", "0.0"), ("pct:50", "0")] {
            let request = try IIIFImageRequest(region: "full", size: size, rotation: rotation, qualityAndFormat: "default.jpg")
            _ = try await service.render(try await service.plan(request, for: source), from: source)
        }
        XCTAssertEqual(service.rendersMade, 1, "five ways of asking for one 300×300 image")
    }

    func testALowPriorityLaneRunsItsJobsNiced() async throws {
        #if os(Linux)
            let queue = IIIFRenderQueue(lanes: 1, waiting: 4, priority: .background)
            let niceness = try await queue.run(key: "a", cancellation: IIIFCancellation()) { _ in PriorityThread.currentThreadNiceness }
            XCTAssertEqual(niceness, PriorityThread.niceness(of: .background))
            let ran = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<3 {
                    group.addTask { try await queue.run(key: "a", cancellation: IIIFCancellation()) { _ in index } }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            XCTAssertEqual(ran.sorted(), [0, 1, 2])
            // The ordinary lanes run at the server's own priority (not at what libdispatch would give
            // its threads, which is higher when the server runs as root).
            let ordinary = IIIFRenderQueue(lanes: 1, waiting: 4)
            let normal = try await ordinary.run(key: "a", cancellation: IIIFCancellation()) { _ in PriorityThread.currentThreadNiceness }
            XCTAssertEqual(normal, PriorityThread.serverNiceness, "the other lanes keep the server's priority")
        #else
            throw XCTSkip("threads have a nice value of their own only on Linux")
        #endif
    }

    func testALaneRunsAtTheNicenessItIsGiven() async throws {
        #if os(Linux)
            let queue = IIIFRenderQueue(lanes: 2, waiting: 4, priority: .pages)
            for key in ["a", "b", "c"] {
                let niceness = try await queue.run(key: key, cancellation: IIIFCancellation()) { _ in PriorityThread.currentThreadNiceness }
                XCTAssertEqual(niceness, PriorityThread.niceness(of: .pages), key)
            }
        #else
            throw XCTSkip("threads have a nice value of their own only on Linux")
        #endif
    }

    /// Whole images at the largest sizes go to the large lane (background priority); tiles and
    /// thumbnails to the interactive lanes, whatever region they come from.
    func testOnlyLargeAnswersGoToTheLargeLane() throws {
        let service = IIIFImageService()
        let plan = { (region: String, size: String) throws -> IIIFRenderPlan in
            try IIIFImageRequest(region: region, size: size, rotation: "0", qualityAndFormat: "default.jpg")
                .plan(width: 6_000, height: 8_000, limits: service.settings.limits)
        }
        for (region, size) in [("full", "max"), ("full", "2400,"), ("0,0,3000,3000", "max")] {
            let queue = service.queue(for: try plan(region, size))
            XCTAssertEqual(queue.priority, .background, "\(region)/\(size)")
            XCTAssertEqual(queue.capacity, 1 + max(1, service.settings.waitingRenders / 4), "\(region)/\(size): the large lane")
        }
        for (region, size) in [("0,0,1024,1024", "512,"), ("full", "!300,300"), ("2048,4096,1024,1024", "max"), ("full", "1500,")] {
            let queue = service.queue(for: try plan(region, size))
            XCTAssertEqual(queue.priority, .interactive, "\(region)/\(size)")
        }
    }
}
