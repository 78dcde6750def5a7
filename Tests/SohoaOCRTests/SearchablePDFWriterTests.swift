import Foundation
import SohoaImaging
import SohoaOCR
import SohoaTesting
import SohoaText
import XCTest

final class SearchablePDFWriterTests: XCTestCase {
    private let sentence = "Thư viện tỉnh Lai Châu — Đại học"

    /// Extracted text with the trailing form feed and newlines removed.
    private func pdftotext(_ pdf: URL, page: Int? = nil) throws -> String {
        var arguments = ["-enc", "UTF-8"]
        if let page { arguments += ["-f", "\(page)", "-l", "\(page)"] }
        let result = try TestFixtures.run(try TestFixtures.tool("pdftotext"), arguments + [pdf.path, "-"])
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        return result.stdout.trimmingCharacters(in: CharacterSet(charactersIn: "\u{0C}\n"))
    }

    private func qpdfCheck(_ pdf: URL) throws {
        let result = try TestFixtures.run(try TestFixtures.tool("qpdf"), ["--check", pdf.path])
        print("qpdf --check: " + result.stdout.split(separator: "\n").filter { $0.contains("errors") }.joined(separator: "; "))
        XCTAssertEqual(result.exitCode, 0, result.stdout + result.stderr)
        XCTAssertFalse((result.stdout + result.stderr).contains("WARNING"), result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("No syntax or stream encoding errors found"), result.stdout)
    }

    private func writePDF(pages: [(PDFPageImage, Int, PageText)], title: String = "Địa chí Lai Châu") throws -> URL {
        let url = try temporaryFolder("sohoa-ocr-tests").appendingPathComponent("item.pdf")
        let writer = try SearchablePDFWriter(
            url: url, title: title, producer: "sohoa 0.1.0-test (Tesseract \(TesseractEngine.version))", date: WriterFixtures.date)
        for (image, dpi, text) in pages { try writer.addPage(image: image, dpi: dpi, text: text) }
        try writer.finish()
        return url
    }

    func testHandMadeVietnameseLineComesBackExactly() throws {
        let page = WriterFixtures.page(width: 2000, height: 1000, lines: [WriterFixtures.line(sentence, y: 200, height: 50, charWidth: 24)])
        let image = try PDFPageImage(raster: Raster(width: 2000, height: 1000))
        let url = try writePDF(pages: [(image, 200, page)])
        XCTAssertEqual(try pdftotext(url), sentence)
        try qpdfCheck(url)
    }

    func testCharactersOutsideTheBasicPlaneComeBack() throws {
        // Hán-Nôm often needs CJK Extension B (surrogate pairs in UTF-16).
        let text = "Chữ Nôm 𡨸喃 𠀧"
        let page = WriterFixtures.page(width: 2000, height: 1000, lines: [WriterFixtures.line(text, y: 200, height: 50, charWidth: 24)])
        let url = try writePDF(pages: [(try PDFPageImage(raster: Raster(width: 2000, height: 1000)), 200, page)])
        XCTAssertEqual(try pdftotext(url), text)
        try qpdfCheck(url)
    }

    func testLinesAndPagesComeBackInOrder() throws {
        let first = WriterFixtures.page(lines: [
            WriterFixtures.line("Hằng năm cứ vào cuối thu,", y: 100),
            WriterFixtures.line("lá ngoài đường rụng nhiều", y: 160),
        ])
        let second = WriterFixtures.page(lines: [WriterFixtures.line(sentence, y: 300)])
        let image = try PDFPageImage(raster: Raster(width: 1000, height: 500))  // half size: boxes are scaled
        let url = try writePDF(pages: [(image, 150, first), (image, 150, second)])
        XCTAssertEqual(try pdftotext(url, page: 1), "Hằng năm cứ vào cuối thu,\nlá ngoài đường rụng nhiều")
        XCTAssertEqual(try pdftotext(url, page: 2), sentence)

        let info = try TestFixtures.run(try TestFixtures.tool("pdfinfo"), [url.path])
        XCTAssertTrue(info.stdout.contains("Title:           Địa chí Lai Châu"), info.stdout)
        XCTAssertTrue(info.stdout.contains("Producer:        sohoa 0.1.0-test"), info.stdout)
        XCTAssertTrue(info.stdout.contains("Pages:           2"), info.stdout)
        // 1000 px at 150 dpi = 480 pt.
        XCTAssertTrue(info.stdout.contains("Page size:       480 x 240 pts"), info.stdout)
        try qpdfCheck(url)
    }

