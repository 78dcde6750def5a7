import Foundation
import SohoaArchive
import SohoaCatalog
import XCTest

@testable import SohoaSharing

/// OAI-PMH's `marc21` format: listed, disseminated for every visible record (linked to the register
/// and to the item page), never for closed or withdrawn items.
final class OAIMARCTests: XCTestCase {
    func testMARC21IsListedAndEachRecordIsTheItemsMARCRecord() throws {
        let archive = try OAITestArchive()
        let date = Date(timeIntervalSince1970: 1_709_280_000)
        var held = try archive.addItem("dia-chi", title: "Địa chí Lai Châu & <phụ lục>", at: date)
        held.holdingID = "LCH-0003"
        try archive.catalog.upsertItem(held, at: date)
        try archive.addItem("so-2", at: date.addingTimeInterval(1))
        try archive.addItem("mat", at: date.addingTimeInterval(2), access: .closed)
        try archive.addItem("rut", at: date.addingTimeInterval(3))
        try archive.catalog.withdrawItem(id: "rut", reason: "trùng", agent: "test", at: date.addingTimeInterval(4))
        let provider = archive.provider()
        let ids = OAIIdentifier(repositoryIdentifier: SharingConfiguration().repositoryIdentifier)

        let formats = try provider.respond(["verb": "ListMetadataFormats"])
        XCTAssertEqual(formats.values("//*[local-name()='metadataPrefix']"), ["oai_dc", "mods", "marc21"])
        XCTAssertTrue(
            formats.xml.contains(
                "<metadataPrefix>marc21</metadataPrefix><schema>http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd</schema>"
                    + "<metadataNamespace>http://www.loc.gov/MARC21/slim</metadataNamespace>"), formats.xml)

        let record = try provider.respond([
            "verb": "GetRecord", "identifier": ids.identifier(itemID: "dia-chi"), "metadataPrefix": "marc21",
        ])
        XCTAssertNil(record.errorCode, record.xml)
        let marc = "//*[local-name()='metadata']/*[local-name()='record']"
        XCTAssertEqual(record.values("\(marc)/*[local-name()='controlfield'][@tag='001']"), ["LCH-0003"])
        XCTAssertEqual(
            record.values("\(marc)/*[local-name()='datafield'][@tag='245']/*[local-name()='subfield']"), ["Địa chí Lai Châu & <phụ lục>"])
        XCTAssertEqual(
            record.values("\(marc)/*[local-name()='datafield'][@tag='856'][@ind1='4'][@ind2='1']/*[local-name()='subfield']"),
            ["Bản số hóa", "http://example.org/items/dia-chi"])
        XCTAssertEqual(record.values("\(marc)/*[local-name()='leader']").first.map { String(Array($0)[9]) }, "a", "UTF-8")

        let list = try provider.harvest(["verb": "ListRecords", "metadataPrefix": "marc21"])
        XCTAssertEqual(list.flatMap(\.identifiers), ["dia-chi", "so-2", "rut"].map { ids.identifier(itemID: $0) }, "closed: never")
        XCTAssertEqual(list.flatMap(\.deletedIdentifiers), [ids.identifier(itemID: "rut")])
        XCTAssertEqual(list.flatMap { $0.values("\(marc)/*[local-name()='controlfield'][@tag='001']") }, ["LCH-0003", "so-2"])
    }
}
