import Foundation
import Hummingbird
import HummingbirdTesting
import SohoaArchive
import SohoaCatalog
import SohoaTesting
import XCTest

@testable import SohoaCollection
@testable import SohoaServer

/// Each library works on its own items (issue 15), on the review tests' archive (sach: LCH, bao: DBN):
/// an archivist of DBN reviews DBN's pages; LCH's pages, forms and editing pages are 404 for them,
/// never 403 and never naming the item; an admin's library page adds and renames libraries.
extension ReviewRoutesTests {
    /// Adds the user `name` of library `library` with the review tests' password.
    func addLibraryUser(_ services: ServerServices, _ name: String, role: UserRole, library: String) throws {
        try services.catalog.addUser(
            name: name, displayName: nil, role: role, libraryCode: library,
            passwordHash: try PasswordHasher(cost: 4).hash(ReviewRoutesTests.password))
    }

    func testAnArchivistReviewsOnlyTheirLibrarysPages() async throws {
        let services = try services()
        try addLibraryUser(services, "tuan", role: .archivist, library: "DBN")
        let sach1 = try pageID(services, "sach", "1"), bao1 = try pageID(services, "bao", "1")
        try await Application(router: SohoaServerApp.router(services: services)).test(.router) { client in
            let tuan = try await signIn(client, name: "tuan", password: ReviewRoutesTests.password)
            let queue = String(buffer: try await get(client, "/review", as: tuan.cookie).body)
            XCTAssertTrue(queue.contains("href=\"/review/\(bao1)\""), queue)
            XCTAssertFalse(queue.contains("/review/\(sach1)"), "another library's page is not listed")
            XCTAssertFalse(queue.contains("Sách"), "nor its title")
            XCTAssertFalse(queue.contains("value=\"LCH\""), "nor its library in the filter")
            let asked = String(buffer: try await get(client, "/review?library=LCH", as: tuan.cookie).body)
            XCTAssertFalse(asked.contains("/review/\(sach1)"), "asking for another library shows nothing")

            let own = try await get(client, "/review/\(bao1)", as: tuan.cookie)
            XCTAssertEqual(own.status, .ok)
            let other = try await get(client, "/review/\(sach1)", as: tuan.cookie)
            XCTAssertEqual(other.status, .notFound)
            XCTAssertFalse(String(buffer: other.body).contains("Sách"), "the 404 does not name the item")
            XCTAssertFalse(String(buffer: other.body).contains("LCH"), "nor its library")
            for action in ["save", "approve"] {
                let refused = try await post(client, "/review/\(sach1)/\(action)", [("revision", "1"), ("line.line_1", "x")], as: tuan)
                XCTAssertEqual(refused.status, .notFound, action)
            }
            let rescan = try await post(client, "/review/\(sach1)/rescan", [("reason", "mờ")], as: tuan)
            XCTAssertEqual(rescan.status, .notFound)
            XCTAssertEqual(try services.root.headVersion(objectID: "urn:sohoa:LCH:sach"), "v1", "nothing was written")
            XCTAssertEqual(try services.catalog.reviewEntry(pageID: sach1)?.reviewState, .pending)

            // Describing and structuring another library's item: 404 too; their own item's forms open.
            for path in ["/items/sach/metadata", "/items/sach/structure"] {
                let status = try await get(client, path, as: tuan.cookie).status
                XCTAssertEqual(status, .notFound, path)
            }
            let metadata = try await post(client, "/items/sach/metadata", [("version", "v1"), ("title", "Không được")], as: tuan)
            XCTAssertEqual(metadata.status, .notFound)
            let structure = try await post(client, "/items/sach/structure", [("action", "save")], as: tuan)
            XCTAssertEqual(structure.status, .notFound)
            XCTAssertEqual(try services.root.headVersion(objectID: "urn:sohoa:LCH:sach"), "v1", "nothing was written")
            let ownForm = try await get(client, "/items/bao/metadata", as: tuan.cookie)
            XCTAssertEqual(ownForm.status, .ok)

            // An archivist without a library (made before libraries existed) still sees every library.
            let mai = try await signIn(client, name: "mai", password: ReviewRoutesTests.password)
            let status = try await get(client, "/review/\(sach1)", as: mai.cookie).status
            XCTAssertEqual(status, .ok)
        }
    }