    func testRecognizedPagesPassTheValidatorRoundTrip() throws {
        let validator = try TestFixtures.validator("validate-pdf")
        let pages = try [
            TestFixtures.recognized("vie_vietocr3_samples/vietsample2.png"),
            TestFixtures.recognized("vie_vietocr3_samples/vietsample1.tif"),
        ]
        let start = Date()
        let url = try writePDF(pages: pages.map { (try PDFPageImage(raster: $0.image.raster), $0.image.dpi, $0.text) })
        print(String(format: "PDF of 2 pages written in %.2f s", Date().timeIntervalSince(start)))
        let groundTruth = url.deletingLastPathComponent().appendingPathComponent("gt.txt")
        try pages.map(\.text.normalizedText).joined(separator: "\n\n").write(to: groundTruth, atomically: true, encoding: .utf8)

        let result = try TestFixtures.run(validator, [url.path, "--expect-text", "--text-gt", groundTruth.path, "--max-cer", "0.01"])
        print(result.summary)
        XCTAssertEqual(result.exitCode, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.summary.contains("VALID"), result.summary)
        try qpdfCheck(url)

        // Each page's words come back in order.
        for (index, page) in pages.enumerated() {
            let cer = CharacterErrorRate.of(try pdftotext(url, page: index + 1), against: page.text.plainText)
            print(String(format: "page %d: CER pdftotext vs PageText %.4f", index + 1, cer))
            XCTAssertLessThan(cer, 0.005)
        }
    }

    /// A black-and-white page is stored as CCITT G4 and gives back exactly its pixels (pdfimages);
    /// a page with one gray sample stays Flate; both are PDF/A-1b (validate-pdf, PDFBox Preflight).
    func testBilevelPageIsG4AndLossless() throws {
        let (width, height) = (803, 397)  // not a multiple of 8: rows end mid-byte
        var pixels = [UInt8](repeating: 255, count: width * height)
        var seed: UInt32 = 17
        for line in stride(from: 20, to: height - 30, by: 40) {  // lines of letter-like strokes
            var x = 10
            while x < width - 20 {
                seed = seed &* 1_664_525 &+ 1_013_904_223
                let (stroke, tall) = (2 + Int(seed >> 28), 8 + Int((seed >> 20) & 15))
                for y in line..<line + tall { for dx in 0..<stroke { pixels[y * width + x + dx] = 0 } }
                x += stroke + 2 + Int((seed >> 12) & 7)
            }
        }
        let bilevel = try PDFPageImage(raster: Raster(width: width, height: height, layout: .gray, pixels: pixels))
        var grayPixels = pixels
        grayPixels[5] = 128
        let gray = try PDFPageImage(raster: Raster(width: width, height: height, layout: .gray, pixels: grayPixels))
        let url = try writePDF(pages: [
            (bilevel, 300, .empty(width: width, height: height)), (gray, 300, .empty(width: width, height: height)),
        ])
        let pdfimages = try TestFixtures.tool("pdfimages")
        let list = try TestFixtures.run(pdfimages, ["-list", url.path])
        let encodings = list.stdout.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ", omittingEmptySubsequences: true)[8] }
        XCTAssertEqual(encodings, ["ccitt", "image"], list.stdout)  // "image": Flate, as pdfimages names it

        let prefix = url.deletingLastPathComponent().appendingPathComponent("extracted").path
        XCTAssertEqual(try TestFixtures.run(pdfimages, ["-f", "1", "-l", "1", url.path, prefix]).exitCode, 0)
        let pbm = [UInt8](try Data(contentsOf: URL(fileURLWithPath: prefix + "-000.pbm")))
        let header = Array("P4\n\(width) \(height)\n".utf8)
        XCTAssertEqual(Array(pbm.prefix(header.count)), header)
        let rowBytes = (width + 7) / 8
        var back = [UInt8](repeating: 255, count: width * height)
        for y in 0..<height {
            for x in 0..<width where pbm[header.count + y * rowBytes + x / 8] & (0x80 >> UInt8(x % 8)) != 0 { back[y * width + x] = 0 }
        }
        XCTAssertEqual(back, pixels, "G4 is lossless")
        XCTAssertLessThan(try Data(contentsOf: url).count, 60_000)

        let result = try TestFixtures.run(try TestFixtures.validator("validate-pdf"), [url.path, "--pdfa-1b"])
        XCTAssertEqual(result.exitCode, 0, result.stdout + result.stderr)
        try qpdfCheck(url)
    }

