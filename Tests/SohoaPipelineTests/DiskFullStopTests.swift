import Foundation
import SohoaCatalog
import SohoaImaging
import SohoaOCR
import SohoaTesting
import Synchronization
import XCTest

@testable import SohoaCollection
@testable import SohoaPipeline

/// A full disk met by any stage stops the run: no new pages, pages in flight abandoned (left
/// pending, not failed), one message with the room needed, exit 3; the next run finishes the batch.
/// (The same on a real full file system: `DiskFullTests` in the CLI tests.)
final class DiskFullStopTests: XCTestCase {
    func testAFullDiskStopsTheRunWithPagesPendingAndTheNextRunFinishes() throws {
        let folder = try temporaryFolder()
        let batch = folder.appendingPathComponent("batch")
        for (index, item) in ["a", "b", "c"].enumerated() {
            try PipelineFixtures.writePages(2, into: batch.appendingPathComponent(item), seed: index * 5)
        }
        let archive = folder.appendingPathComponent("archive")
        let disk = SimulatedDisk()
        var options = PipelineFixtures.options(batch: batch, archive: archive) { DiskFullEngine(disk: disk) }
        options.pipeline.workers.ocr = 1
        let reporter = RecordingReporter()
        let summary = try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: reporter)).run()
        XCTAssertEqual(summary.exitStatus, .archiveUnusable)
        let stop = try XCTUnwrap(summary.diskFull)
        XCTAssertEqual(summary.snapshot.pagesFailed, 0, "pages are abandoned, not failed")
        XCTAssertEqual(summary.snapshot.failures.count, 0)
        XCTAssertEqual(stop.pagesLeft, 6)
        XCTAssertEqual(stop.itemsLeft, ["a", "b", "c"])
        XCTAssertGreaterThan(stop.neededBytes, 0)
        XCTAssertEqual(summary.text.components(separatedBy: stop.message).count - 1, 1, "one message:\n\(summary.text)")
        XCTAssertLessThanOrEqual(DiskFullEngine.calls.load(ordering: .sequentiallyConsistent), 2, "no page is taken after the first")
        let catalog = try Catalog(url: archive)
        for item in ["a", "b", "c"] {
            XCTAssertEqual(try catalog.pages(itemID: item).map(\.state), [.pending, .pending])
        }
        XCTAssertEqual(try catalog.batches(limit: 1).first?.state, .interrupted)

        disk.full.store(false, ordering: .sequentiallyConsistent)
        let again = try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: RecordingReporter())).run()
        XCTAssertEqual(again.exitStatus, .success)
        XCTAssertEqual(again.snapshot.itemsPackaged, 3)
        XCTAssertEqual(try catalog.items(state: .packaged).count, 3)
    }

    func testASecondRunOnTheArchiveIsRefusedWithWhoHoldsIt() throws {
        let folder = try temporaryFolder()
        let batch = folder.appendingPathComponent("batch")
        try PipelineFixtures.writePages(1, into: batch.appendingPathComponent("a"))
        let archive = folder.appendingPathComponent("archive")
        let held = try RunLock.acquire(archive: archive, batch: "/somewhere/else")
        let options = PipelineFixtures.options(batch: batch, archive: archive) { CountingEngine() }
        XCTAssertThrowsError(try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: RecordingReporter())).run()) {
            error in
            XCTAssertEqual((error as? RunError)?.exitStatus, .archiveUnusable)
            XCTAssertTrue((error as? RunError)?.message.contains("batch /somewhere/else") == true, "\(error)")
        }
        XCTAssertNotNil(RunLock.currentHolder(archive: archive))
        withExtendedLifetime(held) {}
    }

    func testTextsOfAFullDiskAreRecognized() {
        for text in [
            "Error Domain=NSCocoaErrorDomain Code=640 \"There isn't enough space\"", "write: No space left on device",
            "SQLite error 13: database or disk is full", "Disk quota exceeded",
        ] {
            XCTAssertTrue(DiskSpace.saysOutOfSpace(text), text)
        }
        XCTAssertFalse(DiskSpace.saysOutOfSpace("TIFFReadDirectory: not a TIFF file"))
        XCTAssertEqual(DiskSpace.describe(1_500_000), "2 MB")
        XCTAssertEqual(DiskSpace.describe(12_400_000_000), "12.4 GB")
    }
}

/// Whether the simulated disk is full.
final class SimulatedDisk: Sendable {
    let full = Atomic<Bool>(true)
}

/// An engine whose disk is full while `disk.full` is set: it fails as a write would.
final class DiskFullEngine: OCREngine {
    static let calls = Atomic<Int>(0)
    let disk: SimulatedDisk

    init(disk: SimulatedDisk) {
        self.disk = disk
    }

    func recognize(_ image: Raster, dpi: Int, language: String) throws -> PageText {
        guard disk.full.load(ordering: .sequentiallyConsistent) else {
            return try CountingEngine().recognize(image, dpi: dpi, language: language)
        }
        Self.calls.add(1, ordering: .sequentiallyConsistent)
        throw OCRError(kind: .recognitionFailed, language: language, message: "cannot write scratch file: No space left on device")
    }
}