    func testAnAdminAddsAndRenamesLibrariesOnTheWeb() async throws {
        let services = try services()
        try services.catalog.addUser(
            name: "boss", displayName: nil, role: .admin, passwordHash: try PasswordHasher(cost: 4).hash(ReviewRoutesTests.password))
        try await Application(router: SohoaServerApp.router(services: services)).test(.router) { client in
            let anonymous = try await get(client, "/admin/libraries")
            XCTAssertEqual(anonymous.status, .seeOther)
            let mai = try await signIn(client, name: "mai", password: ReviewRoutesTests.password)
            let archivist = try await get(client, "/admin/libraries", as: mai.cookie)
            XCTAssertEqual(archivist.status, .forbidden)
            let refusedAdd = try await post(client, "/admin/libraries", [("code", "TUY"), ("name", "Than Uyên")], as: mai)
            XCTAssertEqual(refusedAdd.status, .forbidden)
            XCTAssertNil(try services.catalog.library(code: "TUY"))

            let boss = try await signIn(client, name: "boss", password: ReviewRoutesTests.password)
            let list = String(buffer: try await get(client, "/admin/libraries", as: boss.cookie).body)
            XCTAssertTrue(list.contains("data-code=\"DBN\"") && list.contains("data-code=\"LCH\""), list)
            XCTAssertTrue(list.contains("Thêm thư viện"), "Vietnamese first")

            let added = try await post(
                client, "/admin/libraries", [("code", "tuy"), ("name", "Thư viện huyện Than Uyên"), ("district", "Than Uyên")], as: boss)
            XCTAssertEqual(added.status, .seeOther)
            XCTAssertEqual(added.headers[.location], "/admin/libraries?added=TUY")
            XCTAssertEqual(try services.catalog.library(code: "TUY")?.name, "Thư viện huyện Than Uyên")
            XCTAssertEqual(try services.catalog.library(code: "TUY")?.district, "Than Uyên")

            let duplicate = try await post(client, "/admin/libraries", [("code", "TUY"), ("name", "Khác")], as: boss)
            XCTAssertEqual(duplicate.status, .badRequest)
            XCTAssertTrue(String(buffer: duplicate.body).contains("Mã TUY đã có"), String(buffer: duplicate.body))
            let bad = try await post(client, "/admin/libraries", [("code", "T/Y"), ("name", "Tên <b>")], as: boss)
            XCTAssertEqual(bad.status, .badRequest)
            XCTAssertTrue(String(buffer: bad.body).contains("không hợp lệ"))
            XCTAssertTrue(
                String(buffer: bad.body).contains("id=\"f-name\" name=\"name\" value=\"Tên &lt;b&gt;\""), "what was typed is kept")
            XCTAssertFalse(String(buffer: bad.body).contains("Tên <b>"), "and escaped")

            let renamed = try await post(client, "/admin/libraries/LCH", [("name", "Thư viện tỉnh Lai Châu"), ("district", "")], as: boss)
            XCTAssertEqual(renamed.status, .seeOther)
            XCTAssertEqual(try services.catalog.library(code: "LCH")?.name, "Thư viện tỉnh Lai Châu")
            let empty = try await post(client, "/admin/libraries/LCH", [("name", " ")], as: boss)
            XCTAssertEqual(empty.status, .badRequest)
            let unknown = try await post(client, "/admin/libraries/MTE", [("name", "Mường Tè")], as: boss)
            XCTAssertEqual(unknown.status, .notFound)
            let noToken = try await client.execute(
                uri: "/admin/libraries/LCH", method: .post,
                headers: [.cookie: boss.cookie, .contentType: ReviewRoutesTests.formType],
                body: ByteBuffer(string: formEncoded([("name", "Giả mạo")])))
            XCTAssertEqual(noToken.status, .forbidden, "forms need the CSRF token")
            XCTAssertEqual(try services.catalog.library(code: "LCH")?.name, "Thư viện tỉnh Lai Châu")
        }
    }
}
