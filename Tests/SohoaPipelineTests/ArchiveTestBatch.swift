import Foundation
import XCTest

@testable import SohoaPipeline

/// A small synthetic batch run through the whole pipeline in-process (CountingEngine: every page reads
/// "Thư viện"), for the archive tests.
enum ArchiveTestBatch {
    /// Runs items of `pages` synthetic pages each into `<folder>/archive`; returns the archive.
    static func archive(items: [String], pages: Int, in folder: URL) throws -> URL {
        let batch = folder.appendingPathComponent("batch")
        for (index, item) in items.enumerated() {
            try PipelineFixtures.writePages(pages, into: batch.appendingPathComponent(item), seed: index * 7)
        }
        let archive = folder.appendingPathComponent("archive")
        let options = PipelineFixtures.options(batch: batch, archive: archive) { CountingEngine() }
        let summary = try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: RecordingReporter())).run()
        XCTAssertEqual(summary.exitStatus, .success, "\(summary.snapshot.failures)")
        return archive
    }
}
