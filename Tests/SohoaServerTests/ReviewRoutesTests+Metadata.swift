import Foundation
import Hummingbird
import HummingbirdTesting
import SohoaArchive
import SohoaCatalog
import SohoaTesting
import XCTest

@testable import SohoaCollection
@testable import SohoaServer

/// Editing an item's description in the web UI (issue 14), on the review tests' archive: archivists
/// only; a save is a new valid version whose title search and OAI-PMH show at once; bad values are
/// refused with the reason beside the field and nothing written.
extension ReviewRoutesTests {
    func testAnArchivistEditsTheTitleAndSearchAndOAIFollow() async throws {
        let services = try services()
        let objectID = "urn:sohoa:LCH:sach"
        let before = try XCTUnwrap(try services.catalog.oaiRecord(itemID: "sach")).datestamp
        let oaiFile = try temporaryFolder("sohoa-metadata", removedAfter: self).appendingPathComponent("oai.xml")
        try await Application(router: SohoaServerApp.router(services: services)).test(.router) { client in
            let anonymous = try await get(client, "/items/sach/metadata")
            XCTAssertEqual(anonymous.status, .seeOther, "anonymous readers are sent to sign in")
            let hoa = try await signIn(client, name: "hoa", password: ReviewRoutesTests.password)
            let manager = try await get(client, "/items/sach/metadata", as: hoa.cookie)
            XCTAssertEqual(manager.status, .forbidden)
            let refused = try await post(client, "/items/sach/metadata", [("title", "Không được")], as: hoa)
            XCTAssertEqual(refused.status, .forbidden)

            let mai = try await signIn(client, name: "mai", password: ReviewRoutesTests.password)
            let form = String(buffer: try await get(client, "/items/sach/metadata", as: mai.cookie).body)
            XCTAssertEqual(inputValue("title", in: form), "Sách <cổ>")
            XCTAssertEqual(inputValue("version", in: form), "v1")
            XCTAssertTrue(form.contains("Có bản quyền"), "the rights list is in Vietnamese")

            let bad = try await post(
                client, "/items/sach/metadata",
                [("version", "v1"), ("title", "Địa chí Phong Thổ"), ("date", "1925-13-01"), ("rights", "http://example.org/x")], as: mai)
            XCTAssertEqual(bad.status, .badRequest)
            let badHTML = String(buffer: bad.body)
            XCTAssertTrue(badHTML.contains("Thời gian không hợp lệ"), badHTML)
            XCTAssertTrue(badHTML.contains("Không nhận ra quyền này"), badHTML)
            XCTAssertEqual(inputValue("title", in: badHTML), "Địa chí Phong Thổ", "what was typed is kept")
            XCTAssertEqual(try services.root.headVersion(objectID: objectID), "v1", "nothing is written")

            let saved = try await post(
                client, "/items/sach/metadata",
                [
                    ("version", "v1"), ("title", "Địa chí Phong Thổ"), ("date", "[192-]"),
                    ("rights", "http://rightsstatements.org/vocab/NoC-NC/1.0/"), ("access", "public"),
                ], as: mai)
            XCTAssertEqual(saved.status, .seeOther, String(buffer: saved.body))
            XCTAssertEqual(saved.headers[.location], "/items/sach/metadata?saved=v2")
            let shown = String(buffer: try await get(client, "/items/sach/metadata?saved=v2", as: mai.cookie).body)
            XCTAssertTrue(shown.contains("Đã lưu"), shown)

            let stale = try await post(client, "/items/sach/metadata", [("version", "v1"), ("title", "Cũ")], as: mai)
            XCTAssertEqual(stale.status, .conflict, "a form opened before the last save is refused")

            let item = String(buffer: try await get(client, "/items/sach").body)
            XCTAssertTrue(item.contains("Địa chí Phong Thổ"))
            XCTAssertFalse(item.contains("/items/sach/metadata"), "readers get no edit link")
            let archivistView = String(buffer: try await get(client, "/items/sach", as: mai.cookie).body)
            XCTAssertTrue(archivistView.contains("href=\"/items/sach/metadata\">Sửa mô tả</a>"), archivistView)
            XCTAssertTrue(item.contains("Không có bản quyền — chỉ dùng phi thương mại"), "the rights' Vietnamese label")
            let manifest = String(buffer: try await get(client, "/iiif/sach/manifest").body)
            XCTAssertTrue(manifest.contains("\"rights\":\"http://rightsstatements.org/vocab/NoC-NC/1.0/\""), manifest)
            let search = String(buffer: try await get(client, "/search?q=Chau").body)
            XCTAssertTrue(search.contains("Địa chí Phong Thổ"), "search results show the new title")
            let oai = String(
                buffer: try await get(client, "/oai?verb=GetRecord&identifier=oai%3Asohoa.local%3Asach&metadataPrefix=oai_dc").body)
            XCTAssertTrue(oai.contains("<dc:title>Địa chí Phong Thổ</dc:title>"), oai)
            XCTAssertTrue(oai.contains("<dc:rights>http://rightsstatements.org/vocab/NoC-NC/1.0/</dc:rights>"), oai)
            let mods = String(
                buffer: try await get(client, "/oai?verb=GetRecord&identifier=oai%3Asohoa.local%3Asach&metadataPrefix=mods").body)
            XCTAssertTrue(mods.contains("accessCondition"), mods)
            try Data(oai.utf8).write(to: oaiFile)
            if let check = try runCheck("validate-xml", [oaiFile.path]) {
                XCTAssertEqual(check.exitCode, 0, check.output)
            }
        }
        XCTAssertEqual(try services.root.headVersion(objectID: objectID), "v2")
        let after = try XCTUnwrap(try services.catalog.oaiRecord(itemID: "sach"))
        XCTAssertGreaterThan(after.datestamp, before, "the OAI datestamp moves")
        XCTAssertEqual(after.title, "Địa chí Phong Thổ")
        let mets = try XCTUnwrap(try services.root.contentURL(objectID: objectID, logicalPath: "mets.xml"))
        let metsText = try String(contentsOf: mets, encoding: .utf8)
        XCTAssertTrue(metsText.contains("<premis:eventType>metadata modification</premis:eventType>"))
        XCTAssertTrue(metsText.contains("<premis:agentName>Lò Thị Mai (mai)</premis:agentName>"))
        if let check = try runCheck("validate-xml", [mets.path]) { XCTAssertEqual(check.exitCode, 0, check.output) }
        if let check = try runCheck("validate-ocfl", [services.root.url.path]) { XCTAssertEqual(check.exitCode, 0, check.output) }
    }
}
