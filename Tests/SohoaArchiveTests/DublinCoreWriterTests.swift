import Foundation
import SohoaTesting
import SohoaText
import XCTest

@testable import SohoaArchive

#if canImport(FoundationXML)
    import FoundationXML
#endif

final class DublinCoreWriterTests: XCTestCase {
    static let kieu = DublinCore(
        title: "Truyện Kiều <bản Liễu Văn Đường> & \"chú giải\"", creators: ["Nguyễn Du"], subjects: ["Thơ Nôm", "Văn học trung đại"],
        description: "Bản khắc gỗ năm Tự Đức thứ 19; chữ Nôm 'thượng lục hạ bát'", publisher: "Liễu Văn Đường",
        contributors: ["Thư viện Quốc gia Việt Nam"], date: "1866", type: "Text", format: "image/tiff",
        identifiers: [Fixtures.kieuID, "R.1234"], source: "Kho sách Hán Nôm", language: ["vie", "nom"],
        relation: ["urn:sohoa:HNI:kim-van-kieu"], coverage: ["Huế", "thế kỷ 19"], rights: "Phạm vi công cộng")

    func testOAIDCValidates() throws {
        let xml = DublinCoreWriter.oaiDC(Self.kieu)
        XCTAssertTrue(xml.contains("<dc:language>nom</dc:language>"))
        try SharedChecks.assertValidXML(xml, name: "dc.xml")
    }

    func testEscapesText() throws {
        let xml = DublinCoreWriter.oaiDC(Self.kieu)
        XCTAssertTrue(xml.contains("<dc:title>Truyện Kiều &lt;bản Liễu Văn Đường&gt; &amp; \"chú giải\"</dc:title>"))
        XCTAssertFalse(xml.contains("<bản"))
        let parsed = try XMLDocument(xmlString: xml)
        XCTAssertEqual(try parsed.nodes(forXPath: "//*[local-name()='title']").first?.stringValue, Self.kieu.title)
    }

    func testDropsCharactersXMLCannotHoldAndNormalizesToNFC() {
        let dc = DublinCore(title: "Quy\u{00EA}\u{0300}n 1\u{0007}\u{FFFE}")
        XCTAssertTrue(DublinCoreWriter.oaiDC(dc).contains("<dc:title>Quyền 1</dc:title>"))
        XCTAssertEqual(XMLText.attribute("a\"b'c<&"), "a&quot;b&apos;c&lt;&amp;")
    }

    func testOmitsEmptyElements() {
        let xml = DublinCoreWriter.oaiDC(DublinCore(title: "Tên", creators: [""], description: ""))
        XCTAssertFalse(xml.contains("dc:creator"))
        XCTAssertFalse(xml.contains("dc:description"))
    }

    func testCodableRoundTrip() throws {
        let data = try JSONEncoder().encode(Self.kieu)
        XCTAssertEqual(try JSONDecoder().decode(DublinCore.self, from: data), Self.kieu)
    }
}
