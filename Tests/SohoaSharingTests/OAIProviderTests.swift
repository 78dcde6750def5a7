import Foundation
import SohoaArchive
import SohoaCatalog
import XCTest

@testable import SohoaSharing

final class OAIProviderTests: XCTestCase {
    /// 2024-03-01T08:00:00Z.
    let base = Date(timeIntervalSince1970: 1_709_280_000)
    let ids = OAIIdentifier(repositoryIdentifier: "sohoa.local")

    func makeArchive(items count: Int) throws -> OAITestArchive {
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
        let format = try provider.respond(["verb": "ListRecords", "metadataPrefix": "ead"])
        XCTAssertEqual(format.errorCode, "cannotDisseminateFormat")
        XCTAssertEqual(Set(format.requestAttributes), ["ListRecords", "ead"])
        XCTAssertEqual(
            try provider.respond(["verb": "GetRecord", "identifier": "oai:sohoa.local:nope", "metadataPrefix": "oai_dc"])
                .errorCode, "idDoesNotExist")
        XCTAssertEqual(
            try provider.respond(["verb": "GetRecord", "identifier": "oai:other.org:sach-000", "metadataPrefix": "oai_dc"])
                .errorCode, "idDoesNotExist")
        XCTAssertEqual(
            try provider.respond(["verb": "GetRecord", "identifier": "oai:sohoa.local:sach-000", "metadataPrefix": "ead"])
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
}
