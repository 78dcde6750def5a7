import Foundation
import FoundationXML
import SohoaImaging
import SohoaOCR
import SohoaTesting
import XCTest

final class ALTOWriterTests: XCTestCase {
    func testRealPageIsValidALTO4() throws {
        let validator = try TestFixtures.validator("validate-xml")
        let page = try TestFixtures.recognized("vie_vietocr3_samples/vietsample2.png")
        let transform = PageTransform.identity(width: page.text.width, height: page.text.height)
        let xml = ALTOWriter.document(page: page.text, transform: transform, context: WriterFixtures.context())
        let file = try temporaryFolder("sohoa-ocr-tests").appendingPathComponent("vietsample2.xml")
        try xml.write(to: file, atomically: true, encoding: .utf8)
        let result = try TestFixtures.run(validator, [file.path])
        print(result.summary)
        XCTAssertEqual(result.exitCode, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.summary.contains("VALID"), result.summary)

        let document = try XMLDocument(data: Data(xml.utf8))
        let strings = try document.nodes(forXPath: "//*[local-name()='String']")
        XCTAssertEqual(strings.count, page.text.words.count)
        XCTAssertTrue(xml.contains("<softwareVersion>\(TesseractEngine.version)</softwareVersion>"))
        XCTAssertTrue(xml.contains("<softwareVersion>0.1.0-test</softwareVersion>"))
        XCTAssertTrue(xml.contains("<fileName>trang-01.tif</fileName>"))
        XCTAssertTrue(xml.contains("WIDTH=\"2550\" HEIGHT=\"3300\""))
    }

    func testBoxesLandInTheMasterWhenTheTransformRotates() throws {
        // The master is 200×100 landscape; normalize turned it 90° into a 100×200 portrait page.
        let transform = PageTransform(masterWidth: 200, masterHeight: 100, rotationDegrees: 90, normalizedWidth: 100, normalizedHeight: 200)
        let word = Word(text: "Huế", box: BoundingBox(x: 10, y: 20, width: 30, height: 40), confidence: 87)
        let line = TextLine(box: BoundingBox(x: 10, y: 20, width: 30, height: 40), words: [word])
        let page = PageText(
            width: 100, height: 200, blocks: [TextBlock(box: line.box, paragraphs: [TextParagraph(box: line.box, lines: [line])])])
        let xml = ALTOWriter.document(page: page, transform: transform, context: WriterFixtures.context())
        // Corners (10,20) (40,20) (10,60) (40,60) map to (180,10) (180,40) (140,10) (140,40).
        XCTAssertTrue(
            xml.contains("<String ID=\"string_1\" HPOS=\"140\" VPOS=\"10\" WIDTH=\"40\" HEIGHT=\"30\" CONTENT=\"Huế\" WC=\"0.87\"/>"), xml)
        XCTAssertTrue(xml.contains("<Page ID=\"trang-01\" PHYSICAL_IMG_NR=\"1\" WIDTH=\"200\" HEIGHT=\"100\">"), xml)
    }

    func testBoxesLandInTheMasterWhenTheTransformScales() {
        // Normalize halved a 600-dpi master of 400×300 to 300 dpi.
        let transform = PageTransform(masterWidth: 400, masterHeight: 300, scale: 0.5, normalizedWidth: 200, normalizedHeight: 150)
        let page = WriterFixtures.page(
            width: 200, height: 150, lines: [WriterFixtures.line("Lai Châu", x: 10, y: 30, height: 12, charWidth: 5, gap: 5)])
        let xml = ALTOWriter.document(page: page, transform: transform, context: WriterFixtures.context())
        XCTAssertTrue(xml.contains("HPOS=\"20\" VPOS=\"60\" WIDTH=\"30\" HEIGHT=\"24\" CONTENT=\"Lai\""), xml)
        XCTAssertTrue(xml.contains("<SP HPOS=\"50\" VPOS=\"60\" WIDTH=\"10\"/>"), xml)
        XCTAssertTrue(xml.contains("HPOS=\"60\" VPOS=\"60\" WIDTH=\"40\" HEIGHT=\"24\" CONTENT=\"Châu\""), xml)
    }

    func testTextAndAttributesAreEscaped() throws {
        let page = WriterFixtures.page(lines: [WriterFixtures.line("<b> R&D \"trích\" it's", y: 100)])
        let context = WriterFixtures.context(fileName: "a&b <1>.tif")
        let xml = ALTOWriter.document(page: page, transform: .identity(width: 2000, height: 1000), context: context)
        XCTAssertTrue(xml.contains("CONTENT=\"&lt;b&gt;\""))
        XCTAssertTrue(xml.contains("CONTENT=\"R&amp;D\""))
        XCTAssertTrue(xml.contains("CONTENT=\"&quot;trích&quot;\""))
        XCTAssertTrue(xml.contains("CONTENT=\"it&apos;s\""))
        XCTAssertTrue(xml.contains("<fileName>a&amp;b &lt;1&gt;.tif</fileName>"))

        let document = try XMLDocument(data: Data(xml.utf8))
        let contents = try document.nodes(forXPath: "//*[local-name()='String']/@CONTENT").compactMap(\.stringValue)
        XCTAssertEqual(contents, ["<b>", "R&D", "\"trích\"", "it's"])

        if let validator = try? TestFixtures.validator("validate-xml") {
            let file = try temporaryFolder("sohoa-ocr-tests").appendingPathComponent("escaped.xml")
            try xml.write(to: file, atomically: true, encoding: .utf8)
            let result = try TestFixtures.run(validator, [file.path])
            XCTAssertEqual(result.exitCode, 0, result.stdout + result.stderr)
        }
    }

    func testPageIDIsMadeAnXMLID() {
        var context = WriterFixtures.context()
        context.pageID = "0003 bản"
        let xml = ALTOWriter.document(page: .empty(width: 10, height: 10), transform: .identity(width: 10, height: 10), context: context)
        XCTAssertTrue(xml.contains("<Page ID=\"page_0003_bản\""), xml)
    }

    func testEmptyPageIsValid() throws {
        let validator = try TestFixtures.validator("validate-xml")
        let xml = ALTOWriter.document(
            page: .empty(width: 10, height: 10), transform: .identity(width: 10, height: 10), context: WriterFixtures.context())
        let file = try temporaryFolder("sohoa-ocr-tests").appendingPathComponent("empty.xml")
        try xml.write(to: file, atomically: true, encoding: .utf8)
        let result = try TestFixtures.run(validator, [file.path])
        XCTAssertEqual(result.exitCode, 0, result.stdout + result.stderr)
    }

    func testWordConfidenceIsZeroToOne() {
        let page = WriterFixtures.page(lines: [
            WriterFixtures.line("a", y: 10, confidence: 100), WriterFixtures.line("b", y: 60, confidence: 5.4),
            WriterFixtures.line("c", y: 110, confidence: -3),
        ])
        let xml = ALTOWriter.document(page: page, transform: .identity(width: 2000, height: 1000), context: WriterFixtures.context())
        XCTAssertTrue(xml.contains("CONTENT=\"a\" WC=\"1\""))
        XCTAssertTrue(xml.contains("CONTENT=\"b\" WC=\"0.05\""))
        XCTAssertTrue(xml.contains("CONTENT=\"c\" WC=\"0\""), xml)
    }
}
