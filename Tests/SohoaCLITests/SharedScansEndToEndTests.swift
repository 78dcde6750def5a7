import Foundation
import SohoaTesting
import XCTest

/// `sohoa run` on real scans from other projects, with broken and unsupported files mixed in:
/// every readable page is archived, every unreadable file is reported by name, the batch goes on,
/// the exit code is 1, the archive passes third-party validators, and a re-run does no OCR.
final class SharedScansEndToEndTests: XCTestCase {
    /// The batch: what each item holds, and which files must be refused.
    struct Fixture {
        var batch: URL
        var archive: URL
        var expectedPages: [String: Int]
        var refused: [String]
    }

    nonisolated(unsafe) static var fixture: Fixture?
    nonisolated(unsafe) static var firstRun: Sohoa.Result?

    /// Builds the batch once and runs sohoa on it once; the tests below read the result.
    func prepared() throws -> (Fixture, Sohoa.Result) {
        if let fixture = Self.fixture, let run = Self.firstRun { return (fixture, run) }
        let scans = try SharedFolder.scans()
        let folder = try temporaryFolder("sohoa-shared-e2e")
        let batch = folder.appendingPathComponent("batch")
        let fm = FileManager.default
        func put(_ source: String, _ destination: String) throws {
            let target = batch.appendingPathComponent(destination)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.copyItem(at: scans.appendingPathComponent(source), to: target)
        }
        // Real Vietnamese pages: a 2-page 1-bit G4 TIFF and a palette PNG.
        try put("vie_vietocr3_samples/vietsample.tif", "van-hoc-viet/trang.tif")
        try put("vie_vietocr3_samples/vietsample2.png", "van-hoc-viet/trang-3.png")
        // Odd formats: 16-bit gray and RGB, JPEG-in-TIFF, palette, alpha, gray+alpha PNG.
        try put("leptonica_prog/test16.tif", "dinh-dang/01-gray16.tif")
        try put("leptonica_prog/rgb16.tif", "dinh-dang/02-rgb16.tif")
        try put("leptonica_prog/jpeg-coded.tif", "dinh-dang/03-jpeg.tif")
        try put("ocrmypdf_resources/formats_colorspaces/baiona_colormapped.png", "dinh-dang/04-palette.png")
        try put("ocrmypdf_resources/formats_colorspaces/baiona_alpha.png", "dinh-dang/05-alpha.png")
        try put("pytesseract_formats/test_la.png", "dinh-dang/06-gray-alpha.png")
        // Broken and unsupported files beside good pages (PNG, a scanned PDF, JPEG 2000, JPEG).
        try put("pytesseract_formats/test.png", "hong/01-good.png")
        try put("ocrmypdf_resources/formats_colorspaces/ccitt.pdf", "hong/02-scan.pdf")  // one CCITT image, extracted
        try put("pytesseract_formats/test.jpeg2000", "hong/03-scan.jp2")  // lossless JPEG 2000: no warning
        try put("pytesseract_formats/test.jpg", "hong/04-photo.jpg")  // JPEG: kept, with a warning (lossy-masters: warn)
        try put("pytesseract_formats/test.webp", "hong/05-photo.webp")
        _ = fm.createFile(atPath: batch.appendingPathComponent("hong/06-empty.tif").path, contents: Data())
        let tiff = try Data(contentsOf: scans.appendingPathComponent("tesseract_test/unlv/8087_054.3B.tif"))
        try tiff.prefix(tiff.count / 3).write(to: batch.appendingPathComponent("hong/07-truncated.tif"))
        let png = try Data(contentsOf: scans.appendingPathComponent("pytesseract_formats/test.png"))
        try png.prefix(png.count / 2).write(to: batch.appendingPathComponent("hong/08-truncated.png"))
        // A multi-page TIFF at the batch root is an item of its own.
        try put("vie_vietocr3_samples/vietsample1.tif", "tho-ca.tif")

        let fixture = Fixture(
            batch: batch, archive: folder.appendingPathComponent("archive"),
            expectedPages: ["van-hoc-viet": 3, "dinh-dang": 6, "hong": 4, "tho-ca": 2],
            refused: ["05-photo.webp", "06-empty.tif", "07-truncated.tif", "08-truncated.png"])
        let run = try Sohoa.run(["run", batch.path, "--archive", fixture.archive.path, "--jobs", "2"])
        Self.fixture = fixture
        Self.firstRun = run
        return (fixture, run)
    }

