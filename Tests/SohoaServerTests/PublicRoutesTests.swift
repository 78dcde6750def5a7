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

/// An archive built directly (catalog rows and OCFL objects, no OCR) with items at every access
/// level, Vietnamese text, hostile OCR text, and an item with many pages for paging.
final class PublicTestArchive: Sendable {
    let folder: URL
    let services: ServerServices

    /// A page to store: its name and its text.
    struct Page {
        var name: String
        var text: String
    }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sohoa-public-\(UUID().uuidString)", isDirectory: true)
        let root = try OCFLStorageRoot.openOrCreate(at: folder)
        let catalog = try Catalog(url: folder.appendingPathComponent(Catalog.fileName))
        func add(
            _ id: String, library: String = "LCH", title: String, date: String? = nil, language: String = "vie", type: String? = nil,
            access: AccessLevel = .public, withdrawn: Bool = false, pages: [Page]
        ) throws {
            var item = ItemRecord(
                id: id, libraryCode: library, title: title, creator: "Thư viện tỉnh", date: date, language: language, type: type,
                metadataJSON: #"{"description": "Mô tả <b>in đậm</b> & \"trích dẫn\""}"#, sourcePath: "/batch/\(id)",
                pageCount: pages.count)
            item = try catalog.upsertItem(item)
            var files: [LogicalFile] = []
            for (index, page) in pages.enumerated() {
                let stored = try catalog.upsertPage(
                    PageRecord(
                        itemID: id, name: page.name, sequence: index + 1, sourcePath: "/batch/\(id)/\(page.name).tif",
                        sourceSHA256: String(repeating: "a", count: 64), state: .done))
                try catalog.recordPageText(pageID: try XCTUnwrap(stored.id), itemID: id, text: page.text)
                files.append(LogicalFile(logicalPath: "access/\(page.name).png", source: .data(Self.imageBytes(id, page.name))))
                files.append(LogicalFile(logicalPath: "text/\(page.name).txt", source: .data(Data(page.text.utf8))))
            }
            files.append(LogicalFile(logicalPath: "\(id).pdf", source: .data(Self.pdfBytes(id))))
            let written = try root.writeVersion(
                objectID: item.objectID, files: files, message: "test", user: VersionUser(name: "sohoa tests"))
            try catalog.markItemPackaged(id: id, version: written.version, objectPath: root.objectPath(for: item.objectID))
            try catalog.pool.write { db in
                try db.execute(
                    sql: "UPDATE items SET access = ?, withdrawnAt = ? WHERE id = ?",
                    arguments: [access.rawValue, withdrawn ? Date() : nil, id])
            }
        }
        try add(
            "lich-su-thu-vien", title: "Lịch sử Thư viện tỉnh", date: "1925", type: "local-history",
            pages: [
                Page(name: "p001", text: "Thư viện tỉnh Lai Châu được thành lập năm 1925.\nĐại học Tây Bắc gửi tặng sách."),
                Page(name: "p002", text: "Văn bản OCR lạ: <script>alert(\"x\")</script> & 'y' \"trích\" dấu < và >"),
            ])
        try add(
            "bao-muong-lay", library: "MLY", title: "Báo Mường Lay", date: "1930-05-02", language: "vie+fra", type: "newspaper",
            pages: [Page(name: "p001", text: "Tin tức thư viện huyện Mường Lay; journal de la bibliothèque.")])
        try add(
            "địa-chí lai châu", title: "Địa chí Lai Châu", date: "[1940]", type: "local-history",
            pages: [Page(name: "trang 01", text: "Địa chí tỉnh Lai Châu: núi Pu Si Lung, sông Đà.")])
        try add(
            "tai-lieu-han-che", title: "Tài liệu hạn chế", access: .restricted,
            pages: [Page(name: "p001", text: "Thư viện lưu giữ tài liệu hạn chế về biên giới.")])
        try add(
            "tai-lieu-mat", title: "Tài liệu mật", access: .closed,
            pages: [Page(name: "p001", text: "Thư viện lưu giữ tài liệu tuyệt mật.")])
        try add(
            "tai-lieu-da-rut", title: "Tài liệu đã rút", withdrawn: true,
            pages: [Page(name: "p001", text: "Thư viện đã rút tài liệu này khỏi kho.")])
        try add(
            "ruong-bac-thang", title: "Ruộng bậc thang", date: "1960", type: "photo",
            pages: (1...25).map { Page(name: String(format: "p%03d", $0), text: "Ảnh ruộng bậc thang số \($0) ở Tam Đường.") })
        let session = try ArchiveSession(folder: folder)
        services = ServerServices(session: session, options: ServerOptions(archive: folder))
    }

    /// The bytes stored as a page's access image (not a real PNG: the routes serve bytes as stored).
    static func imageBytes(_ itemID: String, _ page: String) -> Data {
        Data([0x89, 0x50, 0x4E, 0x47]) + Data("image of \(itemID)/\(page)".utf8)
    }

    static func pdfBytes(_ itemID: String) -> Data {
        Data("%PDF-1.4 test PDF of \(itemID)\n".utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The application with the real middlewares and routes, except that sign-in is simulated: the
    /// `X-Test-Role` header signs in a user with that role (sessions are tested with the auth routes).
    func application() -> some ApplicationProtocol {
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: CachePolicyMiddleware())
        router.add(middleware: ErrorPageMiddleware())
        router.add(middleware: LanguageMiddleware())
        router.add(middleware: TestSignInMiddleware())
        StaticRoutes.add(to: router)
        PublicRoutes.add(to: router, services: services)
        DashboardRoutes.add(to: router, services: services)
        return Application(router: router)
    }
}

