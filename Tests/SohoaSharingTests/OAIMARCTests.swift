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

    func testAVolumeOfAHoldingAnotherVisibleItemNamesGetsItsOwnIdWithTheHoldingIn035() throws {
        let archive = try OAITestArchive()
        let date = Date(timeIntervalSince1970: 1_709_280_000)
        for (id, access) in [("tap-1", AccessLevel.public), ("tap-2", .public), ("mot", .public), ("mot-han-che", .restricted)] {
            var item = try archive.addItem(id, at: date, access: access)
            item.holdingID = id.hasPrefix("tap") ? "LCH-0003" : "LCH-0009"
            try archive.catalog.upsertItem(item, at: date)
        }
        let marc = "//*[local-name()='metadata']/*[local-name()='record']"
        let list = try archive.provider().harvest(["verb": "ListRecords", "metadataPrefix": "marc21"])
        XCTAssertEqual(
            list.flatMap { $0.values("\(marc)/*[local-name()='controlfield'][@tag='001']") }, ["LCH-0009", "tap-1", "tap-2"],
            "one 001 per record; a restricted copy harvesters do not see is no other record")
        XCTAssertEqual(
            list.flatMap { $0.values("\(marc)/*[local-name()='datafield'][@tag='035']/*[local-name()='subfield']") },
            ["LCH-0003", "LCH-0003"])

        let seeingRestricted = try archive.provider(SharingConfiguration(restricted: .metadata, pageSize: 10))
            .harvest(["verb": "ListRecords", "metadataPrefix": "marc21"])
        XCTAssertEqual(
            seeingRestricted.flatMap { $0.values("\(marc)/*[local-name()='controlfield'][@tag='001']") },
            ["mot", "mot-han-che", "tap-1", "tap-2"], "a restricted copy harvesters see is another record")
    }

    func testAMARCRecordFollowsItsHoldingAndIsNeverKeptEmpty() throws {
        let archive = try OAITestArchive()
        let date = Date(timeIntervalSince1970: 1_709_280_000)
        var item = try archive.addItem("ban-do", at: date)
        item.holdingID = "LCH-0010"
        try archive.catalog.upsertItem(item, at: date)
        let provider = archive.provider()
        let ids = OAIIdentifier(repositoryIdentifier: SharingConfiguration().repositoryIdentifier)
        let request = ["verb": "GetRecord", "identifier": ids.identifier(itemID: "ban-do"), "metadataPrefix": "marc21"]
        let leader = "//*[local-name()='metadata']/*[local-name()='record']/*[local-name()='leader']"
        XCTAssertEqual(try provider.respond(request).values(leader).first.map { String(Array($0)[6]) }, "a")
        _ = try archive.catalog.importHoldings([
            HoldingRecord(
                id: "LCH-0010", title: "Bản đồ tỉnh Lai Châu", libraryCode: "LCH", collectionType: .map, specialValue: true,
                source: "register.csv")
        ])
        XCTAssertEqual(
            try provider.respond(request).values(leader).first.map { String(Array($0)[6]) }, "e",
            "the register now says map: the record follows though the item did not change")

        // A row whose item the catalog no longer has: an error, and nothing empty kept for it.
        var row = try XCTUnwrap(try archive.catalog.oaiRecord(itemID: "ban-do"))
        row.id = "chua-co"
        XCTAssertThrowsError(try provider.metadata.element(for: row, format: .marc21, visible: [.public]))
        try archive.addItem("chua-co", at: date)
        XCTAssertTrue(
            try provider.metadata.element(for: row, format: .marc21, visible: [.public]).contains("<controlfield tag=\"001\">chua-co<"))
    }

    func testAnItemsRecordIsSentAgainWhenAnotherItemNamesItsHoldingOrTheRegisterChanges() throws {
        let archive = try OAITestArchive()
        let day: TimeInterval = 86_400
        let date = Date(timeIntervalSince1970: 1_709_280_000)  // 2024-03-01
        for (id, holding) in [("tap-1", "LCH-0003"), ("khac", "LCH-0009")] {
            var item = try archive.addItem(id, at: date)
            item.holdingID = holding
            try archive.catalog.upsertItem(item, at: date)
        }
        let provider = archive.provider()
        let ids = OAIIdentifier(repositoryIdentifier: SharingConfiguration().repositoryIdentifier)
        func changed(from: String) throws -> [String] {
            try provider.harvest(["verb": "ListIdentifiers", "metadataPrefix": "marc21", "from": from]).flatMap(\.identifiers)
        }
        XCTAssertEqual(try changed(from: "2024-03-02"), [])

        var second = try archive.addItem("tap-2", at: date.addingTimeInterval(day))
        second.holdingID = "LCH-0003"
        try archive.catalog.upsertItem(second, at: date.addingTimeInterval(day))
        XCTAssertEqual(
            try changed(from: "2024-03-02"), ["tap-1", "tap-2"].map { ids.identifier(itemID: $0) },
            "tap-1's 001 became its own id (the holding is shared now): its record is sent again")
        let controlNumber = "//*[local-name()='metadata']/*[local-name()='record']/*[local-name()='controlfield'][@tag='001']"
        let record = try provider.respond(["verb": "GetRecord", "identifier": ids.identifier(itemID: "tap-1"), "metadataPrefix": "marc21"])
        XCTAssertEqual(record.values(controlNumber), ["tap-1"])

        try archive.catalog.withdrawItem(id: "tap-2", reason: "trùng", agent: "test", at: date.addingTimeInterval(2 * day))
        XCTAssertEqual(
            try changed(from: "2024-03-03"), ["tap-1", "tap-2"].map { ids.identifier(itemID: $0) }, "tap-1 is the only one again")

        _ = try archive.catalog.importHoldings(
            [
                HoldingRecord(
                    id: "LCH-0003", title: "Địa chí Lai Châu", libraryCode: "LCH", collectionType: .localHistory, specialValue: true,
                    source: "register.csv")
            ],
            at: date.addingTimeInterval(3 * day))
        XCTAssertEqual(try changed(from: "2024-03-04"), ["tap-1", "tap-2"].map { ids.identifier(itemID: $0) }, "the register changed")

        var retitled = try XCTUnwrap(try archive.catalog.item(id: "tap-1"))
        retitled.title = "Địa chí Lai Châu, tập 1"
        try archive.catalog.upsertItem(retitled, at: date.addingTimeInterval(4 * day))
        XCTAssertEqual(try changed(from: "2024-03-05"), [ids.identifier(itemID: "tap-1")], "a new title changes no other record")
        XCTAssertEqual(
            try archive.catalog.item(id: "tap-2")?.updatedAt, date.addingTimeInterval(3 * day), "updatedAt never moves back")
    }
}
