import Foundation
import XCTest

@testable import SohoaArchive

/// The declared encoding is read as libxml2 would see it, in UTF-8 and UTF-16, and only UTF-8, ASCII
/// and UTF-16 pass.
final class XMLPreflightTests: XCTestCase {
    func testTheDeclaredEncodingIsReadHoweverTheDeclarationIsWritten() {
        XCTAssertEqual(XMLPreflight.encoding(in: Data(#"<?xml version="1.0" encoding="UTF-7"?><a/>"#.utf8)), "UTF-7")
        XCTAssertEqual(XMLPreflight.encoding(in: Data("<?xml version='1.0' encoding = 'utf-8' ?>\n<a/>".utf8)), "utf-8")
        let withMark = Data("\u{FEFF}<?xml version=\"1.0\"\n  encoding=\"ISO-8859-1\"?><a/>".utf8)
        XCTAssertEqual(XMLPreflight.encoding(in: withMark), "ISO-8859-1")
        XCTAssertNil(XMLPreflight.encoding(in: Data(#"<?xml version="1.0"?><a encoding="UTF-7"/>"#.utf8)), "only the declaration counts")
        XCTAssertEqual(
            XMLPreflight.encoding(in: Data(#"<?xml version="1.0" encoding="UTF-7"'>"#.utf8)), "UTF-7",
            "a declaration that does not end properly still switches libxml2 (found by fuzzing)")
        XCTAssertEqual(
            XMLPreflight.unsupportedEncoding(in: Data(#"<?xml version="encoding='UTF-8'" encoding="UTF-7"?>"#.utf8)), "UTF-7",
            "every candidate of a broken declaration is checked")
        XCTAssertNil(XMLPreflight.encoding(in: Data("<a/>".utf8)))
        XCTAssertNil(XMLPreflight.encoding(in: Data()))
        // UTF-16 (little-endian, with its byte-order mark): the declaration has a zero byte beside each letter.
        let utf16 = Data([0xFF, 0xFE]) + #"<?xml version="1.0" encoding="EBCDIC-US"?><a/>"#.data(using: .utf16LittleEndian)!
        XCTAssertEqual(XMLPreflight.encoding(in: utf16), "EBCDIC-US")
    }

    func testOnlyUnicodeEncodingsPass() {
        func unsupported(_ declared: String) -> String? {
            XMLPreflight.unsupportedEncoding(in: Data("<?xml version=\"1.0\" encoding=\"\(declared)\"?><a/>".utf8))
        }
        for name in ["UTF-8", "utf8", "US-ASCII"] { XCTAssertNil(unsupported(name), name) }
        for name in ["UTF-7", "EBCDIC-US", "ISO-8859-1", "windows-1258", "UCS-4", "UTF-16", ""] { XCTAssertEqual(unsupported(name), name) }
        XCTAssertNil(XMLPreflight.unsupportedEncoding(in: Data("<a/>".utf8)), "no declaration: UTF-8 by the XML rules")
        let ebcdic = Data([0x4C, 0x6F, 0xA7, 0x94, 0x93])
        XCTAssertEqual(XMLPreflight.unsupportedEncoding(in: ebcdic), "EBCDIC", "libxml2 detects EBCDIC by its first bytes")
    }

    /// Found by fuzzing: `XMLParser` reads the data of `<?Xmmm?>` from a null pointer.
    func testAnEmptyProcessingInstructionIsFoundWithItsLine() {
        XCTAssertEqual(XMLPreflight.emptyProcessingInstruction(in: Data("<?Xmmm?>veX".utf8))?.target, "Xmmm")
        let later = XMLPreflight.emptyProcessingInstruction(in: Data("<?xml version=\"1.0\"?>\n<a>\n<?pi  ?></a>".utf8))
        XCTAssertEqual(later?.target, "pi")
        XCTAssertEqual(later?.line, 3)
        XCTAssertNil(XMLPreflight.emptyProcessingInstruction(in: Data("<?xml version=\"1.0\"?><?xml-stylesheet href=\"a.xsl\"?><a/>".utf8)))
        XCTAssertNil(XMLPreflight.emptyProcessingInstruction(in: Data("<a>x <? y</a>".utf8)))
        let utf16 = "<a><?p?></a>".data(using: .utf16LittleEndian)!
        XCTAssertEqual(XMLPreflight.emptyProcessingInstruction(in: utf16)?.target, "p")
        XCTAssertThrowsError(try XMLPreflight.utf8(Data("<a><?p?></a>".utf8))) {
            XCTAssertTrue("\($0)".contains("<?p?> on line 1"), "\($0)")
        }
        XCTAssertNoThrow(try XMLPreflight.utf8(Data(#"<?xml version="1.0" encoding="UTF-8"?><a><?p data?></a>"#.utf8)))
    }

    /// Found by fuzzing: libxml2 takes `00 00 00 3C` for UCS-4 and crashes; zero bytes are refused.
    func testTheParserIsGivenUTF8OnlyAndUTF16WithAByteOrderMarkIsConverted() throws {
        XCTAssertThrowsError(try XMLPreflight.utf8(Data([0, 0, 0, 0x3C, 0x3F, 0x69, 0x3E, 0x0A]))) {
            XCTAssertTrue("\($0)".contains("zero byte on line 1"), "\($0)")
        }
        XCTAssertThrowsError(try XMLPreflight.utf8(Data([0x3C, 0x61, 0x3E, 0xC3, 0x3C, 0x2F, 0x61, 0x3E]))) {
            XCTAssertTrue("\($0)".contains("not UTF-8"), "\($0)")
        }
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<a>Lai Châu</a>"
        let utf16 = Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!
        let converted = String(decoding: try XMLPreflight.utf8(utf16), as: UTF8.self)
        XCTAssertEqual(converted.split(separator: "\n", omittingEmptySubsequences: false).last, "<a>Lai Châu</a>", "lines kept")
        XCTAssertFalse(converted.contains("UTF-16"), "the declaration of UTF-16 is blanked: the parser reads UTF-8")
        let declaredUTF16 = Data(#"<?xml version="1.0" encoding="UTF-16"?><a/>"#.utf8)
        XCTAssertThrowsError(try XMLPreflight.utf8(declaredUTF16), "UTF-8 bytes declared UTF-16")
    }
}
