import Foundation
import Hummingbird
import HummingbirdTesting
import SohoaArchive
import SohoaCatalog
import SohoaImaging
import SohoaOCR
import SohoaPipeline
import SohoaTesting
import XCTest

@testable import SohoaCollection
@testable import SohoaServer

/// The review screens through the real router: the queue's order, sections and filters, who may
/// use them, the page view (escaped OCR text, word boxes), saving as a new archive version, the
/// optimistic revision check, approving, sending for rescanning, and closed items staying hidden.
final class ReviewRoutesTests: XCTestCase {
    static let password = "Mật khẩu 2025"
    static let formType = "application/x-www-form-urlencoded"
    /// An archive made once for the class (pipeline run with `ReviewFixtureEngine`); each test works on a copy.
    nonisolated(unsafe) static var template: URL?

    override class func setUp() {
        super.setUp()
        do {
            template = try ReviewFixtureArchive.make()
        } catch {
            print("ReviewRoutesTests: cannot make the test archive: \(error)")
        }
    }

    override class func tearDown() {
        if let template { try? FileManager.default.removeItem(at: template.deletingLastPathComponent()) }
        super.tearDown()
    }

    /// Services over a fresh copy of the class's archive, with users mai and lan (archivists) and hoa (manager).
    func services() throws -> ServerServices {
        let template = try XCTUnwrap(Self.template, "the class's test archive could not be made")
        let folder = try temporaryArchive(self)
        let archive = folder.appendingPathComponent("archive")
        try FileManager.default.copyItem(at: template, to: archive)
        let services = try makeServices(archive: archive)
        try addTestUser(services, name: "mai", role: .archivist, password: ReviewRoutesTests.password, displayName: "Lò Thị Mai")
        try addTestUser(services, name: "lan", role: .archivist, password: ReviewRoutesTests.password, displayName: "Nguyễn Thị Lan")
        try addTestUser(services, name: "hoa", role: .manager, password: ReviewRoutesTests.password)
        return services
    }

    func pageID(_ services: ServerServices, _ item: String, _ page: String) throws -> Int64 {
        try XCTUnwrap(try services.catalog.page(itemID: item, name: page)?.id)
    }

    // MARK: - The queue

    func testTheQueueListsLowestConfidenceFirstWithBlankAndFailedPagesApart() async throws {
        let services = try services()
        let sach1 = try pageID(services, "sach", "1"), sach2 = try pageID(services, "sach", "2")
        let bao1 = try pageID(services, "bao", "1"), bao2 = try pageID(services, "bao", "2"), bao3 = try pageID(services, "bao", "3")
        let secret = try pageID(services, "mat", "1")
        try await Application(router: SohoaServerApp.router(services: services)).test(.router) { client in
            let mai = try await signIn(client, name: "mai", password: ReviewRoutesTests.password)
            let queue = try await get(client, "/review", as: mai.cookie)
            XCTAssertEqual(queue.status, .ok)
            let html = String(buffer: queue.body)
            let positions = [sach1, bao1, sach2].map { html.range(of: "href=\"/review/\($0)\"")?.lowerBound }
            XCTAssertFalse(positions.contains(nil), "every text page is listed")
            XCTAssertTrue(positions.compactMap { $0 }.elementsEqual(positions.compactMap { $0 }.sorted()), "lowest confidence first")
            XCTAssertFalse(html.contains("href=\"/review/\(secret)\""), "a closed item's page is not listed")
            XCTAssertFalse(html.contains("href=\"/review/\(bao2)\""), "blank pages are apart")
            XCTAssertFalse(html.contains("href=\"/review/\(bao3)\""), "failed pages are apart")
            XCTAssertTrue(html.contains("(3)") && html.contains("Trang trắng (1)") && html.contains("Trang lỗi (1)"), html)
            XCTAssertTrue(html.contains("href=\"/static/review.css\""))

            let blank = String(buffer: try await get(client, "/review?section=blank", as: mai.cookie).body)
            XCTAssertTrue(blank.contains("href=\"/review/\(bao2)\""))
            XCTAssertFalse(blank.contains("href=\"/review/\(sach1)\""))
            let failed = String(buffer: try await get(client, "/review?section=failed", as: mai.cookie).body)
            XCTAssertTrue(failed.contains("href=\"/review/\(bao3)\""))
            XCTAssertTrue(failed.contains("engine crashed"), "the failure is shown")

            let library = String(buffer: try await get(client, "/review?library=LCH", as: mai.cookie).body)
            XCTAssertTrue(library.contains("href=\"/review/\(sach1)?library=LCH\""))
            XCTAssertFalse(library.contains("/review/\(bao1)"))
            let item = String(buffer: try await get(client, "/review?item=bao", as: mai.cookie).body)
            XCTAssertTrue(item.contains("/review/\(bao1)?item=bao"))
            XCTAssertFalse(item.contains("/review/\(sach1)"))
            let batchID = try XCTUnwrap(try services.catalog.item(id: "sach")?.batchID)
            let batch = String(buffer: try await get(client, "/review?batch=\(batchID)", as: mai.cookie).body)
            XCTAssertTrue(batch.contains("/review/\(sach1)?batch=\(batchID)"))
            let otherBatch = String(buffer: try await get(client, "/review?batch=\(batchID + 100)", as: mai.cookie).body)
            XCTAssertFalse(otherBatch.contains("/review/\(sach1)"))
        }
    }

