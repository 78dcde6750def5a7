import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaTesting
import XCTest

@testable import SohoaSharing

/// Every kind of response, validated against the official OAI-PMH schema (and the oai_dc, MODS and
/// MARC 21 slim schemas of the payloads) by `../shared/checks/validate-xml`.
final class OAISchemaValidationTests: XCTestCase {
    func testEveryVerbsResponseIsSchemaValid() throws {
        _ = try SharedChecks.tool("validate-xml")
        let archive = try OAITestArchive()
        let date = Date(timeIntervalSince1970: 1_709_280_000)
        for index in 0..<12 {
            try archive.addItem(
                "tai-lieu-\(index)", type: index.isMultiple(of: 2) ? "Sách" : "書 & <Báo>", at: date.addingTimeInterval(Double(index)))
        }
        try archive.addItem("Địa chí 100% (bản 2)", library: "MTH", type: nil, at: date.addingTimeInterval(30))
        try archive.archiveObject(
            itemID: "tai-lieu-1",
            dc: DublinCore(
                title: "Địa chí Lai Châu", creators: ["Ban Biên soạn"], subjects: ["Dân tộc"], description: "Mô tả & <chi tiết>",
                date: "2016-05", type: "Text", identifiers: ["urn:sohoa:LCH:tai-lieu-1"], language: ["vie", "blt"]))
        try archive.catalog.withdrawItem(id: "tai-lieu-3", reason: "trùng", agent: "test", at: date.addingTimeInterval(99))
        let provider = archive.provider(
            SharingConfiguration(adminEmail: "tv@laichau.gov.vn", repositoryIdentifier: "thuvien.laichau.gov.vn", pageSize: 5))
        let ids = OAIIdentifier(repositoryIdentifier: "thuvien.laichau.gov.vn")
        let first = try provider.respond(["verb": "ListRecords", "metadataPrefix": "mods"])
        let requests: [String: [String: String]] = [
            "identify": ["verb": "Identify"],
            "formats": ["verb": "ListMetadataFormats", "identifier": ids.identifier(itemID: "tai-lieu-1")],
            "sets": ["verb": "ListSets"],
            "identifiers": ["verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "set": "type:~E6~9B~B8-Bao"],
            "records-dc": ["verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2024-03-01", "until": "2024-03-01"],
            "records-mods-2": ["verb": "ListRecords", "resumptionToken": first.resumptionToken ?? ""],
            "record-odd-id": ["verb": "GetRecord", "identifier": ids.identifier(itemID: "Địa chí 100% (bản 2)"), "metadataPrefix": "mods"],
            "records-marc21": ["verb": "ListRecords", "metadataPrefix": "marc21"],
            "record-marc21-odd-id": [
                "verb": "GetRecord", "identifier": ids.identifier(itemID: "Địa chí 100% (bản 2)"), "metadataPrefix": "marc21",
            ],
            "record-archived-dc": ["verb": "GetRecord", "identifier": ids.identifier(itemID: "tai-lieu-1"), "metadataPrefix": "oai_dc"],
            "record-deleted": ["verb": "GetRecord", "identifier": ids.identifier(itemID: "tai-lieu-3"), "metadataPrefix": "oai_dc"],
            "error-bad-argument": ["verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2024-13-01"],
            "error-no-records": ["verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "type:Phim"],
        ]
        let folder = archive.folder.appendingPathComponent("responses")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var files = [folder.appendingPathComponent("records-mods-1.xml").path]
        try Data(first.xml.utf8).write(to: URL(fileURLWithPath: files[0]))
        XCTAssertEqual(first.identifiers.count, 5)
        for (name, arguments) in requests {
            let doc = try provider.respond(arguments)
            let file = folder.appendingPathComponent("\(name).xml")
            try Data(doc.xml.utf8).write(to: file)
            files.append(file.path)
            XCTAssertEqual(doc.errorCode != nil, name.hasPrefix("error"), "\(name): \(doc.xml)")
        }
        let run = try SharedChecks.run("validate-xml", files)
        XCTAssertEqual(run.exitCode, 0, run.output)
        XCTAssertTrue(run.output.contains("VALID"), run.output)
    }
}