/// Signs in a user whose role the `X-Test-Role` header names.
struct TestSignInMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let header = HTTPField.Name("X-Test-Role")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let role = request.headers[Self.header].flatMap(UserRole.init(rawValue:)) {
            context.user = SignedInUser(id: 1, name: "test-\(role.rawValue)", displayName: nil, role: role)
            context.csrfToken = "test-csrf"
        }
        return try await next(request, context)
    }
}

/// A response as the tests look at it.
struct FetchedResponse {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: String
    var bytes: Data
}

extension PublicTestArchive {
    /// GETs `uri` (already percent-encoded) as a reader, or as a user with `role`.
    func get(_ uri: String, role: UserRole? = nil, json: Bool = false) async throws -> FetchedResponse {
        var fields: HTTPFields = [:]
        if let role { fields[TestSignInMiddleware.header] = role.rawValue }
        if json { fields[.accept] = "application/json" }
        let headers = fields
        let app = application()
        return try await app.test(.router) { client in
            let response = try await client.execute(uri: uri, method: .get, headers: headers)
            let data = Data(response.body.readableBytesView)
            return FetchedResponse(
                status: response.status, headers: response.headers, body: String(decoding: data, as: UTF8.self), bytes: data)
        }
    }

    /// The JSON of `/search?q=<query>&<extra>`.
    func searchJSON(_ query: String, _ extra: String = "", role: UserRole? = nil) async throws -> [String: Any] {
        let response = try await get("/search?q=\(URLPath.queryValue(query))\(extra)", role: role, json: true)
        XCTAssertEqual(response.status, .ok, "\(query): \(response.body)")
        let object = try JSONSerialization.jsonObject(with: response.bytes) as? [String: Any]
        return try XCTUnwrap(object, "not a JSON object: \(response.body)")
    }

