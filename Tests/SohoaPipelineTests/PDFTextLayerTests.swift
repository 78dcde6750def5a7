import Foundation
import SohoaCollection
import SohoaTesting
import XCTest

@testable import SohoaPipeline

/// A PDF master's own text layer (issue 17) is a second opinion: archived beside the OCR as
/// `pdftext/<page>.txt` (METS `PDF-TEXT`), with its character error rate against the OCR in PREMIS,
/// and never taken as the page's text.
final class PDFTextLayerTests: XCTestCase {
    func testTheTextLayerIsKeptBesideTheOCRAndComparedInPREMIS() throws {
        let (batch, archive) = try poemBatch()
        // Every page "reads" Thư viện: the archived text must be that reading, not the PDF's layer.
        let options = PipelineFixtures.options(batch: batch, archive: archive) { CountingEngine() }
        let summary = try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: RecordingReporter())).run()
        XCTAssertEqual(summary.exitStatus, .success, "\(summary.snapshot.failures)")

        let session = try ArchiveSession(folder: archive)
        let objectID = "urn:sohoa:LOCAL:ao-lua"
        func content(_ path: String) throws -> String {
            let url = try XCTUnwrap(try session.root.contentURL(objectID: objectID, logicalPath: path), path)
            return try String(contentsOf: url, encoding: .utf8)
        }
        let layer = try content("pdftext/vietsample1-p0001.txt")
        XCTAssertTrue(layer.contains("Áo Lụa Hà Đông"), layer)
        XCTAssertFalse(try content("pdftext/vietsample1-p0002.txt").isEmpty)
        let ocr = try content("text/vietsample1-p0001.txt")
        XCTAssertEqual(ocr, "Thư viện\n", "the OCR stays the page's text")

        let mets = try content("mets.xml")
        XCTAssertTrue(mets.contains("USE=\"PDF-TEXT\""), "METS names the text layers")
        XCTAssertTrue(mets.contains("pdftext/vietsample1-p0002.txt"))
        // The layer (a poem of hundreds of letters) is far from the reading "Thư viện" (8): the rate is the
        // edit distance over the OCR's length, far above 100%.
        let recorded = try XCTUnwrap(mets.firstMatch(of: /vietsample1-p0001: CER (\d+\.\d+)%/)?.output.1, mets)
        XCTAssertGreaterThan(try XCTUnwrap(Double(recorded)), 1000)
        XCTAssertTrue(mets.contains("vietsample1-p0001: CER \(recorded)% (born-digital page"), "born-digital pages are marked")
        try SharedChecks.assertValidXML([try XCTUnwrap(try session.root.contentURL(objectID: objectID, logicalPath: "mets.xml"))])
    }

    func testAnImageOnlyItemKeepsTheTextLayerWithoutComparingIt() throws {
        // No OCR, no reference: a rate against an empty text (100%) would say nothing about the layer.
        let (batch, archive) = try poemBatch()
        var options = PipelineFixtures.options(batch: batch, archive: archive) { CountingEngine() }
        options.pipeline.languages = ["none"]
        options.pipeline.outputs = []
        let summary = try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: RecordingReporter())).run()
        XCTAssertEqual(summary.exitStatus, .success, "\(summary.snapshot.failures)")

        let session = try ArchiveSession(folder: archive)
        let mets = try String(
            contentsOf: try XCTUnwrap(try session.root.contentURL(objectID: "urn:sohoa:LOCAL:ao-lua", logicalPath: "mets.xml")),
            encoding: .utf8)
        XCTAssertTrue(mets.contains("pdftext/vietsample1-p0001.txt"), "the layer is kept")
        XCTAssertTrue(
            mets.contains("vietsample1-p0001: kept, not compared: no OCR (born-digital page"), "said not compared")
        XCTAssertFalse(mets.contains(": CER "), "no rate without a reference")
    }

    /// A batch of one item, `ao-lua`, holding VietOCR's vietsample1.pdf: two born-digital pages (no
    /// image) whose text layer is a poem; and where its archive goes.
    private func poemBatch() throws -> (batch: URL, archive: URL) {
        let folder = try temporaryFolder()
        let batch = folder.appendingPathComponent("batch")
        let pdf = batch.appendingPathComponent("ao-lua/vietsample1.pdf")
        try FileManager.default.createDirectory(at: pdf.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: try SharedFolder.scans().appendingPathComponent("vie_vietocr3_samples/vietsample1.pdf"), to: pdf)
        return (batch, folder.appendingPathComponent("archive"))
    }
}