    func testEveryReadablePageIsArchivedAndEveryBadFileReportedByName() throws {
        let (fixture, run) = try prepared()
        XCTAssertEqual(run.exitCode, 1, "exit 1 when something failed\n\(run.stderr)")
        let summary = try XCTUnwrap(run.runSummary, run.stdout)
        let failures = try XCTUnwrap(summary["failures"] as? [[String: Any]])
        for name in fixture.refused {
            let failure = failures.first { ($0["file"] as? String)?.hasSuffix("/\(name)") == true }
            XCTAssertNotNil(failure, "\(name) must be reported; failures: \(failures)")
            XCTAssertFalse((failure?["reason"] as? String ?? "").isEmpty, "\(name) needs a reason")
        }
        XCTAssertEqual(failures.count, fixture.refused.count, "nothing else failed: \(failures)")
        XCTAssertTrue(run.stderr.contains("07-truncated.tif"), "the summary in words names the files too")
        XCTAssertTrue(run.stderr.contains("04-photo.jpg"), "the JPEG master is named in a warning:\n\(run.stderr)")
        XCTAssertEqual(summary["items_packaged"] as? Int, fixture.expectedPages.count)

        let out = try temporaryFolder("sohoa-export")
        let export = try Sohoa.run(["export", "--all", "--format", "alto", "--out", out.path, "--archive", fixture.archive.path])
        XCTAssertEqual(export.exitCode, 0, export.stderr)
        for (item, pages) in fixture.expectedPages {
            let alto = files(under: out.appendingPathComponent(item), endingWith: ".xml")
            XCTAssertEqual(alto.count, pages, "\(item): one ALTO per readable page, got \(alto.map(\.lastPathComponent))")
        }
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: out.appendingPathComponent("tho-ca/tho-ca-p0002.xml").path),
            "multi-page names follow DESIGN §6")
    }

    func testVietnameseTextIsRecognizedAndSearchable() throws {
        let (fixture, _) = try prepared()
        let out = try temporaryFolder("sohoa-export")
        XCTAssertEqual(
            try Sohoa.run(["export", "van-hoc-viet", "--format", "text", "--out", out.path, "--archive", fixture.archive.path]).exitCode, 0)
        let text = try String(contentsOf: out.appendingPathComponent("van-hoc-viet/trang-3.txt"), encoding: .utf8)
        XCTAssertTrue(text.contains("Hằng năm cứ vào cuối thu"), "Tôi đi học, read with its tone marks:\n\(text.prefix(300))")
        XCTAssertEqual(text, text.precomposedStringWithCanonicalMapping, "text is NFC")
        for query in ["hang nam cu vao cuoi thu", "Hằng năm", "\"cuối thu\"", "TOI DI HOC"] {
            let search = try Sohoa.run(["search", query, "--archive", fixture.archive.path])
            XCTAssertEqual(search.exitCode, 0, search.stderr)
            XCTAssertTrue(search.stdout.contains("van-hoc-viet  trang-3  "), "\(query) → \(search.stdout)")
        }
        let hostile = try Sohoa.run(["search", "\"NEAR( -* a:b", "--archive", fixture.archive.path])
        XCTAssertEqual(hostile.exitCode, 0, "FTS syntax in a query is never an error: \(hostile.stderr)")
    }

    func testAJPEGPageReadsAsWellAsTheSamePageAsPNG() throws {
        let (fixture, _) = try prepared()
        let out = try temporaryFolder("sohoa-export")
        XCTAssertEqual(
            try Sohoa.run(["export", "hong", "--format", "text", "--out", out.path, "--archive", fixture.archive.path]).exitCode, 0)
        let gt = try SharedFolder.scans().appendingPathComponent("pytesseract_formats/GT_for_test.x.txt")
        func cer(_ page: String) throws -> Double {
            let result = try SharedChecks.run("cer", [gt.path, out.appendingPathComponent("hong/\(page).txt").path])
            let value = try XCTUnwrap(result.stdout.firstMatch(of: /CER (\d+\.\d+)/)?.output.1, result.output)
            return try XCTUnwrap(Double(value))
        }
        let png = try cer("01-good"), jpeg = try cer("04-photo"), jp2 = try cer("03-scan")
        print("CER of the same page: PNG \(png), JPEG \(jpeg), JPEG 2000 \(jp2)")
        XCTAssertLessThanOrEqual(jpeg, png + 0.005, "a JPEG page reads within half a point of the lossless copy")
        XCTAssertLessThanOrEqual(jp2, png + 0.005, "a JPEG 2000 page reads like the PNG")
        let pdfPage = try String(contentsOf: out.appendingPathComponent("hong/02-scan.txt"), encoding: .utf8)
        XCTAssertGreaterThan(
            pdfPage.split(whereSeparator: \.isWhitespace).count, 100, "the scanned PDF's page is read:\n\(pdfPage.prefix(300))")
    }

    func testArchivePassesThirdPartyValidators() throws {
        let (fixture, _) = try prepared()
        try SharedChecks.assertValid("validate-ocfl", [fixture.archive.path])
        let xml =
            files(under: fixture.archive, endingWith: "mets.xml") + files(under: fixture.archive, endingWith: "dc.xml")
            + files(under: fixture.archive, endingWith: ".xml").filter { $0.path.contains("/content/alto/") }
        XCTAssertGreaterThan(xml.count, 8)
        try SharedChecks.assertValid("validate-xml", try SharedChecks.percentFreeCopies(of: xml).map(\.path))
        let hocr = try XCTUnwrap(files(under: fixture.archive, endingWith: "trang-3.hocr").first)
        try SharedChecks.assertValid("validate-hocr", [hocr.path])
        let pdf = try XCTUnwrap(files(under: fixture.archive, endingWith: "van-hoc-viet.pdf").first)
        try SharedChecks.assertValid("validate-pdf", [pdf.path, "--expect-text"])
    }

    func testMastersAreByteIdentical() throws {
        let (fixture, _) = try prepared()
        for name in ["trang.tif", "trang-3.png"] {
            let master = try XCTUnwrap(
                files(under: fixture.archive, endingWith: "/masters/\(name)").first
                    ?? files(under: fixture.archive, endingWith: name).first { $0.path.contains("/masters/") })
            XCTAssertEqual(
                try Data(contentsOf: master), try Data(contentsOf: fixture.batch.appendingPathComponent("van-hoc-viet/\(name)")),
                "\(name) is archived byte for byte")
        }
    }

    func testRerunDoesNoOCRAgain() throws {
        let (fixture, _) = try prepared()
        let again = try Sohoa.run(["run", fixture.batch.path, "--archive", fixture.archive.path, "--jobs", "2"])
        let summary = try XCTUnwrap(again.runSummary, again.stdout)
        XCTAssertEqual(summary["pages_done"] as? Int, 0, "no page is recognized again")
        // The item with a truncated page is tried again (the file may have been fixed); its good
        // pages (the PNG, the PDF's page, the JPEG 2000 and the JPEG) reuse their text, and the others
        // are skipped whole.
        XCTAssertEqual(summary["items_skipped"] as? Int, fixture.expectedPages.count - 1)
        XCTAssertEqual(summary["pages_reused"] as? Int, 4)
        XCTAssertEqual(again.exitCode, 1, "the broken files are still broken")
    }
}