    func testRGBImageAndEmptyText() throws {
        let raster = Raster(width: 30, height: 20, layout: .rgb, filledWith: 200)
        let image = try PDFPageImage(raster: raster)
        XCTAssertFalse(image.grayscale)
        let decoded = try JSONDecoder().decode(PDFPageImage.self, from: JSONEncoder().encode(image))
        XCTAssertEqual(decoded, image)
        let url = try writePDF(pages: [(decoded, 72, .empty(width: 30, height: 20))], title: "plain ASCII (title)")
        XCTAssertEqual(try pdftotext(url), "")
        try qpdfCheck(url)
    }

    func testUnfinishedWriterLeavesNoFile() throws {
        let folder = try temporaryFolder("sohoa-ocr-tests")
        let url = folder.appendingPathComponent("unfinished.pdf")
        do {
            let writer = try SearchablePDFWriter(url: url, title: "x", producer: "test")
            try writer.addPage(image: PDFPageImage(raster: Raster(width: 10, height: 10)), dpi: 300, text: .empty(width: 10, height: 10))
            XCTAssertFalse(FileManager.default.fileExists(atPath: url.path), "the PDF appears only when finished")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }

    func testMisuseIsReported() throws {
        let url = try temporaryFolder("sohoa-ocr-tests").appendingPathComponent("misuse.pdf")
        let writer = try SearchablePDFWriter(url: url, title: "x", producer: "test")
        XCTAssertThrowsError(try writer.finish()) { XCTAssertTrue("\($0)".contains("at least one page"), "\($0)") }
        let image = try PDFPageImage(raster: Raster(width: 10, height: 10))
        XCTAssertThrowsError(try writer.addPage(image: image, dpi: 0, text: .empty(width: 10, height: 10))) {
            XCTAssertEqual(($0 as? PDFWriterError)?.page, 1)
        }
        try writer.addPage(image: image, dpi: 300, text: .empty(width: 10, height: 10))
        try writer.finish()
        XCTAssertThrowsError(try writer.addPage(image: image, dpi: 300, text: .empty(width: 10, height: 10)))
        XCTAssertThrowsError(try SearchablePDFWriter(url: URL(fileURLWithPath: "/nonexistent-folder/x.pdf"), title: "x", producer: "test"))
        {
            XCTAssertTrue("\($0)".contains("check that the folder exists"), "\($0)")
        }
        XCTAssertThrowsError(
            try SearchablePDFWriter(url: url, title: "x", producer: "test", fontURL: URL(fileURLWithPath: "/nonexistent.ttf"))
        ) {
            XCTAssertTrue("\($0)".contains("pdf.ttf"), "\($0)")
        }
    }
}
