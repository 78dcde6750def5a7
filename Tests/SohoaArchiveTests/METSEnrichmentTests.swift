import Foundation
import SohoaTesting
import XCTest

@testable import SohoaArchive

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// METS with MODS, a PREMIS techMD per master, checksums and sizes in the fileSec; and its revision for
/// a new version (a correction or an import) stays valid.
final class METSEnrichmentTests: XCTestCase {
    static func enriched() -> (ItemPackage, [String: PackageFileFacts]) {
        var p = METSWriterTests.package()
        var facts: [String: PackageFileFacts] = [:]
        for index in p.pages.indices {
            p.pages[index].technical = PageTechnical(
                mimeType: "image/tiff", formatName: "TIFF", width: 2480, height: 3508, bitsPerSample: 8, samplesPerPixel: 1,
                colorModel: "gray", compression: "LZW", dpi: 300, dpiEstimated: index == 0)
            for ref in p.pages[index].files { facts[ref.logicalPath] = PackageFileFacts(of: Data(ref.logicalPath.utf8)) }
        }
        facts["truyen-kieu-1866.pdf"] = PackageFileFacts(of: Data("%PDF".utf8))
        return (p, facts)
    }

    func testMODSTechMDAndChecksumsValidate() throws {
        let (p, facts) = Self.enriched()
        let xml = METSWriter.document(p, createdAt: METSWriterTests.date, files: facts)
        try SharedChecks.assertValidXML(xml, name: "mets.xml")
        let doc = try XMLDocument(xmlString: xml)
        func values(_ xpath: String) throws -> [String] { try doc.nodes(forXPath: xpath).map { $0.stringValue ?? "" } }
        XCTAssertEqual(try values("//*[local-name()='mdWrap']/@MDTYPE").filter { $0 == "MODS" }.count, 1)
        XCTAssertEqual(try values("//*[local-name()='mods']/*[local-name()='titleInfo']/*[local-name()='title']"), [p.dc.title])
        XCTAssertEqual(try values("//*[local-name()='techMD']/@ID"), ["TECH_0001", "TECH_0002"])
        XCTAssertEqual(try values("//*[local-name()='fileGrp'][@USE='MASTER']/*/@ADMID"), ["TECH_0001", "TECH_0002"])
        XCTAssertEqual(try values("//*[local-name()='file']/@CHECKSUMTYPE").count, 11)
        let sha = facts["masters/trang 01.tif"]?.sha256 ?? ""
        XCTAssertEqual(
            try values("//*[local-name()='file'][*[local-name()='FLocat']/@*[local-name()='href']='masters/trang%2001.tif']/@CHECKSUM"),
            [sha])
        XCTAssertTrue(xml.contains("<premis:significantPropertiesValue>300 dpi (estimated)</premis:significantPropertiesValue>"))
        XCTAssertTrue(xml.contains("<premis:messageDigest>\(sha)</premis:messageDigest>"))
    }

    func testRevisionAddsAnEventAnAgentAndNewChecksumsAndStaysValid() throws {
        let (p, facts) = Self.enriched()
        let xml = METSWriter.document(p, createdAt: METSWriterTests.date, files: facts)
        let newText = PackageFileFacts(of: Data("Trăm năm trong cõi người ta\n".utf8))
        let event = PreservationEvent(
            type: "modification", date: METSWriterTests.date.addingTimeInterval(3600),
            agent: PreservationAgent(name: "Lò Thị Mai", kind: .person), outcome: "success", detail: "OCR text of page trang 01 corrected")
        let revised = try METSWriter.revise(
            xml, objectID: p.objectID, events: [event], changedFiles: ["text/trang 01.txt": newText],
            modifiedAt: METSWriterTests.date.addingTimeInterval(3600))
        try SharedChecks.assertValidXML(revised, name: "mets.xml")
        let doc = try XMLDocument(xmlString: revised)
        func values(_ xpath: String) throws -> [String] { try doc.nodes(forXPath: xpath).map { $0.stringValue ?? "" } }
        XCTAssertEqual(try values("//*[local-name()='event']").count, 4)
        XCTAssertEqual(try values("//*[local-name()='agentName']").last, "Lò Thị Mai")
        XCTAssertEqual(try values("//*[local-name()='metsHdr']/@LASTMODDATE"), ["2023-11-14T23:13:20Z"])
        XCTAssertEqual(
            try values("//*[local-name()='file'][*[local-name()='FLocat']/@*[local-name()='href']='text/trang%2001.txt']/@CHECKSUM"),
            [newText.sha256])
        XCTAssertTrue(try values("//*[local-name()='div'][@ID='PHYS_0000']/@ADMID").first?.hasSuffix("EVENT_0004") == true)
        // A second revision numbers on, and does not repeat a known agent.
        let again = try METSWriter.revise(
            revised, objectID: p.objectID, events: [event], changedFiles: [:], modifiedAt: METSWriterTests.date)
        try SharedChecks.assertValidXML(again, name: "mets.xml")
        XCTAssertTrue(again.contains("ID=\"EVENT_0005\""))
        XCTAssertEqual(again.components(separatedBy: "<premis:agentName>Lò Thị Mai</premis:agentName>").count, 2)
        XCTAssertThrowsError(try METSWriter.revise("<mets/>", objectID: "x", events: [event], changedFiles: [:], modifiedAt: Date()))
    }
}
