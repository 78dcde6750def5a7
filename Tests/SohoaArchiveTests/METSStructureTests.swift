import Foundation
import SohoaTesting
import XCTest

@testable import SohoaArchive

#if canImport(FoundationXML)
    import FoundationXML
#endif

final class METSStructureTests: XCTestCase {
    static func structure() throws -> ItemStructure {
        let contents = ItemContents([
            ContentsEntry(title: "Lời tựa", type: "preface", firstPage: 1),
            ContentsEntry(
                title: "Chương \"Một\" & hai", firstPage: 2,
                sections: [ContentsEntry(title: "Mục 1", type: "section", firstPage: 2)]),
        ])
        return try ItemStructure(
            rules: PageLabelRules([PageLabelRule(from: 1, firstLabel: "Bìa"), PageLabelRule(from: 2, firstLabel: "iv")]),
            contents: contents, pageCount: 2, source: "item.yaml")
    }

    func testLogicalStructMapAndStructLinkValidate() throws {
        var package = METSWriterTests.package()
        package.structure = try Self.structure()
        let xml = METSWriter.document(package, createdAt: METSWriterTests.date)
        try SharedChecks.assertValidXML(xml, name: "mets.xml")
        let doc = try XMLDocument(xmlString: xml)
        func values(_ xpath: String) throws -> [String] { try doc.nodes(forXPath: xpath).map { $0.stringValue ?? "" } }
        XCTAssertEqual(try values("//*[local-name()='div'][@TYPE='page']/@ORDERLABEL"), ["Bìa", "iv"])
        XCTAssertEqual(
            try values("//*[local-name()='structMap'][@TYPE='LOGICAL']//*[local-name()='div']/@LABEL"),
            ["Đại Nam thực lục", "Lời tựa", "Chương \"Một\" & hai", "Mục 1"].enumerated().map {
                $0.offset == 0 ? package.dc.title : $0.element
            })
        XCTAssertEqual(
            try values("//*[local-name()='smLink']/@*[local-name()='to']"), ["PHYS_0001", "PHYS_0002", "PHYS_0002"])
        XCTAssertEqual(try values("//*[local-name()='smLink']/@*[local-name()='from']"), ["LOG_0001", "LOG_0002", "LOG_0003"])
    }

    func testRestructureGivesWhatTheWriterWrites() throws {
        var package = METSWriterTests.package()
        let plain = METSWriter.document(package, createdAt: METSWriterTests.date)
        package.structure = try Self.structure()
        let structured = METSWriter.document(package, createdAt: METSWriterTests.date)
        XCTAssertEqual(try METSWriter.restructure(plain, structure: package.structure), structured)
        XCTAssertEqual(try METSWriter.restructure(structured, structure: ItemStructure()), plain)
        let relabelled = try METSWriter.restructure(structured, structure: ItemStructure(labels: ["1", "2"]))
        XCTAssertTrue(relabelled.contains("ORDERLABEL=\"2\"") && !relabelled.contains("LOGICAL"))
        try SharedChecks.assertValidXML(relabelled, name: "mets.xml")
    }
}
