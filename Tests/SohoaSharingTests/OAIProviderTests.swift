import Foundation
import SohoaArchive
import SohoaCatalog
import XCTest

@testable import SohoaSharing

final class OAIProviderTests: XCTestCase {
    /// 2024-03-01T08:00:00Z.
    let base = Date(timeIntervalSince1970: 1_709_280_000)
    let ids = OAIIdentifier(repositoryIdentifier: "sohoa.local")

    private func makeArchive(items count: Int) throws -> OAITestArchive {
        let archive = try OAITestArchive()
        for index in 0..<count {
            try archive.addItem(
                String(format: "sach-%03d", index), type: index % 3 == 0 ? "Công văn" : "Sách",
                at: base.addingTimeInterval(TimeInterval(index * 60) + 0.25))
        }
        return archive
    }

    func testIdentifyDescribesTheRepository() throws {
        let archive = try makeArchive(items: 3)
        let config = SharingConfiguration(
            repositoryName: "Thư viện <số> & Lai Châu", adminEmail: "tv@laichau.gov.vn",
            repositoryIdentifier: "thuvien.laichau.gov.vn")
        let doc = try archive.provider(config).respond(["verb": "Identify"])
        XCTAssertNil(doc.errorCode)
        XCTAssertEqual(doc.values("//*[local-name()='repositoryName']"), ["Thư viện <số> & Lai Châu"])
        XCTAssertTrue(doc.xml.contains("Thư viện &lt;số&gt; &amp; Lai Châu"))
        XCTAssertEqual(doc.values("//*[local-name()='earliestDatestamp']"), ["2024-03-01T08:00:00Z"])
        XCTAssertEqual(doc.values("//*[local-name()='deletedRecord']"), ["persistent"])
        XCTAssertEqual(doc.values("//*[local-name()='granularity']"), ["YYYY-MM-DDThh:mm:ssZ"])
        XCTAssertEqual(doc.values("//*[local-name()='baseURL']"), ["http://example.org/oai"])
        XCTAssertEqual(doc.values("//*[local-name()='repositoryIdentifier']"), ["thuvien.laichau.gov.vn"])
    }