    /// The item ids of the hits of a JSON search, in order.
    func searchItems(_ query: String, _ extra: String = "", role: UserRole? = nil) async throws -> [String] {
        let hits = try await searchJSON(query, extra, role: role)["hits"] as? [[String: Any]] ?? []
        return hits.compactMap { $0["itemID"] as? String }
    }
}

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

    private func fixture() throws -> PublicTestArchive {
        try XCTUnwrap(Self.archive, "the test archive could not be built")
    }

    // MARK: - Search

    func testSearchWithoutDiacriticsFindsVietnameseWords() async throws {
        let archive = try fixture()
        let found0 = Set(try await archive.searchItems("thu vien"))
        XCTAssertEqual(found0, ["lich-su-thu-vien", "bao-muong-lay"])
        let found1 = try await archive.searchItems("dai hoc")
        XCTAssertEqual(found1, ["lich-su-thu-vien"])
        let found2 = try await archive.searchItems("ĐẠI HỌC")
        XCTAssertEqual(found2, ["lich-su-thu-vien"])
        let found3 = try await archive.searchItems("Thư viện tỉnh")
        XCTAssertEqual(found3, ["lich-su-thu-vien"])
        let html = try await archive.get("/search?q=dai+hoc")
        XCTAssertEqual(html.status, .ok)
        XCTAssertTrue(html.body.contains("<mark>Đại</mark> <mark>học</mark>"), html.body)
        XCTAssertTrue(html.body.contains("href=\"/items/lich-su-thu-vien\""))
        XCTAssertTrue(html.body.contains("/static/public.css"))
    }

    func testQuotedPhraseMatchesWordsInOrder() async throws {
        let archive = try fixture()
        let found4 = Set(try await archive.searchItems("\"tinh lai chau\""))
        XCTAssertEqual(found4, ["lich-su-thu-vien", "địa-chí lai châu"])
        let found5 = try await archive.searchItems("\"lai chau tinh\"")
        XCTAssertEqual(found5, [])
        let found6 = try await archive.searchItems("\"dai hoc tay bac\"")
        XCTAssertEqual(found6, ["lich-su-thu-vien"])
        let json = try await archive.searchJSON("\"đại học\"")
        let hit = try XCTUnwrap((json["hits"] as? [[String: Any]])?.first)
        let snippet = try XCTUnwrap(hit["snippet"] as? String)
        let ranges = try XCTUnwrap(hit["highlights"] as? [[Int]])
        XCTAssertEqual(ranges.count, 1, "a phrase is one highlight")
        let utf16 = Array(snippet.utf16)
        XCTAssertEqual(String(decoding: utf16[ranges[0][0]..<ranges[0][1]], as: UTF16.self), "Đại học")
    }

    func testFiltersByLibraryTypeYearAndLanguage() async throws {
        let archive = try fixture()
        let found7 = try await archive.searchItems("thu vien", "&library=MLY")
        XCTAssertEqual(found7, ["bao-muong-lay"])
        let found8 = try await archive.searchItems("thu vien", "&library=LCH")
        XCTAssertEqual(found8, ["lich-su-thu-vien"])
        let found9 = try await archive.searchItems("thu vien", "&type=newspaper")
        XCTAssertEqual(found9, ["bao-muong-lay"])
        let found10 = try await archive.searchItems("lai chau", "&type=local-history&year=1940")
        XCTAssertEqual(found10, ["địa-chí lai châu"])
        let found11 = try await archive.searchItems("thu vien", "&year=1930")
        XCTAssertEqual(found11, ["bao-muong-lay"])
        let found12 = try await archive.searchItems("thu vien", "&lang=fra")
        XCTAssertEqual(found12, ["bao-muong-lay"])
        let found13 = Set(try await archive.searchItems("thu vien", "&lang=vie"))
        XCTAssertEqual(found13, ["lich-su-thu-vien", "bao-muong-lay"])
        let found14 = try await archive.searchItems("thu vien", "&lang=eng")
        XCTAssertEqual(found14, [])
        let found15 = try await archive.searchItems("thu vien", "&year=1999")
        XCTAssertEqual(found15, [])
        // Text filters that cannot be valid are ignored; numbers that are not numbers are a 400 with a message.
        let found16 = Set(try await archive.searchItems("thu vien", "&library=%27%3B--"))
        XCTAssertEqual(found16, ["lich-su-thu-vien", "bao-muong-lay"])
        let badYear = try await archive.get("/search?q=thu+vien&year=abc")
        XCTAssertEqual(badYear.status, .badRequest)
        XCTAssertTrue(badYear.body.contains("year"), badYear.body)
        let json = try await archive.searchJSON("thu vien", "&library=MLY&year=1930")
        let filters = try XCTUnwrap(json["filters"] as? [String: Any])
        XCTAssertEqual(filters["library"] as? String, "MLY")
        XCTAssertEqual(filters["year"] as? Int, 1930)
    }

    func testResultsArePagedWithTotal() async throws {
        let archive = try fixture()
        let first = try await archive.searchJSON("ruong bac thang")
        XCTAssertEqual(first["total"] as? Int, 25)
        XCTAssertEqual((first["hits"] as? [Any])?.count, 20)
        let second = try await archive.searchJSON("ruong bac thang", "&page=2")
        XCTAssertEqual(second["page"] as? Int, 2)
        let secondHits = second["hits"] as? [[String: Any]] ?? []
        XCTAssertEqual(secondHits.count, 5)
        let firstPages = Set((first["hits"] as? [[String: Any]] ?? []).compactMap { $0["pageName"] as? String })
        let secondPages = Set(secondHits.compactMap { $0["pageName"] as? String })
        XCTAssertTrue(firstPages.isDisjoint(with: secondPages))
        XCTAssertEqual(firstPages.union(secondPages).count, 25)
        let beyond = try await archive.searchJSON("ruong bac thang", "&page=99")
        XCTAssertEqual(beyond["total"] as? Int, 25)
        XCTAssertEqual((beyond["hits"] as? [Any])?.count, 0)
        let html = try await archive.get("/search?q=ruong+bac+thang")
        XCTAssertTrue(html.body.contains("href=\"/search?q=ruong%20bac%20thang&amp;page=2\""), html.body)
        XCTAssertTrue(html.body.contains("25"))
    }

    func testSearchAnswersJSONWhenAsked() async throws {
        let archive = try fixture()
        let response = try await archive.get("/search?q=dai+hoc", json: true)
        XCTAssertEqual(response.status, .ok)
        XCTAssertTrue(response.headers[.contentType]?.hasPrefix("application/json") == true)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: response.bytes) as? [String: Any])
        XCTAssertEqual(json["query"] as? String, "dai hoc")
        XCTAssertEqual(json["total"] as? Int, 1)
        let hit = try XCTUnwrap((json["hits"] as? [[String: Any]])?.first)
        XCTAssertEqual(hit["title"] as? String, "Lịch sử Thư viện tỉnh")
        XCTAssertEqual(hit["imageURL"] as? String, "/items/lich-su-thu-vien/pages/p001/image")
        XCTAssertEqual(hit["library"] as? String, "LCH")
    }

    func testHostileQueriesNeverFail() async throws {
        let archive = try fixture()
        let queries = [
            "\"", "\"\"\"", "*", "thu*", "NEAR(thu vien)", "NEAR", "-", "-thu", "thu -vien", "a:b", "folded:thu", "(", ")", "(thu",
            ":", "AND OR NOT", "'", "\\", "%", "%%", "\u{0}", "🙂", "\"thu vien", String(repeating: "(", count: 600),
            String(repeating: "thu ", count: Catalog.maximumSearchWords), "<script>alert(1)</script>", "' OR 1=1 --",
        ]
        for query in queries {
            for json in [false, true] {
                let response = try await archive.get("/search?q=\(URLPath.queryValue(query))&page=2&type=%00", json: json)
                XCTAssertEqual(response.status, .ok, "query \(query.debugDescription) json \(json)")
                if !json { XCTAssertFalse(response.body.contains("<script>alert(1)"), query) }
            }
        }
        for raw in ["/search?q=%", "/search?q=%zz", "/search?q=%C3", "/search?q", "/search?&&=&q=thu&page="] {
            let response = try await archive.get(raw)
            XCTAssertEqual(response.status, .ok, raw)
        }
        for raw in [
            "/search?&&=&q=thu&page=abc", "/search?page=-5&q=thu", "/search?q=thu&year=-1",
            "/search?q=" + String(repeating: "thu+", count: 300),
        ] {
            let response = try await archive.get(raw)
            XCTAssertEqual(response.status, .badRequest, raw)
        }
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
