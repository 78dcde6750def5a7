import Foundation
import Hummingbird
import HummingbirdTesting
import SohoaCatalog
import SohoaCollection
import SohoaPostgres
import SohoaPostgresTesting
import XCTest

@testable import SohoaServer

/// `sohoa serve --catalog postgresql://…` (issue 16): the catalog of a real pipeline run
/// (`ReviewFixtureArchive`) copied to PostgreSQL with `CatalogCopy`, the server's routes on it answer
/// as they do on the archive's SQLite catalog: an item page, OAI-PMH ListRecords, an IIIF manifest,
/// the dashboard, the yearly report's download, a review save (a new archive version, the catalog's
/// review and revision) and the admin's library pages (add, rename);
/// search answers (200); and `sohoa correct`'s `PageCorrection`.
/// Skipped without `SOHOA_TEST_POSTGRES_URL`.
final class PostgresServerTests: XCTestCase {
    static let password = "Mật khẩu 2025"

    /// Runs the requests on the server over `archive` with `catalog`; returns the answers, in order,
    /// with the parts that change from one request to the next taken out (`stable`).
    private func answers(archive: URL, catalog: Catalog) async throws -> [String] {
        let session = try ArchiveSession(folder: archive) { () throws(CatalogError) in catalog }
        let services = ServerServices(session: session, options: ServerOptions(archive: archive))
        let sach1 = try XCTUnwrap(try catalog.page(itemID: "sach", name: "1")?.id)
        let password = Self.password
        let pages = try await Application(router: SohoaServerApp.router(services: services)).test(.router) { client -> [String] in
            var pages: [String] = []
            func read(_ uri: String, as cookie: String? = nil) async throws -> String {
                let response = try await get(client, uri, as: cookie)
                XCTAssertEqual(response.status, .ok, "\(uri): \(String(buffer: response.body).prefix(500))")
                return PostgresServerTests.stable(String(buffer: response.body))
            }
            pages.append(try await read("/items/sach"))
            let searched = try await get(client, "/search?q=vien")
            XCTAssertEqual(searched.status, .ok, String(buffer: searched.body).prefix(300) + "")
            pages.append(try await read("/oai?verb=ListRecords&metadataPrefix=oai_dc"))
            pages.append(try await read("/iiif/sach/manifest"))
            let hoa = try await signIn(client, name: "hoa", password: password)
            let dashboard = try await read("/dashboard", as: hoa.cookie)
            XCTAssertTrue(dashboard.contains("LCH"), dashboard)
            pages.append(dashboard)
            // The yearly report's download: the HTML page and a CSV table, as `sohoa report` writes them.
            let year = Calendar(identifier: .gregorian).component(.year, from: Date())
            for uri in ["/dashboard/report?year=\(year)", "/dashboard/report?year=\(year)&format=csv&table=months"] {
                let report = try await read(uri, as: hoa.cookie)
                XCTAssertTrue(report.contains("LCH") || report.contains("\(year)"), report)
                pages.append(report)
            }

            let mai = try await signIn(client, name: "mai", password: password)
            pages.append(try await read("/review", as: mai.cookie))
            let html = try await read("/review/\(sach1)", as: mai.cookie)
            let saved = try await saveFirstLine(client, pageID: sach1, form: html, to: "Thư viện Mường", as: mai)
            XCTAssertEqual(saved.status, .seeOther, String(buffer: saved.body))
            XCTAssertEqual(saved.headers[.location], "/review/\(sach1)?saved=pending")
            let approved = try await post(client, "/review/\(sach1)/approve", [("revision", "2")], as: mai)
            XCTAssertEqual(approved.status, .seeOther, String(buffer: approved.body))
            pages.append(try await read("/items/sach/pages/1/text"))

            // The admin's library pages: a library added, one renamed, the list that shows both.
            let an = try await signIn(client, name: "an", password: password)
            pages.append(try await read("/admin/libraries", as: an.cookie))
            let added = try await post(
                client, "/admin/libraries", [("code", "tuy"), ("name", "Thư viện huyện Than Uyên"), ("district", "Than Uyên")], as: an)
            XCTAssertEqual(added.status, .seeOther, String(buffer: added.body))
            XCTAssertEqual(added.headers[.location], "/admin/libraries?added=TUY")
            let duplicate = try await post(client, "/admin/libraries", [("code", "TUY"), ("name", "Khác")], as: an)
            XCTAssertEqual(duplicate.status, .badRequest)
            pages.append(PostgresServerTests.stable(String(buffer: duplicate.body)))
            let renamed = try await post(client, "/admin/libraries/LCH", [("name", "Thư viện tỉnh Lai Châu"), ("district", "")], as: an)
            XCTAssertEqual(renamed.status, .seeOther, String(buffer: renamed.body))
            let list = try await read("/admin/libraries?renamed=LCH", as: an.cookie)
            XCTAssertTrue(list.contains("data-code=\"TUY\"") && list.contains("Thư viện tỉnh Lai Châu"), list)
            pages.append(list)
            return pages
        }
        XCTAssertEqual(try services.root.headVersion(objectID: "urn:sohoa:LCH:sach"), "v2", "the save was archived")
        let entry = try XCTUnwrap(try catalog.reviewEntry(pageID: sach1))
        XCTAssertEqual(entry.revision, 3)
        XCTAssertEqual(entry.reviewState, .approved)
        XCTAssertEqual(try catalog.reviews(pageID: sach1).map(\.action), [.corrected, .approved])
        XCTAssertEqual(try catalog.pageText(pageID: sach1)?.contains("Thư viện Mường"), true)
        // `sohoa correct`'s correction of another page: a third version and the catalog's text.
        let written = try PageCorrection(session: session).apply(
            itemID: "sach", pageName: "2", text: "Thư viện tỉnh\nLai Châu\n", by: "lan")
        let sach2 = try XCTUnwrap(try catalog.page(itemID: "sach", name: "2")?.id)
        XCTAssertEqual(written.version, "v3")
        XCTAssertEqual(try catalog.pageText(pageID: sach2), "Thư viện tỉnh\nLai Châu")
        return pages + [try catalog.pageText(pageID: sach2) ?? "", "\(try catalog.reviewEntry(pageID: sach2)?.revision ?? -1)"]
    }

