import Foundation
import Hummingbird
import HummingbirdTesting
import SohoaArchive
import SohoaCatalog
import SohoaCollection
import SohoaSharing
import SohoaTesting
import XCTest

@testable import SohoaServer

/// Starts the server on a free port and harvests it with the shared checks' real harvester
/// (`../shared/checks/oai-harvest`: Sickle, every response validated against OAI-PMH.xsd).
final class OAIHarvestTests: XCTestCase {
    private static let repository = "thuvien.laichau.gov.vn"

    func testAHarvesterTakesEverythingThroughSeveralTokensAndSeesAWithdrawalAndAClosingAsDeleted() async throws {
        _ = try SharedChecks.tool("oai-harvest")
        _ = try SharedChecks.tool("validate-xml")
        let folder = try temporaryArchive(self)
        let services = try makeServices(archive: folder) {
            $0.sharing = SharingConfiguration(
                repositoryName: "Thư viện số tỉnh Lai Châu", adminEmail: "thuvien@laichau.gov.vn",
                repositoryIdentifier: Self.repository, restricted: .hidden, pageSize: 25)
        }
        let catalog = services.catalog
        let start = Date().addingTimeInterval(-3600)
        for index in 0..<60 {
            try catalog.upsertItem(
                ItemRecord(
                    id: String(format: "sach-%03d", index), libraryCode: index < 40 ? "LCH" : "MTH",
                    title: "Địa chí Lai Châu, tập \(index) <trích> & phụ lục", creator: "Ban Biên soạn", date: "2016",
                    language: "vie", type: index % 4 == 0 ? "Công văn" : "Sách", subject: "Lai Châu; Dân tộc",
                    sourcePath: "/batch/\(index)", state: .packaged, ocflVersion: "v1", objectPath: "o/\(index)", pageCount: 1,
                    packagedAt: start),
                at: start.addingTimeInterval(TimeInterval(index)))
        }
        for (id, access) in [("mat-1", AccessLevel.closed), ("han-che-1", .restricted)] {
            try catalog.upsertItem(
                ItemRecord(
                    id: id, libraryCode: "LCH", title: id, sourcePath: "/batch/\(id)", state: .packaged, ocflVersion: "v1",
                    objectPath: "o/\(id)", packagedAt: start), at: start)
            try catalog.setAccess(itemID: id, access, at: start, recordingChange: false)  // archived so
        }
        // One item with its description in the archive (MODS taken from the archived METS).
        _ = try ItemPackager().package(
            ItemPackage(
                objectID: ItemRecord.objectID(libraryCode: "LCH", itemID: "sach-001"),
                dc: DublinCore(
                    title: "Địa chí Lai Châu (lưu trữ)", creators: ["Ban Biên soạn"], date: "2016", type: "Text", language: ["vie"]),
                pages: []),
            sourceFiles: [:], into: services.root, user: VersionUser(name: "test"))

        let app = Application(
            router: SohoaServerApp.router(services: services),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try XCTUnwrap(client.port)
            let base = "http://127.0.0.1:\(port)/oai"

            let harvest = try await SharedChecks.runAsync("oai-harvest", [base, "--max-pages", "0"])
            XCTAssertEqual(harvest.exitCode, 0, harvest.output)
            XCTAssertTrue(harvest.summary.contains("VALID"), harvest.summary)
            XCTAssertTrue(harvest.summary.contains("harvested 60 records in 3 pages"), harvest.summary)
            XCTAssertFalse(harvest.output.contains("mat-1"), "a closed item is never harvested")

            let identifier = "oai:\(Self.repository):sach-007"
            let encoded = identifier.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let before = try await client.execute(uri: "/oai?verb=GetRecord&identifier=\(encoded)&metadataPrefix=oai_dc", method: .get)
            XCTAssertFalse(String(buffer: before.body).contains("status=\"deleted\""))

            let withdrawal = Date()
            try catalog.withdrawItem(id: "sach-007", reason: "Bản quét trùng", agent: "test", at: withdrawal)

            let record = try await client.execute(uri: "/oai?verb=GetRecord&identifier=\(encoded)&metadataPrefix=oai_dc", method: .get)
            XCTAssertEqual(record.status, .ok)
            XCTAssertEqual(record.headers[.contentType], "text/xml; charset=utf-8")
            let recordXML = String(buffer: record.body)
            XCTAssertTrue(recordXML.contains("<header status=\"deleted\"><identifier>\(identifier)</identifier>"), recordXML)
            XCTAssertFalse(recordXML.contains("<metadata>"))
            try await Self.assertValid(recordXML, name: "getrecord-deleted.xml")

            // An incremental harvest from the moment of the withdrawal sees just the deletion.
            let since = OAIDatestamp.string(withdrawal)
            let identifiers = try await client.execute(
                uri: "/oai", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "verb=ListIdentifiers&metadataPrefix=oai_dc&from=\(since)"))
            let identifiersXML = String(buffer: identifiers.body)
            XCTAssertTrue(identifiersXML.contains("<header status=\"deleted\"><identifier>\(identifier)</identifier>"), identifiersXML)
            XCTAssertEqual(identifiersXML.components(separatedBy: "<header").count - 1, 1, identifiersXML)
            try await Self.assertValid(identifiersXML, name: "listidentifiers-deleted.xml")

            for item in ["sach-001", "sach-002"] {
                let mods = try await client.execute(
                    uri: "/oai?verb=GetRecord&identifier=oai%3A\(Self.repository)%3A\(item)&metadataPrefix=mods", method: .get)
                let modsXML = String(buffer: mods.body)
                XCTAssertTrue(modsXML.contains("<mods:mods"), modsXML)
                try await Self.assertValid(modsXML, name: "getrecord-mods-\(item).xml")
            }

            // Closing an item after it was harvested reaches harvesters as a deletion too.
            try catalog.setAccess(itemID: "sach-008", .closed)
            let again = try await SharedChecks.runAsync("oai-harvest", [base, "--max-pages", "0"])
            XCTAssertEqual(again.exitCode, 0, again.output)
            XCTAssertTrue(again.output.contains("60 records (2 deleted) in 3 pages"), again.output)
            let closed = try await client.execute(
                uri: "/oai?verb=GetRecord&identifier=oai%3A\(Self.repository)%3Asach-008&metadataPrefix=oai_dc", method: .get)
            let closedXML = String(buffer: closed.body)
            XCTAssertTrue(closedXML.contains("<header status=\"deleted\"><identifier>oai:\(Self.repository):sach-008"), closedXML)
            XCTAssertFalse(closedXML.contains("<metadata>"))
            try await Self.assertValid(closedXML, name: "getrecord-closed.xml")
        }
    }

    /// `oai-harvest` harvests `oai_dc` only (the test above runs it, `marc21` listed among the formats):
    /// the `marc21` list is followed here through every token, and every response is validated by
    /// `validate-xml` (OAI-PMH.xsd validates `<metadata>` strictly, so each MARCXML record is checked
    /// against MARC21slim 1.2 too).
    func testAMARC21HarvestThroughEveryTokenIsSchemaValid() async throws {
        _ = try SharedChecks.tool("validate-xml")
        let folder = try temporaryArchive(self)
        let services = try makeServices(archive: folder) {
            $0.publicURL = "https://thuvien.laichau.gov.vn"
            $0.sharing = SharingConfiguration(
                repositoryName: "Thư viện số tỉnh Lai Châu", adminEmail: "thuvien@laichau.gov.vn",
                repositoryIdentifier: Self.repository, restricted: .metadata, pageSize: 3)
        }
        let start = Date().addingTimeInterval(-3600)
        for index in 0..<7 {
            try services.catalog.upsertItem(
                ItemRecord(
                    id: "sach-\(index)", libraryCode: "LCH", title: "Địa chí Lai Châu, tập \(index) <trích> & phụ lục",
                    creator: "Nguyễn, Văn A; Ban Biên soạn", date: ["1925", "[18--]", "1958-03-15", "1925-1930"][index % 4],
                    language: index == 3 ? "vie+blt" : "vie", type: index == 2 ? "Bản thảo" : "Sách", subject: "Lai Châu; Dân tộc",
                    holdingID: index.isMultiple(of: 2) ? "LCH-000\(index)" : nil,
                    metadataJSON: #"{"description":"Mô tả\ndòng hai & <ba>","rights":"http://rightsstatements.org/vocab/InC/1.0/"}"#,
                    sourcePath: "/batch/\(index)", state: .packaged, ocflVersion: "v1", objectPath: "o/\(index)", pageCount: 1,
                    packagedAt: start),
                at: start.addingTimeInterval(TimeInterval(index)))
        }
        try services.catalog.setAccess(itemID: "sach-5", .restricted, at: start, recordingChange: false)
        try services.catalog.withdrawItem(id: "sach-6", reason: "Bản quét trùng", agent: "test", at: start.addingTimeInterval(60))

        let app = Application(
            router: SohoaServerApp.router(services: services),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            var pages: [String] = []
            var query = "verb=ListRecords&metadataPrefix=marc21"
            while pages.count < 10 {
                let response = try await client.execute(uri: "/oai?\(query)", method: .get)
                let xml = String(buffer: response.body)
                pages.append(xml)
                guard let token = xml.firstMatch(of: /<resumptionToken[^>]*>([^<]+)<\/resumptionToken>/)?.output.1 else { break }
                query = "verb=ListRecords&resumptionToken=\(token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            }
            XCTAssertEqual(pages.count, 3, "7 records, 3 a page")
            let all = pages.joined()
            XCTAssertEqual(
                all.components(separatedBy: "<record xmlns=\"http://www.loc.gov/MARC21/slim\"").count - 1, 6, "the withdrawn one is deleted"
            )
            XCTAssertTrue(all.contains("<controlfield tag=\"001\">LCH-0000</controlfield>"), all)
            XCTAssertTrue(all.contains("<controlfield tag=\"001\">sach-1</controlfield>"), all)
            XCTAssertTrue(all.contains("<subfield code=\"u\">https://thuvien.laichau.gov.vn/items/sach-5</subfield>"), all)
            XCTAssertTrue(all.contains("<subfield code=\"z\">\(ItemMARCRecord.signInNote)</subfield>"), "restricted: the note")
            let record = try await client.execute(
                uri: "/oai?verb=GetRecord&identifier=oai%3A\(Self.repository)%3Asach-2&metadataPrefix=marc21", method: .get)
            let recordXML = String(buffer: record.body)
            XCTAssertTrue(recordXML.contains("<leader>"), recordXML)
            try await Self.assertValid(pages + [recordXML], name: "marc21")
        }
    }

    // MARK: Shared checks

    private static func assertValid(_ xml: String, name: String) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("oai-xml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try Data(xml.utf8).write(to: file)
        let run = try await SharedChecks.runAsync("validate-xml", [file.path])
        XCTAssertEqual(run.exitCode, 0, "\(name) is not valid: \(run.output)\n\(xml)")
    }

    /// Validates several responses in one run of `validate-xml` (files `<name>-<n>.xml`).
    private static func assertValid(_ documents: [String], name: String) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("oai-xml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String] = []
        for (index, xml) in documents.enumerated() {
            let file = folder.appendingPathComponent("\(name)-\(index).xml")
            try Data(xml.utf8).write(to: file)
            files.append(file.path)
        }
        let run = try await SharedChecks.runAsync("validate-xml", files)
        XCTAssertEqual(run.exitCode, 0, "\(name): \(run.output)\n\(documents.joined(separator: "\n"))")
    }
}
