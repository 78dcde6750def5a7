import Foundation
import SohoaArchive
import SohoaTesting
import XCTest

@testable import SohoaCollection
@testable import SohoaPipeline

/// Work folders are keyed by content, so two items holding the same scan share one. Packaging the
/// first must not take away the images the second still needs (it did: the second item failed with
/// "pdf-image.deflate: The file doesn't exist").
final class SharedScanTests: XCTestCase {
    func testTwoItemsHoldingTheSameScansAreBothArchived() throws {
        let folder = try temporaryFolder()
        let batch = folder.appendingPathComponent("batch")
        for item in ["ban-chinh", "ban-sao", "ban-sao-2"] {
            try PipelineFixtures.writePages(2, into: batch.appendingPathComponent(item), seed: 3)
        }
        let archive = folder.appendingPathComponent("archive")
        var options = PipelineFixtures.options(batch: batch, archive: archive) { CountingEngine() }
        // Without OCR (as `Pipelines/image-only.yaml`) every page is ready before the first item is packaged.
        options.pipeline.languages = ["none"]
        options.pipeline.outputs = [.pdf]
        options.pipeline.workers.package = 1
        let summary = try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: RecordingReporter())).run()
        XCTAssertEqual(summary.exitStatus, .success, "\(summary.snapshot.failures)")
        XCTAssertEqual(summary.snapshot.itemsPackaged, 3)

        let session = try ArchiveSession(folder: archive)
        for item in ["ban-chinh", "ban-sao", "ban-sao-2"] {
            XCTAssertEqual(try session.catalog.item(id: item)?.state, .packaged, item)
        }
        // Once every item that used them is archived, the shared images are released.
        let pages = archive.appendingPathComponent("extensions/sohoa-work/pages")
        let left = try FileManager.default.subpathsOfDirectory(atPath: pages.path).filter { !$0.hasSuffix("page.json") && $0.contains(".") }
        XCTAssertEqual(left, [], "page images left in the work area")
    }

    /// The claims themselves, deterministically: a shared folder (and the halves of a shared spread)
    /// is released by the last item that uses it, whether the others were packaged or failed.
    func testASharedFolderIsReleasedByTheLastItemThatUsesIt() {
        let work = WorkArea(archive: URL(fileURLWithPath: "/kho"))
        let shared = work.pageFolder(sha256: String(repeating: "ab", count: 32), frame: 0)
        let own = work.pageFolder(sha256: String(repeating: "cd", count: 32), frame: 0)
        let spread = work.pageFolder(sha256: String(repeating: "ef", count: 32), frame: 1)
        let left = spread.deletingLastPathComponent().appendingPathComponent(spread.lastPathComponent + "-a")
        XCTAssertEqual(WorkArea.contentKey(of: left), spread.lastPathComponent)
        let claims = PageFolderClaims([("a", shared), ("a", own), ("a", spread), ("b", shared), ("c", spread)])
        XCTAssertEqual(claims.release(itemID: "a", folders: [shared, own, left]), [own], "b and c still need theirs")
        XCTAssertEqual(claims.release(itemID: "c", folders: [left]), [left])
        XCTAssertEqual(claims.release(itemID: "b", folders: [shared]), [shared])
    }
}
