import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaOCR
import SohoaTesting
import Synchronization
import XCTest

@testable import SohoaCollection
@testable import SohoaPipeline

/// The whole pipeline in-process, with fault-injecting engines (STYLE: tests use null, slow or
/// crashing engines): failures are contained and named, stops are clean, re-runs resume.
final class BatchRunnerTests: XCTestCase {
    func testAFailingEngineFailsOnlyThatPageAndTheItemIsStillArchived() throws {
        try RunCatalog.onEachBackend(self) { run in
            let folder = try temporaryFolder()
            try PipelineFixtures.writePages(4, into: folder.appendingPathComponent("batch/sach"))
            let archive = folder.appendingPathComponent("archive")
            // One worker so the failing call is deterministic: the 2nd page recognized.
            var options = PipelineFixtures.options(batch: folder.appendingPathComponent("batch"), archive: archive) {
                FailingOCREngine(failingCalls: [2], wrapping: NullOCREngine())
            }
            options.jobs = 1
            options.catalog = run.option
            let summary = try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: RecordingReporter())).run()
            XCTAssertEqual(summary.exitStatus, .somethingFailed)
            XCTAssertEqual(summary.snapshot.pagesFailed, 1)
            let failure = try XCTUnwrap(summary.snapshot.failures.first)
            XCTAssertEqual(failure.stage, .ocr)
            XCTAssertEqual(failure.page, "2")
            XCTAssertTrue(failure.file.hasSuffix("sach/2.png"), failure.file)
            XCTAssertEqual(summary.snapshot.itemsPackaged, 1, "the other pages are archived")
            let catalog = try run.catalog(archive: archive)
            let ownCatalog = archive.appendingPathComponent(Catalog.fileName).path
            XCTAssertEqual(FileManager.default.fileExists(atPath: ownCatalog), run.option == nil, "the run wrote only its catalog")
            XCTAssertEqual(try catalog.pages(itemID: "sach").filter { $0.state == .failed }.map(\.name), ["2"], run.backend.rawValue)
            XCTAssertEqual(try catalog.failures(limit: 10).count, 1, run.backend.rawValue)
            let events = try catalog.events(itemID: "sach")
            XCTAssertEqual(events.last?.type, .packaged)
            XCTAssertEqual(events.last?.outcome, .warning, "an incomplete item says so")

            // Run again with a working engine: only the failed page is recognized, the item gets v2.
            CountingEngine.calls.store(0, ordering: .sequentiallyConsistent)
            options.makeEngine = { CountingEngine() }
            let again = try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: RecordingReporter())).run()
            XCTAssertEqual(again.exitStatus, .success)
            XCTAssertEqual(
                CountingEngine.calls.load(ordering: .sequentiallyConsistent), 1, "only the page that failed is recognized (\(run.backend))")
            XCTAssertEqual(try catalog.item(id: "sach")?.ocflVersion, "v2", run.backend.rawValue)
            XCTAssertEqual(
                try OCFLStorageRoot.openOrCreate(at: archive).headState(objectID: "urn:sohoa:LOCAL:sach")?.keys.filter {
                    $0.hasPrefix("alto/")
                }
                .count, 4)
        }
    }

    func testStopFinishesPagesInFlightAndTheNextRunResumesWithoutRedoingThem() throws {
        try RunCatalog.onEachBackend(self) { run in
            let folder = try temporaryFolder()
            let batch = folder.appendingPathComponent("batch")
            for item in ["a", "b", "c", "d"] {
                try PipelineFixtures.writePages(4, into: batch.appendingPathComponent(item), seed: item.hashValue & 0xff)
            }
            let archive = folder.appendingPathComponent("archive")
            CountingEngine.calls.store(0, ordering: .sequentiallyConsistent)
            var options = PipelineFixtures.options(batch: batch, archive: archive) { CountingEngine(delay: 0.15) }
            options.jobs = 1
            options.catalog = run.option
            let runnerBox = Mutex<BatchRunner?>(nil)
            let reporter = RecordingReporter { event in
                if case .pageDone = event { runnerBox.withLock { $0?.requestStop() } }
            }
            let runner = BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: reporter))
            runnerBox.withLock { $0 = runner }
            let stopped = try runner.run()
            XCTAssertTrue(stopped.snapshot.stopped)
            XCTAssertEqual(stopped.exitStatus, .interrupted)
            let firstCalls = CountingEngine.calls.load(ordering: .sequentiallyConsistent)
            XCTAssertLessThan(firstCalls, 16, "the stop left pages for later")
            XCTAssertGreaterThan(firstCalls, 0)
            XCTAssertFalse(stopped.unfinishedItems.isEmpty, "items not complete are not archived")
            XCTAssertTrue(stopped.text.contains(Messages.resumeHint))
            let root = try OCFLStorageRoot.openOrCreate(at: archive)
            for item in stopped.unfinishedItems {
                XCTAssertNil(try root.headState(objectID: "urn:sohoa:LOCAL:\(item)"), "no half item in the archive: \(item)")
            }

            options.makeEngine = { CountingEngine() }
            let resumed = try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: RecordingReporter())).run()
            XCTAssertEqual(resumed.exitStatus, .success)
            XCTAssertEqual(
                CountingEngine.calls.load(ordering: .sequentiallyConsistent), 16,
                "every page recognized exactly once over both runs (\(run.backend))")
            XCTAssertEqual(try root.objectIDs().count, 4)
            XCTAssertEqual(resumed.snapshot.pagesDone + resumed.snapshot.pagesReused, 16 - 4 * (4 - resumed.snapshot.itemsPackaged))
        }
    }

    func testItemInALanguageWithoutAModelIsArchivedImageOnlyWithAWarning() throws {
        let folder = try temporaryFolder()
        let item = folder.appendingPathComponent("batch/thai-dam")
        try PipelineFixtures.writePages(2, into: item)
        try Data("title: Sách chữ Thái cổ\nlanguage: blt\n".utf8).write(to: item.appendingPathComponent("item.yaml"))
        let archive = folder.appendingPathComponent("archive")
        CountingEngine.calls.store(0, ordering: .sequentiallyConsistent)
        let options = PipelineFixtures.options(batch: folder.appendingPathComponent("batch"), archive: archive) { CountingEngine() }
        let summary = try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: RecordingReporter())).run()
        XCTAssertEqual(summary.exitStatus, .success, "\(summary.snapshot.failures)")
        XCTAssertEqual(CountingEngine.calls.load(ordering: .sequentiallyConsistent), 0, "never OCR with a wrong model")
        let warning = try XCTUnwrap(summary.snapshot.warnings.first)
        XCTAssertTrue(warning.contains("blt") && warning.contains("image-only"), warning)
        let state = try XCTUnwrap(try OCFLStorageRoot.openOrCreate(at: archive).headState(objectID: "urn:sohoa:LOCAL:thai-dam"))
        XCTAssertEqual(state.keys.filter { $0.hasPrefix("masters/") }.count, 2)
        XCTAssertEqual(state.keys.filter { $0.hasPrefix("alto/") }.count, 0)
        XCTAssertNotNil(state["thai-dam.pdf"])
    }
}
