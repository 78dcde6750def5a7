import Foundation
import FoundationXML
import SohoaImaging
import SohoaOCR
import SohoaTesting
import XCTest

final class HOCRWriterTests: XCTestCase {
    func testRealPageIsValidHOCR() throws {
        let validator = try TestFixtures.validator("validate-hocr")
        let page = try TestFixtures.recognized("vie_vietocr3_samples/vietsample2.png")
        let transform = PageTransform.identity(width: page.text.width, height: page.text.height)
        let html = HOCRWriter.document(page: page.text, transform: transform, context: WriterFixtures.context())
        let file = try temporaryFolder("sohoa-ocr-tests").appendingPathComponent("vietsample2.hocr")
        try html.write(to: file, atomically: true, encoding: .utf8)
        let result = try TestFixtures.run(validator, [file.path])
        print(result.summary)
        XCTAssertEqual(result.exitCode, 0, result.stdout + result.stderr)

        let document = try XMLDocument(data: Data(html.utf8))
        let words = try document.nodes(forXPath: "//*[@class='ocrx_word']").compactMap(\.stringValue)
        XCTAssertEqual(words, page.text.words.map(\.text))
        XCTAssertTrue(
            html.contains("title=\"image &quot;trang-01.tif&quot;; bbox 0 0 2550 3300; ppageno 0; scan_res 300 300\""),
            String(html.prefix(1200)))

        // The CER tool reads hOCR too: the words it finds are ours.
        if let cer = try? TestFixtures.validator("cer") {
            let text = try temporaryFolder("sohoa-ocr-tests").appendingPathComponent("page.txt")
            try page.text.plainText.write(to: text, atomically: true, encoding: .utf8)
            let check = try TestFixtures.run(cer, ["--max-cer", "0.001", text.path, file.path])
            print(check.summary)
            XCTAssertEqual(check.exitCode, 0, check.stdout + check.stderr)
        }
    }

    func testBoxesAreMasterPixelsAndTextIsEscaped() throws {
        let transform = PageTransform(masterWidth: 400, masterHeight: 300, scale: 0.5, normalizedWidth: 200, normalizedHeight: 150)
        let page = WriterFixtures.page(
            width: 200, height: 150,
            lines: [WriterFixtures.line("a<b R&D", x: 10, y: 30, height: 12, charWidth: 5, gap: 5, confidence: 88.6)])
        let html = HOCRWriter.document(
            page: page, transform: transform, context: WriterFixtures.context(language: "vie+eng", pageNumber: 3))
        XCTAssertTrue(html.contains("title=\"bbox 20 60 50 84; x_wconf 89\">a&lt;b</span>"), html)
        XCTAssertTrue(html.contains(">R&amp;D</span>"), html)
        XCTAssertTrue(html.contains("bbox 0 0 400 300; ppageno 2"), html)
        XCTAssertTrue(html.contains("lang=\"vie\""))
        XCTAssertTrue(html.contains("<meta name=\"ocr-langs\" content=\"vie eng\"/>"))
        let document = try XMLDocument(data: Data(html.utf8))
        XCTAssertEqual(try document.nodes(forXPath: "//*[@class='ocrx_word']").compactMap(\.stringValue), ["a<b", "R&D"])

        if let validator = try? TestFixtures.validator("validate-hocr") {
            let file = try temporaryFolder("sohoa-ocr-tests").appendingPathComponent("small.hocr")
            try html.write(to: file, atomically: true, encoding: .utf8)
            let result = try TestFixtures.run(validator, [file.path])
            XCTAssertEqual(result.exitCode, 0, result.stdout + result.stderr)
        }
    }
}
