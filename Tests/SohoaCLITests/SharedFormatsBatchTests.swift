import Foundation
import SohoaTesting
import XCTest

/// Issue 17's batch: every file in `pytesseract_formats`, the JPEG and JPEG-in-TIFF files of
/// `leptonica_prog`, and every PDF in `ocrmypdf_resources` and `vie_vietocr3_samples` go through one
/// `sohoa run`. Each accepted file is archived with text, each refused one is named with a reason
/// (exactly the expected ones), pages with ground truth read as well as the same page as TIFF or PNG
/// (within half a point of CER), and the archive passes `validate-ocfl` and `validate-xml`.
///
/// CI runs one file of each kind (every pytesseract container, JPEG-in-TIFF, and PDFs: CCITT, JBIG2,
/// JPEG, born-digital with two pages, damaged, oversized: 20 files; PDFScanTests reads a masked page);
/// `SOHOA_ALL_FORMATS=1` runs every file named above (37 files: about 15 minutes in a debug build on a
/// busy machine).
final class SharedFormatsBatchTests: XCTestCase {
    /// The files CI takes beyond pytesseract's: each a kind of its own.
    static let representative: Set<String> = [
        "jpeg-coded.tif", "ccitt.pdf", "jbig2.pdf", "francais.pdf", "vietsample1.pdf", "invalid.pdf", "hugemono.pdf",
        "linn.pdf", "linn.png",
    ]

    /// Files expected to be refused, with a word their reason must contain.
    static let refused = [
        "test.gif": "GIF", "test.bmp": "BMP", "test.pgm": "PGM", "test.webp": "WebP",
        "invalid.pdf": "damaged", "hugemono.pdf": "megapixels",
    ]

    func testEveryFormatIsArchivedWithTextOrRefusedByName() throws {
        let scans = try SharedFolder.scans()
        let folder = try temporaryFolder("sohoa-formats", removedAfter: self)
        let batch = folder.appendingPathComponent("batch"), archive = folder.appendingPathComponent("archive")
        var sources: [String: URL] = [:]  // item id → source file
        let all = ProcessInfo.processInfo.environment["SOHOA_ALL_FORMATS"] == "1"
        func add(_ relative: String) throws {
            let source = scans.appendingPathComponent(relative)
            let name = source.lastPathComponent
            guard all || relative.hasPrefix("pytesseract_formats/") || Self.representative.contains(name) else { return }
            let item = "f-" + name.lowercased().replacingOccurrences(of: ".", with: "-").replacingOccurrences(of: "_", with: "-")
            let target = batch.appendingPathComponent(item).appendingPathComponent(name)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: target)
            sources[item] = source
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: scans.appendingPathComponent("pytesseract_formats").path)
        where name.hasPrefix("test") {
            try add("pytesseract_formats/" + name)
        }
        for name in ["1555.007.jpg", "contrast-orig-60.jpg", "lighttext.jpg", "warped_paper.jpg", "jpeg-coded.tif"] {
            try add("leptonica_prog/" + name)
        }
        // enormous.pdf (one 9000×9000 page, 81 megapixels) takes minutes in the debug build the tests
        // use (most of it normalizing the page); PDFScanTests reads its page.
        for pdf in files(under: scans.appendingPathComponent("ocrmypdf_resources"), endingWith: ".pdf")
            + files(under: scans.appendingPathComponent("vie_vietocr3_samples"), endingWith: ".pdf")
        where pdf.lastPathComponent != "enormous.pdf" {
            try add(String(pdf.path.dropFirst(scans.path.count + 1)))
        }
        try add("ocrmypdf_resources/linn_with_reference_text/linn.png")
        XCTAssertEqual(sources.count, all ? 37 : 20, "\(sources.keys.sorted())")

        let run = try Sohoa.run(["run", batch.path, "--archive", archive.path, "--jobs", "2"])
        let summary = try XCTUnwrap(run.runSummary, run.stdout + run.stderr)
        let failures = try XCTUnwrap(summary["failures"] as? [[String: Any]])
        var refusedNames: [String: String] = [:]
        for failure in failures {
            let file = URL(fileURLWithPath: failure["file"] as? String ?? "").lastPathComponent
            // An item folder whose only file was refused is named too ("no readable page").
            if let source = sources[file], Self.refused[source.lastPathComponent] != nil { continue }
            refusedNames[file] = failure["reason"] as? String ?? ""
        }
        XCTAssertEqual(Set(refusedNames.keys), Set(Self.refused.keys), "exactly these are refused: \(refusedNames)")
        for (name, word) in Self.refused {
            XCTAssertTrue(refusedNames[name]?.contains(word) == true, "\(name): \(refusedNames[name] ?? "not refused")")
        }

        let out = folder.appendingPathComponent("text")
        let export = try Sohoa.run(["export", "--all", "--format", "text", "--out", out.path, "--archive", archive.path])
        XCTAssertEqual(export.exitCode, 0, export.stderr)
        for (item, source) in sources where Self.refused[source.lastPathComponent] == nil {
            let texts = files(under: out.appendingPathComponent(item), endingWith: ".txt")
            XCTAssertFalse(texts.isEmpty, "\(source.lastPathComponent) is archived with text")
        }

        // Pages with ground truth: each container within half a point of the lossless copy.
        func cer(_ item: String, _ page: String, _ truth: String) throws -> Double {
            let result = try SharedChecks.run(
                "cer", [scans.appendingPathComponent(truth).path, out.appendingPathComponent("\(item)/\(page).txt").path])
            return try XCTUnwrap(Double(try XCTUnwrap(result.stdout.firstMatch(of: /CER (\d+\.\d+)/)?.output.1, result.output)))
        }
        let truth = "pytesseract_formats/GT_for_test.x.txt"
        let tiff = try cer("f-test-tiff", "test", truth)
        var figures = ["TIFF": tiff]
        for (label, item) in [("JPEG", "f-test-jpg"), ("JPEG 2000", "f-test-jpeg2000"), ("PNG", "f-test-png")] {
            let value = try cer(item, "test", truth)
            figures[label] = value
            XCTAssertLessThanOrEqual(value, tiff + 0.005, "\(label) page against the TIFF")
        }
        let linnTruth = "ocrmypdf_resources/linn_with_reference_text/linn.txt"
        let linnPNG = try cer("f-linn-png", "linn", linnTruth), linnPDF = try cer("f-linn-pdf", "linn", linnTruth)
        figures["linn PNG"] = linnPNG
        figures["linn PDF"] = linnPDF
        XCTAssertLessThanOrEqual(linnPDF, linnPNG + 0.005, "the PDF's page against the same page as PNG")
        print("CER by container: \(figures.sorted { $0.key < $1.key })")

        try SharedChecks.assertValid("validate-ocfl", [archive.path])
        let mets = files(under: archive, endingWith: "mets.xml")
        XCTAssertGreaterThan(mets.count, all ? 30 : 12)
        try SharedChecks.assertValidXML(mets)
    }
}
