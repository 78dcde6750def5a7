import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SohoaArchive
import XCTest

@testable import SohoaCatalog
@testable import SohoaCollection
@testable import SohoaPipeline
@testable import SohoaServer

final class PublicRoutesTests: XCTestCase {
    nonisolated(unsafe) static var archive: PublicTestArchive?

    override class func setUp() {
        super.setUp()
        archive = try? PublicTestArchive()
    }

    override class func tearDown() {
        archive?.remove()
        archive = nil
        super.tearDown()
    }

    func fixture() throws -> PublicTestArchive {
        try XCTUnwrap(Self.archive, "the test archive could not be built")
    }

    // MARK: - Escaping

    func testOCRTextAndMetadataAreEscaped() async throws {
        let archive = try fixture()
        let search = try await archive.get("/search?q=script+alert")
        XCTAssertEqual(search.status, .ok)
        XCTAssertFalse(search.body.contains("<script>alert"), search.body)
        XCTAssertTrue(search.body.contains("&lt;<mark>script</mark>&gt;<mark>alert</mark>(&quot;x&quot;)"), search.body)
        let item = try await archive.get("/items/lich-su-thu-vien")
        XCTAssertEqual(item.status, .ok)
        XCTAssertFalse(item.body.contains("<script>alert"))
        XCTAssertTrue(item.body.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"), item.body)
        XCTAssertFalse(item.body.contains("<b>in đậm</b>"), "metadata is escaped")
        XCTAssertTrue(item.body.contains("Mô tả &lt;b&gt;in đậm&lt;/b&gt; &amp; &quot;trích dẫn&quot;"))
        let query = try await archive.get("/search?q=%22%3E%3Cscript%3Ealert(2)%3C%2Fscript%3E")
        XCTAssertFalse(query.body.contains("<script>alert(2)"), "the query echoed in the form is escaped")
        XCTAssertNil(item.body.range(of: "style=\""), "the CSP forbids inline styles")
    }

    // MARK: - Access levels

    func testSearchHonoursAccessLevels() async throws {
        let archive = try fixture()
        let reader = try await archive.searchItems("thu vien luu giu")
        XCTAssertEqual(reader, [], "restricted and closed items are not found by readers")
        let user = try await archive.searchItems("thu vien luu giu", role: .scanner)
        XCTAssertEqual(user, ["tai-lieu-han-che"], "signed-in users find restricted items, never closed ones")
        let found17 = try await archive.searchItems("tuyet mat", role: .admin)
        XCTAssertEqual(found17, [], "closed: nobody")
        let found18 = try await archive.searchItems("da rut", role: .admin)
        XCTAssertEqual(found18, [], "withdrawn: nobody")
        let html = try await archive.get("/search?q=tuyet+mat", role: .admin)
        XCTAssertFalse(html.body.contains("tai-lieu-mat"))
    }

    func testItemRoutesHonourAccessLevels() async throws {
        let archive = try fixture()
        let routes = ["", "/pages/p001/image", "/pages/p001/text", "/pdf"]
        for route in routes {
            let restricted = "/items/tai-lieu-han-che\(route)"
            let asReader = try await archive.get(restricted)
            XCTAssertEqual(asReader.status, .seeOther, restricted)
            XCTAssertTrue(asReader.headers[.location]?.hasPrefix("/login?next=") == true, restricted)
            XCTAssertTrue(asReader.bytes.isEmpty || !asReader.body.contains("biên giới"), restricted)
            let asUser = try await archive.get(restricted, role: .scanner)
            XCTAssertEqual(asUser.status, .ok, restricted)
            XCTAssertEqual(asUser.headers[.cacheControl], "no-store", "nothing of a restricted item is kept: \(restricted)")
            for hidden in ["tai-lieu-mat", "tai-lieu-da-rut", "khong-co"] {
                for role: UserRole? in [nil, .scanner, .admin] {
                    let response = try await archive.get("/items/\(hidden)\(route)", role: role)
                    XCTAssertEqual(response.status, .notFound, "\(hidden)\(route) as \(role?.rawValue ?? "reader")")
                    XCTAssertFalse(response.body.contains("tuyệt mật") || response.body.contains("%PDF"), hidden)
                }
            }
            let open = try await archive.get("/items/lich-su-thu-vien\(route)")
            XCTAssertEqual(open.status, .ok, route)
        }
    }

    // MARK: - Item page, images, text, PDF

    func testItemPageShowsMetadataPagesAndPDF() async throws {
        let archive = try fixture()
        let response = try await archive.get("/items/lich-su-thu-vien")
        XCTAssertEqual(response.status, .ok)
        let body = response.body
        for expected in [
            "Lịch sử Thư viện tỉnh", "1925", "Tài liệu địa chí", "urn:sohoa:LCH:lich-su-thu-vien", "href=\"/items/lich-su-thu-vien/pdf\"",
            "href=\"/items/lich-su-thu-vien/reading-pdf\"", "Tải PDF gọn để đọc",
            "src=\"/items/lich-su-thu-vien/pages/p001/image\"", "src=\"/items/lich-su-thu-vien/pages/p002/image\"",
            "id=\"page-p001\"", "Thư viện tỉnh Lai Châu được thành lập năm 1925.", "href=\"/items/lich-su-thu-vien/pages/p001/text\"",
        ] {
            XCTAssertTrue(body.contains(expected), "missing \(expected)")
        }
        let english = try await archive.get("/items/lich-su-thu-vien?lang=en")
        XCTAssertTrue(english.body.contains("Download the PDF"))
    }

    func testImageTextAndPDFRoutesServeTheArchivedFiles() async throws {
        let archive = try fixture()
        let image = try await archive.get("/items/lich-su-thu-vien/pages/p002/image")
        XCTAssertEqual(image.status, .ok)
        XCTAssertEqual(image.headers[.contentType], "image/png")
        XCTAssertEqual(image.bytes, PublicTestArchive.imageBytes("lich-su-thu-vien", "p002"))
        XCTAssertEqual(image.headers[.cacheControl], CachePolicyMiddleware.publicItem)
        let text = try await archive.get("/items/bao-muong-lay/pages/p001/text")
        XCTAssertEqual(text.status, .ok)
        XCTAssertEqual(text.headers[.contentType], "text/plain; charset=utf-8")
        XCTAssertEqual(text.body, "Tin tức thư viện huyện Mường Lay; journal de la bibliothèque.")
        let pdf = try await archive.get("/items/bao-muong-lay/pdf")
        XCTAssertEqual(pdf.status, .ok)
        XCTAssertEqual(pdf.headers[.contentType], "application/pdf")
        XCTAssertEqual(pdf.bytes, PublicTestArchive.pdfBytes("bao-muong-lay"))
        let reading = try await archive.get("/items/bao-muong-lay/reading-pdf")
        XCTAssertEqual(reading.status, .ok)
        XCTAssertEqual(reading.headers[.contentType], "application/pdf")
        XCTAssertEqual(reading.bytes, PublicTestArchive.pdfBytes("bao-muong-lay", reading: true))
        XCTAssertTrue(reading.headers[.contentDisposition]?.contains("bao-muong-lay-reading.pdf") == true)
        let missing = try await archive.get("/items/bao-muong-lay/pages/p999/image")
        XCTAssertEqual(missing.status, .notFound)
    }

    func testVietnameseIdsArePercentEncodedPathComponents() async throws {
        let archive = try fixture()
        let itemURL = URLPath.item("địa-chí lai châu")
        XCTAssertEqual(itemURL, "/items/%C4%91%E1%BB%8Ba-ch%C3%AD%20lai%20ch%C3%A2u")
        let imageURL = URLPath.pageImage(itemID: "địa-chí lai châu", pageName: "trang 01")
        XCTAssertTrue(imageURL.hasSuffix("/pages/trang%2001/image"))
        let page = try await archive.get(itemURL)
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(page.body.contains("src=\"\(imageURL)\""), page.body)
        let image = try await archive.get(imageURL)
        XCTAssertEqual(image.status, .ok)
        XCTAssertEqual(image.bytes, PublicTestArchive.imageBytes("địa-chí lai châu", "trang 01"))
        // The same id in NFD is the same item.
        let nfd =
            "/items/"
            + ("địa-chí lai châu".decomposedStringWithCanonicalMapping.addingPercentEncoding(
                withAllowedCharacters: CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz-")) ?? "")
        let decomposed = try await archive.get(nfd)
        XCTAssertEqual(decomposed.status, .ok)
    }

    func testPathTraversalFindsNothing() async throws {
        let archive = try fixture()
        let attempts = [
            "/items/lich-su-thu-vien/pages/..%2F..%2Fcatalog.sqlite/image",
            "/items/lich-su-thu-vien/pages/..%2F..%2F..%2F..%2F..%2Fcatalog.sqlite/image",
            "/items/lich-su-thu-vien/pages/..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd/text",
            "/items/lich-su-thu-vien/pages/%2E%2E/image", "/items/lich-su-thu-vien/pages/../image",
            "/items/lich-su-thu-vien/pages/p001%2F..%2Fp002/image", "/items/lich-su-thu-vien/pages/p001%00/image",
            "/items/..%2Fcatalog.sqlite/pdf", "/items/..%2F..%2Fcatalog.sqlite/pages/p001/image", "/items/../catalog.sqlite",
            "/items/%2E%2E/pdf", "/items/lich-su-thu-vien/pages/%2Fetc%2Fpasswd/image",
            "/items/lich-su-thu-vien/pages/inventory.json/image",
            "/items/lich-su-thu-vien/pages/p001.png/image", "/items/lich-su-thu-vien/pages/%252E%252E%252Fp001/image",
            "/static/..%2F..%2Fcatalog.sqlite",
        ]
        for uri in attempts {
            for role: UserRole? in [nil, .admin] {
                let response = try await archive.get(uri, role: role)
                XCTAssertEqual(response.status, .notFound, uri)
                XCTAssertFalse(response.body.contains("SQLite format"), uri)
                XCTAssertFalse(response.body.contains("root:"), uri)
                XCTAssertFalse(response.body.contains("image of"), uri)
            }
        }
    }

    func testRealSessionsSeeRestrictedItems() async throws {
        let archive = try fixture()
        let name = "doc-gia-\(UUID().uuidString.prefix(8))"
        try addTestUser(archive.services, name: name, role: .scanner, password: "mật khẩu dài 1")
        let app = Application(router: SohoaServerApp.router(services: archive.services))
        try await app.test(.router) { client in
            let anonymous = try await client.execute(uri: "/items/tai-lieu-han-che/pages/p001/text", method: .get)
            XCTAssertEqual(anonymous.status, .seeOther)
            let (cookie, _) = try await signIn(client, name: name, password: "mật khẩu dài 1")
            let text = try await client.execute(uri: "/items/tai-lieu-han-che/pages/p001/text", method: .get, headers: [.cookie: cookie])
            XCTAssertEqual(text.status, .ok)
            XCTAssertEqual(String(buffer: text.body), "Thư viện lưu giữ tài liệu hạn chế về biên giới.")
            let search = try await client.execute(
                uri: "/search?q=thu+vien+luu+giu", method: .get, headers: [.cookie: cookie, .accept: "application/json"])
            XCTAssertTrue(String(buffer: search.body).contains("tai-lieu-han-che"))
            let closed = try await client.execute(uri: "/items/tai-lieu-mat", method: .get, headers: [.cookie: cookie])
            XCTAssertEqual(closed.status, .notFound)
            let dashboard = try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: cookie])
            XCTAssertEqual(dashboard.status, .forbidden, "a scanner may not see the dashboard")
        }
    }

    // MARK: - Home

    func testHomeShowsWhatTheReaderMaySee() async throws {
        let archive = try fixture()
        let reader = try await archive.get("/")
        XCTAssertEqual(reader.status, .ok)
        XCTAssertTrue(reader.body.contains("action=\"/search\""))
        XCTAssertTrue(reader.body.contains("<option value=\"MLY\">MLY</option>"), reader.body)
        XCTAssertTrue(reader.body.contains("4 tài liệu"), "4 public items: \(reader.body)")
        let user = try await archive.get("/", role: .scanner)
        XCTAssertTrue(user.body.contains("5 tài liệu"), "restricted counted for signed-in users")
        let english = try await archive.get("/?lang=en")
        XCTAssertTrue(english.body.contains("The collection holds 4 items"))
        let css = try await archive.get("/static/public.css")
        XCTAssertEqual(css.status, .ok)
        XCTAssertTrue(css.body.contains("mark") || css.body.contains(".hit"))
    }
}
