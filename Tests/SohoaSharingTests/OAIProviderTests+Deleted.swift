import Foundation
import SohoaArchive
import SohoaCatalog
import XCTest

@testable import SohoaSharing

/// Items that leave the public view (withdrawn, closed) become `deleted` records dated by the change,
/// and come back when restored.
extension OAIProviderTests {
    func testWithdrawnItemsAreReportedAsDeletedAndRestoredItemsComeBack() throws {
        let archive = try makeArchive(items: 3)
        let provider = archive.provider()
        let id = ids.identifier(itemID: "sach-001")
        let withdrawnAt = base.addingTimeInterval(86_400)
        try archive.catalog.withdrawItem(id: "sach-001", reason: "Bản quét trùng", agent: "test", at: withdrawnAt)

        let record = try provider.respond(["verb": "GetRecord", "identifier": id, "metadataPrefix": "oai_dc"])
        XCTAssertNil(record.errorCode)
        XCTAssertEqual(record.deletedIdentifiers, [id])
        XCTAssertEqual(record.values("//*[local-name()='metadata']"), [], "a deleted record carries no metadata")
        XCTAssertEqual(record.values("//*[local-name()='datestamp']"), ["2024-03-02T08:00:00Z"], "dated by the withdrawal")
        let list = try provider.respond(["verb": "ListRecords", "metadataPrefix": "mods"])
        XCTAssertEqual(list.deletedIdentifiers, [id])
        XCTAssertEqual(list.identifiers.last, id, "the withdrawal moved it to the end")
        XCTAssertEqual(
            try provider.respond(["verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "from": "2024-03-02"]).deletedIdentifiers,
            [id], "incremental harvests see the deletion")
        XCTAssertEqual(try archive.catalog.events(itemID: "sach-001").last?.type, "withdrawn")

        XCTAssertTrue(try archive.catalog.restoreItem(id: "sach-001", agent: "test", at: withdrawnAt.addingTimeInterval(60)))
        XCTAssertFalse(try archive.catalog.restoreItem(id: "sach-001", agent: "test"))
        let back = try provider.respond(["verb": "GetRecord", "identifier": id, "metadataPrefix": "oai_dc"])
        XCTAssertEqual(back.deletedIdentifiers, [])
        XCTAssertEqual(back.values("//*[local-name()='datestamp']"), ["2024-03-02T08:01:00Z"])
        XCTAssertThrowsError(try archive.catalog.withdrawItem(id: "nope", reason: "x", agent: "test"))
    }

    func testAnItemClosedAfterArchivingBecomesADeletedRecordDatedByTheChange() throws {
        let archive = try makeArchive(items: 3)
        let hidden = archive.provider(SharingConfiguration(restricted: .hidden))
        let exposed = archive.provider(SharingConfiguration(restricted: .metadata))
        let closedID = ids.identifier(itemID: "sach-001"), restrictedID = ids.identifier(itemID: "sach-002")
        XCTAssertEqual(try hidden.respond(["verb": "ListIdentifiers", "metadataPrefix": "oai_dc"]).deletedIdentifiers, [])
        let closedAt = base.addingTimeInterval(86_400), restrictedAt = base.addingTimeInterval(90_000)
        try archive.catalog.setAccess(itemID: "sach-001", .closed, at: closedAt)
        try archive.catalog.setAccess(itemID: "sach-002", .restricted, at: restrictedAt)

        for verb in ["ListIdentifiers", "ListRecords"] {
            let list = try hidden.respond(["verb": verb, "metadataPrefix": "oai_dc"])
            XCTAssertEqual(list.deletedIdentifiers, [closedID, restrictedID], "\(verb): closed, and restricted while hidden")
            XCTAssertEqual(Array(list.identifiers.suffix(2)), [closedID, restrictedID], "\(verb): the change moved them to the end")
            XCTAssertEqual(
                try exposed.respond(["verb": verb, "metadataPrefix": "oai_dc"]).deletedIdentifiers, [closedID],
                "\(verb): restricted items keep their metadata when it is exposed")
        }
        let record = try hidden.respond(["verb": "GetRecord", "identifier": closedID, "metadataPrefix": "oai_dc"])
        XCTAssertNil(record.errorCode)
        XCTAssertEqual(record.deletedIdentifiers, [closedID])
        XCTAssertEqual(record.values("//*[local-name()='metadata']"), [], "a deleted record carries no metadata")
        XCTAssertEqual(record.values("//*[local-name()='datestamp']"), ["2024-03-02T08:00:00Z"], "dated by the access change")
        XCTAssertEqual(
            try hidden.respond(["verb": "GetRecord", "identifier": restrictedID, "metadataPrefix": "mods"]).deletedIdentifiers,
            [restrictedID])
        XCTAssertEqual(
            try hidden.respond(["verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "from": "2024-03-02"]).deletedIdentifiers,
            [closedID, restrictedID], "incremental harvests see the deletion")
        XCTAssertEqual(
            try hidden.respond(["verb": "Identify"]).values("//*[local-name()='deletedRecord']"), ["persistent"])

        // Opened again: a full record, with a new datestamp so harvesters fetch it again.
        try archive.catalog.setAccess(itemID: "sach-001", .public, at: restrictedAt.addingTimeInterval(60))
        let back = try hidden.respond(["verb": "GetRecord", "identifier": closedID, "metadataPrefix": "oai_dc"])
        XCTAssertEqual(back.deletedIdentifiers, [])
        XCTAssertEqual(back.values("//*[local-name()='datestamp']"), ["2024-03-02T09:01:00Z"])
    }

    func testAChangedResumptionTokenIsRefusedAndTheKeyStaysWithTheArchive() throws {
        let archive = try makeArchive(items: 25)
        let first = try archive.provider().respond(["verb": "ListIdentifiers", "metadataPrefix": "oai_dc"])
        let token = try XCTUnwrap(first.values("//*[local-name()='resumptionToken']").first)
        // A new provider on the same archive (a server restart) takes the token.
        XCTAssertNil(try archive.provider().respond(["verb": "ListIdentifiers", "resumptionToken": token]).errorCode)
        var tampered = Array(token)
        tampered[5] = tampered[5] == "A" ? "B" : "A"
        XCTAssertEqual(
            try archive.provider().respond(["verb": "ListIdentifiers", "resumptionToken": String(tampered)]).errorCode,
            "badResumptionToken")
        let key = archive.root.url.appendingPathComponent("extensions/sohoa-work/oai-token.key")
        let mode = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: key.path)[.posixPermissions] as? NSNumber)
        XCTAssertEqual(mode.intValue & 0o777, 0o600)
    }

    func testClosedItemsNeverAppearAndRestrictedOnesAsConfigured() throws {
        let archive = try makeArchive(items: 3)
        try archive.addItem("mat", at: base.addingTimeInterval(600), access: .closed)
        try archive.addItem("han-che", type: "Bí mật", at: base.addingTimeInterval(700), access: .restricted)
        try archive.catalog.withdrawItem(id: "mat", reason: "x", agent: "test", at: base.addingTimeInterval(800))
        let hidden = archive.provider(SharingConfiguration(restricted: .hidden))
        let exposed = archive.provider(SharingConfiguration(restricted: .metadata))
        let closedID = ids.identifier(itemID: "mat")
        let restrictedID = ids.identifier(itemID: "han-che")
        for provider in [hidden, exposed] {
            let list = try provider.respond(["verb": "ListIdentifiers", "metadataPrefix": "oai_dc"])
            XCTAssertFalse(list.identifiers.contains(closedID), "closed: not even as deleted")
            XCTAssertEqual(
                try provider.respond(["verb": "GetRecord", "identifier": closedID, "metadataPrefix": "oai_dc"]).errorCode,
                "idDoesNotExist")
        }
        XCTAssertFalse(try hidden.respond(["verb": "ListIdentifiers", "metadataPrefix": "oai_dc"]).identifiers.contains(restrictedID))
        XCTAssertEqual(
            try hidden.respond(["verb": "GetRecord", "identifier": restrictedID, "metadataPrefix": "oai_dc"]).errorCode,
            "idDoesNotExist")
        XCTAssertFalse(try hidden.respond(["verb": "ListSets"]).values("//*[local-name()='setSpec']").contains("type:Bi-mat"))
        let record = try exposed.respond(["verb": "GetRecord", "identifier": restrictedID, "metadataPrefix": "oai_dc"])
        XCTAssertNil(record.errorCode)
        XCTAssertEqual(record.values("//*[local-name()='dc']/*[local-name()='title']"), ["Tài liệu han-che"])
        XCTAssertTrue(try exposed.respond(["verb": "ListSets"]).values("//*[local-name()='setSpec']").contains("type:Bi-mat"))
        XCTAssertEqual(try exposed.respond(["verb": "ListIdentifiers", "metadataPrefix": "oai_dc"]).identifiers.count, 4)

        // An item that is not in the archive yet is not harvestable either.
        try archive.catalog.upsertItem(ItemRecord(id: "cho", libraryCode: "LCH", sourcePath: "/b/cho"))
        XCTAssertEqual(
            try exposed.respond(["verb": "GetRecord", "identifier": ids.identifier(itemID: "cho"), "metadataPrefix": "oai_dc"])
                .errorCode, "idDoesNotExist")
    }

    func testMetadataComesFromTheArchiveWhenTheObjectHasItAndFromTheCatalogOtherwise() throws {
        let archive = try makeArchive(items: 2)
        try archive.archiveObject(
            itemID: "sach-001",
            dc: DublinCore(
                title: "Địa chí Lai Châu (bản lưu trữ)", creators: ["Ban Biên soạn"], description: "Mô tả <đầy đủ> & chi tiết",
                date: "2016", type: "Text", identifiers: ["urn:sohoa:LCH:sach-001"], language: ["vie"]))
        let provider = archive.provider()
        func record(_ item: String, _ prefix: String) throws -> OAIResponseDocument {
            try provider.respond(["verb": "GetRecord", "identifier": ids.identifier(itemID: item), "metadataPrefix": prefix])
        }
        let archivedDC = try record("sach-001", "oai_dc")
        XCTAssertEqual(archivedDC.values("//*[local-name()='dc']/*[local-name()='title']"), ["Địa chí Lai Châu (bản lưu trữ)"])
        XCTAssertEqual(archivedDC.values("//*[local-name()='dc']/*[local-name()='description']"), ["Mô tả <đầy đủ> & chi tiết"])
        XCTAssertTrue(
            archivedDC.values("//*[local-name()='dc']/*[local-name()='identifier']").contains("http://example.org/items/sach-001"))
        let archivedMODS = try record("sach-001", "mods")
        XCTAssertEqual(
            archivedMODS.values("//*[local-name()='mods']/*[local-name()='titleInfo']/*[local-name()='title']"),
            ["Địa chí Lai Châu (bản lưu trữ)"])
        XCTAssertEqual(
            archivedMODS.values("//*[local-name()='mods']/*[local-name()='location']/*[local-name()='url']"),
            ["http://example.org/items/sach-001"])

        let catalogDC = try record("sach-000", "oai_dc")
        XCTAssertEqual(catalogDC.values("//*[local-name()='dc']/*[local-name()='title']"), ["Tài liệu sach-000"])
        XCTAssertEqual(catalogDC.values("//*[local-name()='dc']/*[local-name()='subject']"), ["Lai Châu", "Dân tộc"])
        let catalogMODS = try record("sach-000", "mods")
        XCTAssertEqual(
            catalogMODS.values("//*[local-name()='mods']/*[local-name()='titleInfo']/*[local-name()='title']"), ["Tài liệu sach-000"])
        XCTAssertTrue(catalogMODS.xml.contains("xmlns:mods=\"http://www.loc.gov/mods/v3\""))
        let formats = try provider.respond(["verb": "ListMetadataFormats", "identifier": ids.identifier(itemID: "sach-000")])
        XCTAssertEqual(formats.values("//*[local-name()='metadataPrefix']"), ["oai_dc", "mods", "marc21"])
    }

    func testMODSIsTakenOutOfMETSWithItsNamespaces() {
        let mets = """
            <?xml version="1.0"?>
            <!-- a comment -->
            <m:mets xmlns:m="http://www.loc.gov/METS/" xmlns:x="http://www.loc.gov/mods/v3" xmlns:xlink="http://www.w3.org/1999/xlink">
              <m:dmdSec ID="D"><m:mdWrap MDTYPE="MODS"><m:xmlData>
                <x:modsCollection/><x:mods version="3.8"><x:titleInfo><x:title>A &amp; B</x:title></x:titleInfo></x:mods>
              </m:xmlData></m:mdWrap></m:dmdSec>
            </m:mets>
            """
        XCTAssertEqual(
            METSDescription.mods(in: mets),
            "<x:mods xmlns:m=\"http://www.loc.gov/METS/\" xmlns:x=\"http://www.loc.gov/mods/v3\" "
                + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"3.8\"><x:titleInfo><x:title>A &amp; B</x:title></x:titleInfo></x:mods>"
        )
        XCTAssertNil(METSDescription.mods(in: "<mets xmlns=\"http://www.loc.gov/METS/\"/>"))
    }
}