    func testOnlyArchivistsMayReview() async throws {
        let services = try services()
        let sach1 = try pageID(services, "sach", "1")
        try await Application(router: SohoaServerApp.router(services: services)).test(.router) { client in
            let anonymous = try await get(client, "/review")
            XCTAssertEqual(anonymous.status, .seeOther)
            XCTAssertTrue(anonymous.headers[.location]?.hasPrefix("/login") ?? false)
            let status1 = try await get(client, "/review/\(sach1)").status
            XCTAssertEqual(status1, .seeOther)

            let hoa = try await signIn(client, name: "hoa", password: ReviewRoutesTests.password)
            let status2 = try await get(client, "/review", as: hoa.cookie).status
            XCTAssertEqual(status2, .forbidden)
            let status3 = try await get(client, "/review/\(sach1)", as: hoa.cookie).status
            XCTAssertEqual(status3, .forbidden)
            let refused = try await post(client, "/review/\(sach1)/save", [("revision", "1"), ("line.line_1", "x")], as: hoa)
            XCTAssertEqual(refused.status, .forbidden)
            XCTAssertEqual(try services.root.headVersion(objectID: "urn:sohoa:LCH:sach"), "v1")

            let mai = try await signIn(client, name: "mai", password: ReviewRoutesTests.password)
            let status4 = try await get(client, "/review", as: mai.cookie).status
            XCTAssertEqual(status4, .ok)
            let status5 = try await get(client, "/review/\(sach1)", as: mai.cookie).status
            XCTAssertEqual(status5, .ok)
        }
    }

    // MARK: - The page view

    func testThePageViewDrawsTheWordsAndEscapesOCRText() async throws {
        let services = try services()
        let sach1 = try pageID(services, "sach", "1")
        // OCR can produce markup-like text: put some into the archived ALTO and the catalog.
        _ = try PageCorrection(session: services.session).review(
            PageReview(pageID: sach1, revision: 1, lines: ["line_2": "<script>alert(\"x\")</script> a\"b"]),
            by: Reviewer(userID: nil, account: "test", displayName: nil))
        try await Application(router: SohoaServerApp.router(services: services)).test(.router) { client in
            let mai = try await signIn(client, name: "mai", password: ReviewRoutesTests.password)
            let response = try await get(client, "/review/\(sach1)", as: mai.cookie)
            XCTAssertEqual(response.status, .ok)
            let html = String(buffer: response.body)
            XCTAssertFalse(html.contains("<script>alert"), "OCR text never becomes markup")
            XCTAssertFalse(html.contains("a\"b"))
            XCTAssertTrue(html.contains("Sách &lt;cổ&gt;"), "the item title is escaped too")
            XCTAssertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
            XCTAssertEqual(inputValue("line.line_2", in: html), "<script>alert(\"x\")</script> a\"b")
            XCTAssertEqual(inputValue("line.line_1", in: html), "Thư vien tinh")
            XCTAssertEqual(inputValue("revision", in: html), "2")
            XCTAssertTrue(html.contains("src=\"/items/sach/pages/1/image\""))
            XCTAssertTrue(html.contains("class=\"w doubtful\" data-line=\"line_1\" data-index=\"1\""), "vien (WC 0.41) is doubtful")
            XCTAssertTrue(html.contains("class=\"w\" data-line=\"line_1\" data-index=\"0\""), "Thư (WC 0.95) is not")
            XCTAssertTrue(html.contains("<mark>vien</mark>"))
            XCTAssertTrue(html.contains("data-x=\"") && html.contains("data-w=\""))
            XCTAssertFalse(html.contains("style="), "the CSP forbids style attributes")
            XCTAssertTrue(html.contains("<script src=\"/static/review.js\" defer></script>"))
            XCTAssertTrue(html.contains("formaction=\"/review/\(sach1)/approve\""))
            XCTAssertTrue(html.contains("action=\"/review/\(sach1)/rescan\""))
            XCTAssertTrue(html.contains("data-tone=\"\u{0323}\""), "the palette has the dot below")
            XCTAssertTrue(html.contains("data-insert=\"ơ\""))
            XCTAssertTrue(html.contains("rel=\"next\""), "a link to the next page of the queue")

            let script = try await get(client, "/static/review.js")
            XCTAssertEqual(script.status, .ok)
            XCTAssertTrue(String(buffer: script.body).contains("normalize(\"NFC\")"))
            let style = try await get(client, "/static/review.css")
            XCTAssertEqual(style.status, .ok)
            XCTAssertEqual(style.headers[.contentType], "text/css; charset=utf-8")
        }
    }

    func testClosedAndWithdrawnItemsAreNotFound() async throws {
        let services = try services()
        let secret = try pageID(services, "mat", "1")
        let bao1 = try pageID(services, "bao", "1")
        try services.catalog.withdrawItem(id: "bao", reason: "trùng bản", agent: "test")
        try await Application(router: SohoaServerApp.router(services: services)).test(.router) { client in
            let mai = try await signIn(client, name: "mai", password: ReviewRoutesTests.password)
            let status6 = try await get(client, "/review/\(secret)", as: mai.cookie).status
            XCTAssertEqual(status6, .notFound)
            let status7 = try await get(client, "/review/\(bao1)", as: mai.cookie).status
            XCTAssertEqual(status7, .notFound)
            let status8 = try await get(client, "/review/999999", as: mai.cookie).status
            XCTAssertEqual(status8, .notFound)
            let save = try await post(client, "/review/\(secret)/save", [("revision", "1"), ("line.line_1", "x")], as: mai)
            XCTAssertEqual(save.status, .notFound)
            let rescan = try await post(client, "/review/\(secret)/rescan", [("reason", "x")], as: mai)
            XCTAssertEqual(rescan.status, .notFound)
            XCTAssertEqual(try services.root.headVersion(objectID: "urn:sohoa:LCH:mat"), "v1")
            let queue = String(buffer: try await get(client, "/review", as: mai.cookie).body)
            XCTAssertFalse(queue.contains("/review/\(bao1)"), "a withdrawn item's pages leave the queue")
        }
    }
}