    func testProtocolErrorsAndTheRequestEcho() throws {
        let archive = try makeArchive(items: 2)
        let provider = archive.provider()
        let badVerb = try provider.respond(["verb": "Nonsense", "metadataPrefix": "oai_dc"])
        XCTAssertEqual(badVerb.errorCode, "badVerb")
        XCTAssertEqual(badVerb.requestAttributes, [], "no attributes after badVerb")
        XCTAssertEqual(badVerb.values("//*[local-name()='request']"), ["http://example.org/oai"])
        let badArgument = try provider.respond(["verb": "ListRecords"])
        XCTAssertEqual(badArgument.errorCode, "badArgument")
        XCTAssertEqual(badArgument.requestAttributes, [])
        let format = try provider.respond(["verb": "ListRecords", "metadataPrefix": "marc21"])
        XCTAssertEqual(format.errorCode, "cannotDisseminateFormat")
        XCTAssertEqual(Set(format.requestAttributes), ["ListRecords", "marc21"])
        XCTAssertEqual(
            try provider.respond(["verb": "GetRecord", "identifier": "oai:sohoa.local:nope", "metadataPrefix": "oai_dc"])
                .errorCode, "idDoesNotExist")
        XCTAssertEqual(
            try provider.respond(["verb": "GetRecord", "identifier": "oai:other.org:sach-000", "metadataPrefix": "oai_dc"])
                .errorCode, "idDoesNotExist")
        XCTAssertEqual(
            try provider.respond(["verb": "GetRecord", "identifier": "oai:sohoa.local:sach-000", "metadataPrefix": "marc21"])
                .errorCode, "cannotDisseminateFormat")
        XCTAssertEqual(
            try provider.respond(["verb": "ListMetadataFormats", "identifier": "oai:sohoa.local:nope"]).errorCode,
            "idDoesNotExist")
        XCTAssertEqual(try provider.respond(["verb": "ListRecords", "resumptionToken": "junk"]).errorCode, "badResumptionToken")
        XCTAssertEqual(try provider.respond(["verb": "ListSets", "resumptionToken": "junk"]).errorCode, "badResumptionToken")
        XCTAssertEqual(
            try provider.respond(["verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "from": "2030-01-01"]).errorCode,
            "noRecordsMatch")
    }

    func testListsPageWithResumptionTokensCountsAndCursors() throws {
        let archive = try makeArchive(items: 25)
        let pages = try archive.provider().harvest(["verb": "ListRecords", "metadataPrefix": "oai_dc"])
        XCTAssertEqual(pages.count, 3)
        XCTAssertEqual(pages.map { $0.identifiers.count }, [10, 10, 5])
        XCTAssertEqual(pages.map { $0.tokenAttribute("cursor") }, ["0", "10", "20"])
        XCTAssertEqual(pages.map { $0.tokenAttribute("completeListSize") }, ["25", "25", "25"])
        XCTAssertEqual(pages.last?.resumptionToken, "", "the last page has an empty token")
        XCTAssertNotNil(pages.first?.tokenAttribute("expirationDate"))
        let all = pages.flatMap(\.identifiers)
        XCTAssertEqual(all, (0..<25).map { ids.identifier(itemID: String(format: "sach-%03d", $0)) }, "datestamp order, no gaps")
        XCTAssertEqual(
            pages[0].values("//*[local-name()='record'][1]/*[local-name()='header']/*[local-name()='datestamp']"), ["2024-03-01T08:00:00Z"])
        XCTAssertEqual(pages[0].values("//*[local-name()='dc']/*[local-name()='title']").count, 10)

        let small = try archive.provider(SharingConfiguration(pageSize: 100)).respond(["verb": "ListIdentifiers", "metadataPrefix": "mods"])
        XCTAssertEqual(small.identifiers.count, 25)
        XCTAssertNil(small.resumptionToken, "a list that fits one response has no token")
    }

    func testTokensStayRightWhileRecordsAreAddedAndChanged() throws {
        let archive = try makeArchive(items: 25)
        let provider = archive.provider()
        let first = try provider.respond(["verb": "ListIdentifiers", "metadataPrefix": "oai_dc"])
        // Meanwhile: new items are packaged, with datestamps later than the harvest's start.
        for index in 0..<5 { try archive.addItem("moi-\(index)", at: Date().addingTimeInterval(1)) }
        var pages = [first]
        while let token = pages.last?.resumptionToken, !token.isEmpty {
            pages.append(try provider.respond(["verb": "ListIdentifiers", "resumptionToken": token]))
        }
        let harvested = pages.flatMap(\.identifiers)
        XCTAssertEqual(harvested.count, 25)
        XCTAssertEqual(Set(harvested).count, 25, "no duplicates")
        XCTAssertFalse(harvested.contains { $0.contains("moi-") }, "items added after the harvest began wait for the next one")
        XCTAssertEqual(Set(pages.compactMap { $0.tokenAttribute("completeListSize") }), ["25"])
        XCTAssertEqual(pages.map { $0.tokenAttribute("cursor") }, ["0", "10", "20"])

        let next = try provider.harvest(["verb": "ListIdentifiers", "metadataPrefix": "oai_dc"], at: Date().addingTimeInterval(2))
        XCTAssertEqual(next.flatMap(\.identifiers).count, 30)
        XCTAssertTrue(next.flatMap(\.identifiers).contains(ids.identifier(itemID: "moi-4")))
    }

    func testFromAndUntilSelectByDatestampInclusively() throws {
        let archive = try makeArchive(items: 5)  // 08:00:00.25, 08:01:00.25, … 08:04:00.25
        let provider = archive.provider()
        func list(_ extra: [String: String]) throws -> [String] {
            try provider.respond(["verb": "ListIdentifiers", "metadataPrefix": "oai_dc"].merging(extra) { $1 }).identifiers
        }
        XCTAssertEqual(try list(["from": "2024-03-01T08:01:00Z", "until": "2024-03-01T08:03:00Z"]).count, 3, "both ends included")
        XCTAssertEqual(try list(["until": "2024-03-01T08:00:00Z"]), [ids.identifier(itemID: "sach-000")])
        XCTAssertEqual(try list(["from": "2024-03-01T08:04:00Z"]), [ids.identifier(itemID: "sach-004")])
        XCTAssertEqual(try list(["from": "2024-03-01", "until": "2024-03-01"]).count, 5)
        XCTAssertEqual(
            try provider.respond(["verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "until": "2024-02-29"]).errorCode,
            "noRecordsMatch")
        // Selection survives the resumption token.
        let pages = try archive.provider(SharingConfiguration(pageSize: 2)).harvest([
            "verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "from": "2024-03-01T08:01:00Z",
        ])
        XCTAssertEqual(pages.flatMap(\.identifiers).count, 4)
        XCTAssertEqual(pages.first?.tokenAttribute("completeListSize"), "4")
    }

    func testSetsByLibraryAndType() throws {
        let archive = try makeArchive(items: 6)  // sach-000 and sach-003 are Công văn
        try archive.addItem("bao-1", library: "MTH", type: "Báo", at: base.addingTimeInterval(3600))
        let provider = archive.provider()
        let sets = try provider.respond(["verb": "ListSets"])
        XCTAssertEqual(
            sets.values("//*[local-name()='setSpec']"),
            ["library", "library:LCH", "library:MTH", "type", "type:Bao", "type:Cong-van", "type:Sach"])
        XCTAssertTrue(sets.values("//*[local-name()='setName']").contains("Công văn"))
        func list(_ set: String) throws -> [String] {
            try provider.respond(["verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "set": set]).identifiers
        }
        XCTAssertEqual(try list("type:Cong-van"), ["sach-000", "sach-003"].map { ids.identifier(itemID: $0) })
        XCTAssertEqual(try list("library:MTH"), [ids.identifier(itemID: "bao-1")])
        XCTAssertEqual(try list("library").count, 7)
        XCTAssertEqual(try list("type").count, 7)
        XCTAssertEqual(
            try provider.respond(["verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "set": "type:Phim"]).errorCode,
            "noRecordsMatch")
        let header = try provider.respond(["verb": "GetRecord", "identifier": ids.identifier(itemID: "bao-1"), "metadataPrefix": "oai_dc"])
        XCTAssertEqual(header.values("//*[local-name()='header']/*[local-name()='setSpec']"), ["library:MTH", "type:Bao"])
    }

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
        XCTAssertEqual(formats.values("//*[local-name()='metadataPrefix']"), ["oai_dc", "mods"])
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
