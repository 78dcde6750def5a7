import Foundation
import SohoaArchive
import SohoaTesting
import XCTest

@testable import SohoaCollection
@testable import SohoaPipeline

/// `sohoa export --format pdf-reading` of an item packaged without the reading PDF (every item archived
/// before there was one): named, it is a usage error saying why; with every item, it is skipped and named.
final class ReadingPDFExportTests: XCTestCase {
    func testAnItemWithoutTheReadingPDFIsRefusedByNameAndSkippedByAll() throws {
        let folder = try temporaryFolder()
        let archive = folder.appendingPathComponent("archive")
        for (batchName, item, outputs) in [
            ("older", "cu", Set<PipelineConfiguration.Output>([.pdf])), ("newer", "moi", [.pdf, .pdfReading]),
        ] {
            let batch = folder.appendingPathComponent(batchName)
            try PipelineFixtures.writePages(1, into: batch.appendingPathComponent(item))
            var options = PipelineFixtures.options(batch: batch, archive: archive) { CountingEngine() }
            options.pipeline.outputs = outputs
            let summary = try BatchRunner(options: options, progress: RunProgress(batch: batchName, reporter: RecordingReporter())).run()
            XCTAssertEqual(summary.exitStatus, .success, "\(summary.snapshot.failures)")
        }
        let exporter = Exporter(session: try ArchiveSession(folder: archive))
        let out = folder.appendingPathComponent("out")

        XCTAssertThrowsError(try exporter.export(itemIDs: ["cu"], format: .pdfReading, to: out)) { error in
            let runError = error as? RunError
            XCTAssertEqual(runError?.exitStatus, .usage, "\(error)")
            XCTAssertEqual(runError?.message, Messages.packagedWithout(itemID: "cu", format: .pdfReading))
            XCTAssertTrue(runError?.message.contains("'cu'") == true && runError?.message.contains("--format pdf") == true, "\(error)")
        }
        XCTAssertThrowsError(try exporter.export(itemIDs: ["moi", "cu"], format: .pdfReading, to: out))
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: out.appendingPathComponent("moi.pdf").path), "refused before anything is written")
        let all = try exporter.export(itemIDs: nil, format: .pdfReading, to: out)
        XCTAssertEqual(all.files.map(\.lastPathComponent), ["moi.pdf"])
        XCTAssertEqual(all.skipped, ["cu"], "the older item is named, not silently left out")
        let archival = try exporter.export(itemIDs: ["cu"], format: .pdf, to: folder.appendingPathComponent("archival"))
        XCTAssertEqual(archival.files.map(\.lastPathComponent), ["cu.pdf"], "the older item keeps its archival PDF")
    }
}