    /// `body` without OAI's response date, the forms' CSRF tokens and the report's days (made and as of).
    private static func stable(_ body: String) -> String {
        var text = body
        for pattern in [
            "<responseDate>[^<]*</responseDate>", "name=\"_csrf\" value=\"[^\"]*\"", "content=\"[A-Za-z0-9_-]{20,}\"",
            "[0-9]{2}/[0-9]{2}/[0-9]{4}",
        ] {
            text = text.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
        }
        return text
    }

    func testTheServerAnswersOnPostgresAsOnSQLite() async throws {
        let database = try PostgresTestDatabase(self)
        let template = try ReviewFixtureArchive.make()
        defer { try? FileManager.default.removeItem(at: template.deletingLastPathComponent()) }
        try Self.addUsers(template)
        let folder = try temporaryArchive(self)
        let onSQLite = folder.appendingPathComponent("sqlite")
        let onPostgres = folder.appendingPathComponent("postgres")
        try FileManager.default.copyItem(at: template, to: onSQLite)
        try FileManager.default.copyItem(at: template, to: onPostgres)
        try Self.copy(onPostgres.appendingPathComponent(Catalog.fileName), to: database.address)
        // The copy's own SQLite catalog goes, so nothing can read it by mistake.
        try FileManager.default.removeItem(at: onPostgres.appendingPathComponent(Catalog.fileName))

        let sqlite = try await answers(
            archive: onSQLite, catalog: try Catalog(url: onSQLite.appendingPathComponent(Catalog.fileName)))
        let postgres = try await answers(archive: onPostgres, catalog: try Self.open(database.address))
        XCTAssertEqual(postgres.count, sqlite.count)
        for (index, (expected, answer)) in zip(sqlite, postgres).enumerated() where answer != expected {
            let same = zip(expected, answer).prefix { $0 == $1 }.count
            XCTFail(
                "answer \(index) differs on PostgreSQL at character \(same): SQLite "
                    + "\(expected.dropFirst(max(0, same - 80)).prefix(240)) | PostgreSQL \(answer.dropFirst(max(0, same - 80)).prefix(240))"
            )
        }
    }

    /// `sohoa catalog copy` of `file` to `address` (blocks: called from a test's thread).
    private static func copy(_ file: URL, to address: PostgresCatalogAddress) throws {
        try CatalogCopy.copy(from: .sqlite(file), to: .postgres(address))
    }

    /// The catalog at `address` (blocks: called from a test's thread).
    private static func open(_ address: PostgresCatalogAddress) throws -> Catalog {
        try PostgresCatalogBackend.catalog(address)
    }

    /// Adds the archivist mai and the manager hoa to the archive's catalog, and closes it.
    private static func addUsers(_ archive: URL) throws {
        do {
            let catalog = try Catalog(url: archive.appendingPathComponent(Catalog.fileName))
            let hash = try PasswordHasher(cost: 4).hash(password)
            try catalog.addUser(name: "mai", displayName: nil, role: .archivist, passwordHash: hash)
            try catalog.addUser(name: "hoa", displayName: nil, role: .manager, passwordHash: hash)
            try catalog.addUser(name: "an", displayName: nil, role: .admin, passwordHash: hash)
        }
        // The last connection to close removes the WAL; a copy made before it would miss rows.
        let wal = archive.appendingPathComponent(Catalog.fileName + "-wal")
        for _ in 0..<600 where FileManager.default.fileExists(atPath: wal.path) { Thread.sleep(forTimeInterval: 0.05) }
    }
}
