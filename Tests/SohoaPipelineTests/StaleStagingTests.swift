import Foundation
import SohoaCollection
import SohoaTesting
import XCTest

@testable import SohoaPipeline

/// A run killed after writing an item's object but before removing its staging folder leaves the
/// folder behind; the next run finds the item archived, skips it, and removes the folder.
final class StaleStagingTests: XCTestCase {
    func testARerunRemovesTheStagingFolderOfAnItemAlreadyArchived() throws {
        let folder = try temporaryFolder()
        let archive = try ArchiveTestBatch.archive(items: ["sach"], pages: 1, in: folder)
        let staging = WorkArea(archive: archive).itemStaging("sach")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data("half".utf8).write(to: staging.appendingPathComponent("sach.pdf"))

        let options = PipelineFixtures.options(batch: folder.appendingPathComponent("batch"), archive: archive) { CountingEngine() }
        let summary = try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: RecordingReporter())).run()
        XCTAssertEqual(summary.exitStatus, .success)
        XCTAssertFalse(FileManager.default.fileExists(atPath: staging.path), "the left-over staging folder is gone")
        XCTAssertEqual(try ArchiveSession(folder: archive).root.headVersion(objectID: "urn:sohoa:LOCAL:sach"), "v1", "no new version")
    }
}
