import Foundation
import SohoaTesting
import XCTest

@testable import SohoaArchive

#if canImport(FoundationXML)
    import FoundationXML
#endif

final class METSWriterTests: XCTestCase {
    static let date = Date(timeIntervalSince1970: 1_700_000_000)

    static func package() -> ItemPackage {
        let pages = (1...2).map { n in
            let name = String(format: "trang %02d", n)
            return PackagePage(
                name: name, sequence: n,
                files: [
                    PackageFileRef(use: .master, logicalPath: "masters/\(name).tif", mimeType: "image/tiff"),
                    PackageFileRef(use: .access, logicalPath: "access/\(name).png", mimeType: "image/png"),
                    PackageFileRef(use: .alto, logicalPath: "alto/\(name).xml", mimeType: "application/xml"),
                    PackageFileRef(use: .hocr, logicalPath: "hocr/\(name).hocr", mimeType: "text/html"),
                    PackageFileRef(use: .text, logicalPath: "text/\(name).txt", mimeType: "text/plain; charset=utf-8"),
                ])
        }
        let sohoa = PreservationAgent(name: "sohoa 0.1")
        return ItemPackage(
            objectID: Fixtures.kieuID, dc: DublinCoreWriterTests.kieu, pages: pages.reversed(),
            itemFiles: [PackageFileRef(use: .pdf, logicalPath: "truyen-kieu-1866.pdf", mimeType: "application/pdf")],
            events: [
                PreservationEvent(
                    type: "capture", date: date, agent: PreservationAgent(name: "Máy quét Zeutschel OS 12000"),
                    outcome: "success", detail: "400 dpi"),
                PreservationEvent(
                    type: "optical character recognition", date: date.addingTimeInterval(60), agent: sohoa,
                    outcome: "warning", detail: "Tesseract vie <độ tin cậy 71%> & \"thấp\""),
                PreservationEvent(
                    type: "ingestion", date: date.addingTimeInterval(120),
                    agent: PreservationAgent(name: "Nguyễn Thị Hoa", kind: .person), outcome: "success"),
            ])
    }

    func testDocumentValidatesIncludingWrappedDCAndPREMIS() throws {
        let xml = METSWriter.document(Self.package(), createdAt: Self.date)
        try SharedChecks.assertValidXML(xml, name: "mets.xml")
        let run = try SharedChecks.run("validate-xml", [try writeTemporary(xml)])
        XCTAssertTrue(run.summary.contains("PREMIS") && run.summary.contains("oai_dc"), run.summary)
    }

    func testStructure() throws {
        let xml = METSWriter.document(Self.package(), createdAt: Self.date)
        let doc = try XMLDocument(xmlString: xml)
        func count(_ xpath: String) throws -> Int { try doc.nodes(forXPath: xpath).count }
        XCTAssertEqual(try count("//*[local-name()='fileGrp']"), 6)
        XCTAssertEqual(
            try doc.nodes(forXPath: "//*[local-name()='fileGrp']/@USE").map { $0.stringValue ?? "" },
            ["MASTER", "ACCESS", "ALTO", "HOCR", "TEXT", "PDF"])
        XCTAssertEqual(try count("//*[local-name()='div'][@TYPE='page']"), 2)
        XCTAssertEqual(try doc.nodes(forXPath: "//*[local-name()='div'][@TYPE='page']/@ORDER").map { $0.stringValue ?? "" }, ["1", "2"])
        XCTAssertEqual(try count("//*[local-name()='event']"), 3)
        XCTAssertEqual(try count("//*[local-name()='agent'][namespace-uri()='http://www.loc.gov/premis/v3']"), 3)
        XCTAssertTrue(xml.contains("xlink:href=\"masters/trang%2001.tif\""))
        XCTAssertTrue(xml.contains("<premis:eventDetail>Tesseract vie &lt;độ tin cậy 71%&gt; &amp; \"thấp\"</premis:eventDetail>"))
        XCTAssertEqual(xml, METSWriter.document(Self.package(), createdAt: Self.date), "the same package gives the same bytes")
    }

    func testEscapesAttributes() throws {
        var p = Self.package()
        p.objectID = "urn:sohoa:HNI:a\"b<c&d"
        let xml = METSWriter.document(p, createdAt: Self.date)
        XCTAssertTrue(xml.contains("OBJID=\"urn:sohoa:HNI:a&quot;b&lt;c&amp;d\""))
        XCTAssertTrue(xml.contains("LABEL=\"Truyện Kiều &lt;bản Liễu Văn Đường&gt; &amp; &quot;chú giải&quot;\""))
        XCTAssertEqual(try XMLDocument(xmlString: xml).rootElement()?.attribute(forName: "OBJID")?.stringValue, p.objectID)
        try SharedChecks.assertValidXML(xml, name: "mets.xml")
    }

    func testMinimalPackageValidates() throws {
        let p = ItemPackage(objectID: "urn:sohoa:HNI:trống", dc: DublinCore(title: "Tờ rời"), pages: [])
        try SharedChecks.assertValidXML(METSWriter.document(p, createdAt: Self.date), name: "mets.xml")
    }

    private func writeTemporary(_ xml: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sohoa-mets-\(UUID().uuidString).xml")
        try Data(xml.utf8).write(to: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }
}

/// The serial an issue belongs to is written as MODS `relatedItem type="host"` and `dc:relation`, and read back.
final class SerialPartTests: XCTestCase {
    func testSerialPartIsWrittenValidAndReadBack() throws {
        var package = METSWriterTests.package()
        let part = SerialPart(id: "bao-lai-chau", title: "Báo <Lai Châu>", issueDate: "1958-03", issueNumber: "12", volume: "II")
        package.dc.serial = part
        let xml = METSWriter.document(package, createdAt: METSWriterTests.date)
        try SharedChecks.assertValidXML(xml, name: "mets.xml")
        try SharedChecks.assertValidXML(DublinCoreWriter.oaiDC(package.dc), name: "dc.xml")
        XCTAssertEqual(SerialPart(mods: xml), part)
        XCTAssertEqual(SerialPart(relations: package.dc.relation + part.relations), SerialPart(id: "bao-lai-chau", title: "Báo <Lai Châu>"))
        var bare = package
        bare.dc.serial = SerialPart(id: "bao-lai-chau")
        let bareXML = METSWriter.document(bare, createdAt: METSWriterTests.date)
        try SharedChecks.assertValidXML(bareXML, name: "mets.xml")
        XCTAssertEqual(SerialPart(mods: bareXML), SerialPart(id: "bao-lai-chau"))
        XCTAssertNil(SerialPart(mods: METSWriter.document(METSWriterTests.package(), createdAt: METSWriterTests.date)))
    }
}
