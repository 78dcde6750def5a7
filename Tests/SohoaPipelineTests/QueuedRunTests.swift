import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaImaging
import SohoaOCR
import SohoaTesting
import Synchronization
import XCTest

@testable import SohoaPipeline

/// A distributed run (`sohoa run --queue`) in one process over an in-memory queue: the planner's
/// pages go through the queue to a worker (`QueueWorker`, here the planner's own, `queueWorkers`),
/// and come back recorded as a local run records them: recognized pages, failed pages, split spreads.
final class QueuedRunTests: XCTestCase {
    func testPagesGoThroughTheQueueAndAFailedPageIsRecordedAsALocalRunRecordsIt() throws {
        let folder = try temporaryFolder(removedAfter: self)
        let item = folder.appendingPathComponent("batch/sach")
        try PipelineFixtures.writePages(2, into: item)
        // A PNG cut off after its header: planned as a page, it fails to decode on the worker.
        let whole = try Data(contentsOf: item.appendingPathComponent("1.png"))
        try whole.prefix(60).write(to: item.appendingPathComponent("3.png"))
        let archive = folder.appendingPathComponent("archive")
        let queue = MemoryPageQueue()
        let summary = try run(batch: folder.appendingPathComponent("batch"), archive: archive, queue: queue)

        XCTAssertEqual(summary.snapshot.itemsPackaged, 1)
        XCTAssertEqual(summary.snapshot.pagesFinished, 3)
        XCTAssertEqual(summary.snapshot.pagesFailed, 1)
        let failure = try XCTUnwrap(summary.snapshot.failures.first, "\(summary.snapshot.failures)")
        XCTAssertEqual(failure.stage, .ingest)
        XCTAssertTrue(failure.file.hasSuffix("3.png"), failure.description)
        XCTAssertEqual(CountingEngine.calls.load(ordering: .sequentiallyConsistent), 2, "each readable page recognized once")

        let catalog = try Catalog(url: archive.appendingPathComponent("catalog.sqlite"))
        let pages = try catalog.pages(itemID: "sach").sorted { $0.name < $1.name }
        XCTAssertEqual(pages.map(\.name), ["1", "2", "3"])
        XCTAssertEqual(pages.map(\.state), [.done, .done, .failed])
        XCTAssertEqual(try catalog.item(id: "sach")?.ocflVersion, "v1")
        XCTAssertEqual(queue.rows.withLock { $0.values.map(\.state).sorted() }, ["done", "done", "done"])
        XCTAssertEqual(queue.rows.withLock { Set($0.values.compactMap(\.worker)).count }, 1)
        let queueFolder = WorkArea(archive: archive).queueFolder
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: queueFolder.path), [], "orders and outcomes are cleared")

        // Run again: the item is archived with the same pages readable; nothing goes on the queue.
        let again = try run(batch: folder.appendingPathComponent("batch"), archive: archive, queue: queue)
        XCTAssertEqual(CountingEngine.calls.load(ordering: .sequentiallyConsistent), 0, "nothing is recognized again")
        XCTAssertEqual(again.snapshot.itemsPackaged + again.snapshot.itemsSkipped, 1)
    }

    func testASpreadSplitOnAWorkerBecomesTwoPages() throws {
        let spread = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../shared/scans/unpaper_tests/imgsrcE001.png").standardizedFileURL
        guard FileManager.default.fileExists(atPath: spread.path) else {
            throw XCTSkip("\(spread.path) is missing: the shared scans (../shared/scans beside the package) are needed")
        }
        let folder = try temporaryFolder(removedAfter: self)
        let item = folder.appendingPathComponent("batch/sach")
        try FileManager.default.createDirectory(at: item, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: spread, to: item.appendingPathComponent("2.png"))
        let archive = folder.appendingPathComponent("archive")
        let summary = try run(batch: folder.appendingPathComponent("batch"), archive: archive, queue: MemoryPageQueue())

        XCTAssertEqual(summary.exitStatus, .success, "\(summary.snapshot.failures)")
        XCTAssertEqual(summary.snapshot.pagesTotal, 2, "the spread's two pages")
        let catalog = try Catalog(url: archive.appendingPathComponent("catalog.sqlite"))
        let pages = try catalog.pages(itemID: "sach")
        XCTAssertEqual(Set(pages.map(\.name)), ["2", "2-a", "2-b"])
        XCTAssertTrue(pages.allSatisfy { $0.state == .done }, "\(pages.map { ($0.name, $0.state) })")
        let state = try XCTUnwrap(try OCFLStorageRoot.openOrCreate(at: archive).headState(objectID: "urn:sohoa:LOCAL:sach"))
        XCTAssertEqual(state.keys.filter { $0.hasPrefix("alto/") }.sorted(), ["alto/2-a.xml", "alto/2-b.xml"])
        XCTAssertEqual(
            state.keys.filter { $0.hasSuffix(".pdf") }.sorted(), ["reading/sach.pdf", "sach.pdf"],
            "the worker codes each half's images for the item's PDFs, as the pipeline's outputs say")
    }

    func testAWorkerWithoutTheItemsOCRModelGivesThePageBackUntouched() throws {
        let folder = try temporaryFolder(removedAfter: self)
        let archive = folder.appendingPathComponent("archive")
        let noModels = folder.appendingPathComponent("tessdata")
        try FileManager.default.createDirectory(at: noModels, withIntermediateDirectories: true)
        let work = WorkArea(archive: archive)
        let sha = String(repeating: "c", count: 64)
        let job = PageJob(
            item: ItemContext(id: "sach", objectID: "urn:sohoa:LOCAL:sach", ocrLanguage: "vie", pageCount: 1),
            page: PlannedPage(name: "1", sequence: 1, file: folder.appendingPathComponent("1.png"), frameIndex: 0, frameCount: 1),
            sha256: sha, pageID: 1, folder: work.pageFolder(sha256: sha, frame: 0), reuse: .none)
        try work.writeQueueFile(QueueOrder(job: job, settings: QueueOrder.Settings(PipelineConfiguration())), to: work.orderURL(pageID: 1))
        let queue = try Self.queue(job, source: folder)
        let problems = Mutex<[String]>([])
        let worker = QueueWorker(
            options: QueueWorker.Options(
                archive: archive, name: "w", jobs: 1, idleWait: .milliseconds(20), tessdata: noModels, makeEngine: { CountingEngine() }),
            queue: queue
        ) { event in
            if case .problem(let text) = event { problems.withLock { $0.append(text) } }
        }
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            _ = worker.run()
            done.signal()
        }
        // Claimed and given back three times: said once.
        let deadline = Date().addingTimeInterval(20)
        while queue.claims.withLock({ $0 }) < 3, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        worker.requestStop()
        XCTAssertEqual(done.wait(timeout: .now() + 20), .success)
        XCTAssertGreaterThanOrEqual(queue.claims.withLock { $0 }, 3)
        XCTAssertEqual(problems.withLock { $0.count }, 1, "said once: \(problems.withLock { $0 })")
        XCTAssertTrue(problems.withLock { $0.first?.contains("vie") ?? false }, "\(problems.withLock { $0 })")
        let row = try XCTUnwrap(queue.rows.withLock { $0[1] })
        XCTAssertEqual(row.state, "queued", "given back, not failed")
        XCTAssertEqual(row.attempts, 0, "without using an attempt")
        XCTAssertEqual(CountingEngine.calls.load(ordering: .sequentiallyConsistent), 0)
    }

    /// A worker whose Tesseract (or models, or sohoa) differs from the planner's gives the page back
    /// untouched, without using an attempt, and says why once: every result of a page is the same bytes.
    func testAWorkerWithOtherSoftwareThanThePlannerGivesThePageBackUntouched() throws {
        let folder = try temporaryFolder(removedAfter: self)
        let archive = folder.appendingPathComponent("archive")
        let work = WorkArea(archive: archive)
        let sha = String(repeating: "e", count: 64)
        let job = PageJob(
            item: ItemContext(id: "anh", objectID: "urn:sohoa:LOCAL:anh", ocrLanguage: nil, pageCount: 1),
            page: PlannedPage(name: "1", sequence: 1, file: folder.appendingPathComponent("1.png"), frameIndex: 0, frameCount: 1),
            sha256: sha, pageID: 1, folder: work.pageFolder(sha256: sha, frame: 0), reuse: .none)
        var planner = EngineIdentity.here(language: nil, tessdata: TesseractEngine.defaultTessdata)
        XCTAssertEqual(planner, EngineIdentity.here(language: nil, tessdata: TesseractEngine.defaultTessdata))
        planner.tesseract = "Tesseract 3.02"
        try work.writeQueueFile(
            QueueOrder(job: job, settings: QueueOrder.Settings(PipelineConfiguration()), engine: planner), to: work.orderURL(pageID: 1))
        let queue = try Self.queue(job, source: folder)
        let problems = Mutex<[String]>([])
        let worker = QueueWorker(
            options: QueueWorker.Options(
                archive: archive, name: "w", jobs: 1, idleWait: .milliseconds(20), makeEngine: { CountingEngine() }),
            queue: queue
        ) { event in
            if case .problem(let text) = event { problems.withLock { $0.append(text) } }
        }
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            _ = worker.run()
            done.signal()
        }
        Thread.sleep(forTimeInterval: 1)
        worker.requestStop()
        XCTAssertEqual(done.wait(timeout: .now() + 20), .success)
        XCTAssertEqual(problems.withLock { $0.count }, 1, "said once: \(problems.withLock { $0 })")
        XCTAssertTrue(problems.withLock { $0.first?.contains("Tesseract 3.02") ?? false }, "\(problems.withLock { $0 })")
        let row = try XCTUnwrap(queue.rows.withLock { $0[1] })
        XCTAssertEqual(row.state, "queued", "given back, not failed")
        XCTAssertEqual(row.attempts, 0, "without using an attempt")
        XCTAssertFalse(FileManager.default.fileExists(atPath: job.folder.path), "nothing written")
    }

    /// A page whose order this worker cannot read is given back a few times, then its claim fails
    /// (an attempt used), so it fails for good instead of going round for ever.
    /// A queue holding `job`'s page (its order already in the work area), the engine's count reset.
    private static func queue(_ job: PageJob, source: URL) throws -> MemoryPageQueue {
        let queue = MemoryPageQueue()
        try queue.enqueue([
            QueuedPageSource(
                pageID: job.pageID, itemID: job.item.id, libraryCode: "LOCAL", itemSource: source.path, name: job.page.name,
                sequence: job.page.sequence, sourcePath: job.page.file.path, sha256: job.sha256, frameIndex: job.page.frameIndex)
        ])
        CountingEngine.calls.store(0, ordering: .sequentiallyConsistent)
        return queue
    }

    func testAPageWhoseOrderIsMissingFailsAfterAFewGiveBacks() throws {
        let folder = try temporaryFolder(removedAfter: self)
        let archive = folder.appendingPathComponent("archive")
        let queue = MemoryPageQueue()
        try queue.enqueue([
            QueuedPageSource(
                pageID: 7, itemID: "sach", libraryCode: "LOCAL", itemSource: folder.path, name: "1", sequence: 1,
                sourcePath: folder.appendingPathComponent("1.png").path, sha256: String(repeating: "d", count: 64), frameIndex: 0)
        ])
        let worker = QueueWorker(
            options: QueueWorker.Options(
                archive: archive, name: "w", jobs: 1, idleWait: .milliseconds(10), makeEngine: { CountingEngine() }),
            queue: queue)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            _ = worker.run()
            done.signal()
        }
        let deadline = Date().addingTimeInterval(30)
        while queue.rows.withLock({ $0[7]?.state }) != "failed", Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        worker.requestStop()
        XCTAssertEqual(done.wait(timeout: .now() + 20), .success)
        let row = try XCTUnwrap(queue.rows.withLock { $0[7] })
        XCTAssertEqual(row.state, "failed", "given back for ever")
        XCTAssertEqual(row.attempts, queue.maxAttempts)
        XCTAssertTrue(row.error?.contains(WorkArea(archive: archive).queueFolder.path) ?? false, row.error ?? "no error")
    }

    func testALateResultOfALostLeaseIsNeverUsed() throws {
        let folder = try temporaryFolder(removedAfter: self)
        try PipelineFixtures.writePages(1, into: folder.appendingPathComponent("batch/sach"))
        let archive = folder.appendingPathComponent("archive")
        // The first claim stalls (its heartbeats do not renew it; its engine takes 4 s and reads other
        // words): its 1 s lease runs out, the other worker claims the page again and completes it; the
        // first one finds its lease lost before writing its result and writes nothing.
        let queue = MemoryPageQueue(firstClaimsStall: true)
        let summary = try run(
            batch: folder.appendingPathComponent("batch"), archive: archive, queue: queue, workers: 2, lease: .seconds(1)
        ) { FirstClaimSlowEngine(queue: queue) }

        XCTAssertEqual(summary.exitStatus, .success, "\(summary.snapshot.failures)")
        XCTAssertEqual(summary.snapshot.pagesDone, 1)
        let row = try XCTUnwrap(queue.rows.withLock { $0.values.first })
        XCTAssertEqual(row.state, "done")
        XCTAssertEqual(row.attempts, 2, "claimed again after the first lease ran out")
        XCTAssertGreaterThanOrEqual(CountingEngine.calls.load(ordering: .sequentiallyConsistent), 2, "recognized by both claims")
        // The planner stops its workers once the page is recorded; the stalled one finishes its page first.
        XCTAssertEqual(queue.refusedCompletions.withLock { $0 }, 0, "the stalled claim stops before completing")
        let work = WorkArea(archive: archive)
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: work.queueFolder.path), [],
            "no late outcome; the used one removed by the planner")
        let catalog = try Catalog(url: archive.appendingPathComponent("catalog.sqlite"))
        XCTAssertEqual(try catalog.item(id: "sach")?.ocflVersion, "v1")
        // Every file of the page is the second claim's: its kept result, and the ALTO in the archive.
        let files = try XCTUnwrap(FileManager.default.enumerator(at: archive, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }
        let results = files.filter { $0.lastPathComponent == "page.json" }
        XCTAssertEqual(results.count, 1)
        for url in results {
            let text = try String(contentsOf: url, encoding: .utf8)
            XCTAssertFalse(text.contains(FirstClaimSlowEngine.word), "the late claim wrote its result")
        }
        let alto = files.filter { $0.path.contains("/content/alto/") && $0.pathExtension == "xml" }
        XCTAssertFalse(alto.isEmpty, "\(files.map(\.path))")
        for url in alto {
            let text = try String(contentsOf: url, encoding: .utf8)
            XCTAssertTrue(text.contains("Thư viện"), url.path)
            XCTAssertFalse(text.contains(FirstClaimSlowEngine.word), url.path)
        }
        // No image brought back after packaging released them.
        for result in results {
            XCTAssertFalse(
                FileManager.default.fileExists(atPath: WorkArea.accessURL(in: result.deletingLastPathComponent()).path),
                "the late claim wrote the access image again")
        }
    }

    /// Runs the batch with `queue`, the planner working on it with `workers` workers of its own.
    private func run(
        batch: URL, archive: URL, queue: MemoryPageQueue, workers: Int = 1, lease: Duration = .seconds(60),
        engine: @escaping @Sendable () throws -> any OCREngine = { CountingEngine() }
    ) throws -> RunSummary {
        CountingEngine.calls.store(0, ordering: .sequentiallyConsistent)
        var options = PipelineFixtures.options(batch: batch, archive: archive, engine: engine)
        options.queue = queue
        options.queueWorkers = workers
        options.queueLease = lease
        options.queuePoll = .milliseconds(20)
        return try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: RecordingReporter())).run()
    }
}

/// `CountingEngine`, but the run's first call takes four seconds and reads another word.
/// Reads the page slowly (4 s) and with other words on the thread of the page's first claim (whatever
/// the order in which the two claims reach recognition on a busy machine), normally on the other.
private final class FirstClaimSlowEngine: OCREngine {
    /// The word the first claim reads.
    static let word = "Muộn"
    let queue: MemoryPageQueue

    init(queue: MemoryPageQueue) { self.queue = queue }

    func recognize(_ image: Raster, dpi: Int, language: String) throws -> PageText {
        let text = try CountingEngine().recognize(image, dpi: dpi, language: language)
        guard queue.firstClaimThread.withLock({ $0 }) == UInt(pthread_self()) else { return text }
        Thread.sleep(forTimeInterval: 4)
        let word = Word(text: Self.word, box: BoundingBox(x: 50, y: 60, width: 100, height: 18), confidence: 95)
        let line = TextLine(box: word.box, words: [word])
        return PageText(
            width: text.width, height: text.height,
            blocks: [TextBlock(box: word.box, paragraphs: [TextParagraph(box: word.box, lines: [line])])])
    }
}
