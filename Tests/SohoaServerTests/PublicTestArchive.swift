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
            files.append(LogicalFile(logicalPath: "reading/\(id).pdf", source: .data(Self.pdfBytes(id, reading: true))))
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

    static func pdfBytes(_ itemID: String, reading: Bool = false) -> Data {
        Data("%PDF-1.4 test \(reading ? "reading " : "")PDF of \(itemID)\n".utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The application with the real middlewares and routes, except that sign-in is simulated: the
    /// `X-Test-Role` header signs in a user with that role (sessions are tested with the auth routes).
    /// `services` replaces the archive's own (the same archive with other services, e.g. a work queue).
    func application(services: ServerServices? = nil) -> some ApplicationProtocol {
        let services = services ?? self.services
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

/// Signs in a user whose role the `X-Test-Role` header names, of the district library that
/// `X-Test-Library` names (if any).
struct TestSignInMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let header = HTTPField.Name("X-Test-Role")!
    static let libraryHeader = HTTPField.Name("X-Test-Library")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let role = request.headers[Self.header].flatMap(UserRole.init(rawValue:)) {
            let library = request.headers[Self.libraryHeader]
            context.user = SignedInUser(
                id: 1, name: "test-\(role.rawValue)", displayName: nil, role: role, libraryCode: library,
                scope: AccessScope(role: role, libraryCode: library, provincial: false))
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
    func get(
        _ uri: String, role: UserRole? = nil, library: String? = nil, json: Bool = false, services: ServerServices? = nil
    ) async throws -> FetchedResponse {
        var fields: HTTPFields = [:]
        if let role { fields[TestSignInMiddleware.header] = role.rawValue }
        if let library { fields[TestSignInMiddleware.libraryHeader] = library }
        if json { fields[.accept] = "application/json" }
        let headers = fields
        let app = application(services: services)
        return try await app.test(.router) { client in
            let response = try await client.execute(uri: uri, method: .get, headers: headers)
            let data = Data(response.body.readableBytesView)
            return FetchedResponse(
                status: response.status, headers: response.headers, body: String(decoding: data, as: UTF8.self), bytes: data)
        }
    }

    /// The JSON of `/search?q=<query>&<extra>`.
    func searchJSON(_ query: String, _ extra: String = "", role: UserRole? = nil, library: String? = nil) async throws -> [String: Any] {
        let response = try await get("/search?q=\(URLPath.queryValue(query))\(extra)", role: role, library: library, json: true)
        XCTAssertEqual(response.status, .ok, "\(query): \(response.body)")
        let object = try JSONSerialization.jsonObject(with: response.bytes) as? [String: Any]
        return try XCTUnwrap(object, "not a JSON object: \(response.body)")
    }

    /// The item ids of the hits of a JSON search, in order.
    func searchItems(_ query: String, _ extra: String = "", role: UserRole? = nil, library: String? = nil) async throws -> [String] {
        let hits = try await searchJSON(query, extra, role: role, library: library)["hits"] as? [[String: Any]] ?? []
        return hits.compactMap { $0["itemID"] as? String }
    }
}
