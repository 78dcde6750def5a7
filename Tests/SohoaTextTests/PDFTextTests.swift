import SohoaText
import XCTest

/// The PDF syntax both PDF writers share: numbers, 2-byte codes and text strings.
final class PDFTextTests: XCTestCase {
    func testNumbersHaveAtMostThreeDecimalsAndNoExponent() {
        XCTAssertEqual(PDFText.number(612), "612")
        XCTAssertEqual(PDFText.number(12.3456), "12.346")
        XCTAssertEqual(PDFText.number(0.5), "0.5")
        XCTAssertEqual(PDFText.number(-7.25), "-7.25")
        XCTAssertEqual(PDFText.number(1e-9), "0")
        XCTAssertEqual(PDFText.number(1.5e7), "15000000")
        XCTAssertEqual(PDFText.number(.nan), "0")
        XCTAssertEqual(PDFText.number(.infinity), "0")
    }

    func testCodesAreFourUppercaseHexDigits() {
        XCTAssertEqual(PDFText.hex(0xE2), "00E2")
        XCTAssertEqual(PDFText.hex(0x1EA1), "1EA1")
        XCTAssertEqual(PDFText.hex(0xD800), "D800")
    }

    func testTextStringsAreLiteralsForASCIIAndUTF16Otherwise() {
        XCTAssertEqual(PDFText.string("a(b)"), "(a\\(b\\))")
        XCTAssertEqual(PDFText.string("Bìa"), "<FEFF004200EC0061>")
    }
}
