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

/// After a metadata change (issue 14, "Done when"): a harvester (the shared checks' Sickle harvester,
/// every response XSD-valid) sees the record again in an incremental harvest, with the new datestamp
/// and the new value; oai_dc names the serial (`dc:relation`) and MODS its host title and issue
/// (`relatedItem type="host"`), both read from the archived files.
final class OAIMetadataChangeTests: XCTestCase {
    func testAHarvestAfterAMetadataChangeShowsTheNewDatestampAndValueWithTheSerial() async throws {
        _ = try SharedChecks.tool("oai-harvest")
        let folder = try temporaryArchive(self)
        let services = try makeServices(archive: folder)
        let objectID = ItemRecord.objectID(libraryCode: "LCH", itemID: "bao-12")
        var dc = DublinCore(title: "Báo Lai Châu số 12", date: "1958", type: "Text", identifiers: [objectID], language: ["vie"])
        dc.serial = SerialPart(id: "bao-lai-chau", title: "Báo Lai Châu", issueDate: "1958-03-15", issueNumber: "12", volume: "2")
        let written = try ItemPackager().package(
            ItemPackage(objectID: objectID, dc: dc, pages: []), sourceFiles: [:], into: services.root, user: VersionUser(name: "test"))
        let archived = Date().addingTimeInterval(-120)
        var record = ItemRecord(
            id: "bao-12", libraryCode: "LCH", title: dc.title, date: "1958", language: "vie", type: "Text", sourcePath: "/batch/bao-12",
            state: .packaged, ocflVersion: written.version, objectPath: written.objectPath, packagedAt: archived)
        (record.serial, record.serialTitle, record.issueDate, record.issueNumber, record.volume) =
            ("bao-lai-chau", "Báo Lai Châu", "1958-03-15", "12", "2")
        try services.catalog.upsertItem(record, at: archived)
        let identifier = "oai%3Asohoa.local%3Abao-12"

        let app = Application(
            router: SohoaServerApp.router(services: services), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let base = "http://127.0.0.1:\(try XCTUnwrap(client.port))/oai"
            let first = String(
                buffer: try await client.execute(uri: "/oai?verb=GetRecord&identifier=\(identifier)&metadataPrefix=oai_dc", method: .get)
                    .body)
            let before = try XCTUnwrap(Self.datestamp(in: first))
            XCTAssertTrue(first.contains("<dc:relation>Báo Lai Châu</dc:relation>"), first)
            XCTAssertTrue(first.contains("<dc:relation>serial:bao-lai-chau</dc:relation>"), first)

            // An archivist mends the title and the issue number.
            var description = try XCTUnwrap(try MetadataEditor(session: services.session).description(of: "bao-12"))
            description.title = "Báo Lai Châu, số 12 (15/3/1958)"
            description.issueNumber = "12A"
            let changed = Date()
            _ = try MetadataEditor(session: services.session).apply(
                MetadataEdit(itemID: "bao-12", description: description), by: "Lò Thị Mai")

            let harvest = try await SharedChecks.runAsync("oai-harvest", [base, "--max-pages", "0"])
            XCTAssertEqual(harvest.exitCode, 0, harvest.output)
            let since = OAIDatestamp.string(changed.addingTimeInterval(-1))
            let list = String(
                buffer: try await client.execute(uri: "/oai?verb=ListRecords&metadataPrefix=oai_dc&from=\(since)", method: .get).body)
            XCTAssertTrue(
                list.contains("<identifier>oai:sohoa.local:bao-12</identifier>"), "an incremental harvest takes it again: \(list)")
            let after = try XCTUnwrap(Self.datestamp(in: list))
            XCTAssertGreaterThan(after, before, "the datestamp moves")
            XCTAssertTrue(list.contains("<dc:title>Báo Lai Châu, số 12 (15/3/1958)</dc:title>"), list)
            XCTAssertTrue(list.contains("<dc:relation>serial:bao-lai-chau</dc:relation>"), list)
            try await Self.assertValid(list, name: "listrecords-after-edit.xml")
            let mods = String(
                buffer: try await client.execute(uri: "/oai?verb=GetRecord&identifier=\(identifier)&metadataPrefix=mods", method: .get).body
            )
            for line in [
                "<mods:relatedItem type=\"host\">", "<mods:title>Báo Lai Châu</mods:title>", "<mods:number>12A</mods:number>",
                "<mods:date encoding=\"w3cdtf\">1958-03-15</mods:date>",
            ] {
                XCTAssertTrue(mods.contains(line), "MODS lacks \(line): \(mods)")
            }
            try await Self.assertValid(mods, name: "getrecord-mods-serial.xml")
        }
    }

    /// The first record header's datestamp.
    private static func datestamp(in xml: String) -> String? {
        xml.firstMatch(of: /<datestamp>([^<]+)<\/datestamp>/).map { String($0.output.1) }
    }

    private static func assertValid(_ xml: String, name: String) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("oai-xml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try Data(xml.utf8).write(to: file)
        let run = try await SharedChecks.runAsync("validate-xml", [file.path])
        XCTAssertEqual(run.exitCode, 0, "\(name) is not valid: \(run.output)\n\(xml)")
    }
}
