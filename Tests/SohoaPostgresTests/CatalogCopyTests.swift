import Foundation
import GRDB
import PostgresNIO
import SohoaCatalog
import SohoaPostgresTesting
import XCTest

@testable import SohoaPostgres

/// `CatalogCopy` in process: a catalog made through the catalog's own API goes to PostgreSQL and back
/// unchanged, row for row, ids and sequences included; search works on the PostgreSQL side; a
/// destination holding rows is refused unless replaced.
final class CatalogCopyTests: XCTestCase {
    func testSQLiteToPostgresAndBackKeepsEveryRow() throws {
        let database = try PostgresTestDatabase(self)
        let folder = try temporaryFolder()
        let original = folder.appendingPathComponent("original.sqlite")
        try Self.fill(original)
        let postgres = CatalogLocation.postgres(database.address)

        let there = try CatalogCopy.copy(from: .sqlite(original), to: postgres)
        XCTAssertEqual(there.tables.map(\.name), CatalogCopy.tables)
        XCTAssertEqual(there.tables.first { $0.name == "page_texts" }?.rows, 2)
        XCTAssertEqual(there.tables.first { $0.name == "usage_days" }?.rows, 2)
        XCTAssertEqual(there.tables.first { $0.name == "usage_item_days" }?.rows, 1)

        let connection = try database.connect()
        defer { connection.close() }
        let found = try strings(
            connection, "SELECT itemID FROM page_texts WHERE search @@ plainto_tsquery('simple', sohoa_fold('dai hoi dang'))")
        XCTAssertEqual(found, ["dia-chi"])
        // New rows on PostgreSQL continue SQLite's ids: the deleted batch's id 2 is not reused.
        let lastBatch = try connection.query("SELECT pg_sequence_last_value(pg_get_serial_sequence('batches', 'id')::regclass)")
        XCTAssertEqual(try lastBatch.first?.decode(Int64.self), 2)

        let back = folder.appendingPathComponent("back.sqlite")
        let report = try CatalogCopy.copy(from: postgres, to: .sqlite(back))
        XCTAssertEqual(report, there)
        XCTAssertEqual(try SQLiteCatalogRows.dump(back), try SQLiteCatalogRows.dump(original))
        let catalog = try Catalog(url: back)
        XCTAssertEqual(try catalog.search("Đại hội").map(\.itemID), ["dia-chi"], "the copy's search index works")
    }

    func testRefusesADestinationWithRowsUnlessReplaced() throws {
        let database = try PostgresTestDatabase(self)
        let folder = try temporaryFolder()
        let original = folder.appendingPathComponent("original.sqlite")
        try Self.fill(original)
        let postgres = CatalogLocation.postgres(database.address)
        try CatalogCopy.copy(from: .sqlite(original), to: postgres)

        XCTAssertThrowsError(try CatalogCopy.copy(from: .sqlite(original), to: postgres)) { error in
            guard let error = error as? PostgresCatalogError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.kind, .destinationNotEmpty)
            XCTAssertTrue(error.message.contains("--replace"), error.message)
        }
        XCTAssertEqual(
            try CatalogCopy.copy(from: .sqlite(original), to: postgres, replace: true).totalRows,
            try CatalogCopy.copy(from: postgres, to: .sqlite(folder.appendingPathComponent("b.sqlite"))).totalRows)
        XCTAssertThrowsError(try CatalogCopy.copy(from: postgres, to: .sqlite(original))) { error in
            XCTAssertEqual((error as? PostgresCatalogError)?.kind, .destinationNotEmpty)
        }
        XCTAssertThrowsError(try CatalogCopy.copy(from: .sqlite(original), to: .sqlite(original))) { error in
            XCTAssertEqual((error as? PostgresCatalogError)?.kind, .badAddress)
        }
    }

    /// A day's usage: the whole collection's figures, one library's and one item's.
    static let usage = UsageBatch(
        libraries: [
            .init(day: "2026-12-06", libraryCode: UsageBatch.wholeCollection): UsageFigures(
                visits: 3, itemViews: 4, pageViews: 9, downloads: 1, searches: 2),
            .init(day: "2026-12-06", libraryCode: "LC"): UsageFigures(visits: 2, itemViews: 4, pageViews: 9, downloads: 1),
        ],
        items: [.init(day: "2026-12-06", itemID: "dia-chi"): ("LC", UsageFigures(itemViews: 4, pageViews: 9, downloads: 1))])

    /// A catalog with a row in most tables, written through the catalog's API: Vietnamese texts, a
    /// deleted batch (so the id sequence is ahead of the rows), users, a session, libraries, holdings, usage.
    static func fill(_ file: URL) throws {
        let catalog = try Catalog(url: file)
        try catalog.addLibrary(code: "LC", name: "Thư viện tỉnh Lai Châu", district: "Thành phố Lai Châu", provincial: true)
        _ = try catalog.importHoldings([
            HoldingRecord(
                id: "DC-001", title: "Địa chí Lai Châu", libraryCode: "TU", collectionType: .localHistory, specialValue: true,
                estimatedPages: 420, year: 1998, source: "holdings.csv")
        ])
        _ = try catalog.upsertItem(
            ItemRecord(
                id: "dia-chi", libraryCode: "LC", title: "Địa chí Lai Châu", metadataJSON: #"{"nguồn":"kho"}"#, sourcePath: "/batch/dia-chi"
            ))
        let page = try catalog.upsertPage(
            PageRecord(
                itemID: "dia-chi", name: "p001", sequence: 1, sourcePath: "/batch/dia-chi/p001.tif",
                sourceSHA256: String(repeating: "ab", count: 32), dpi: 300, dpiEstimated: true, width: 2480, height: 3508,
                state: .done, meanConfidence: 91.25, wordCount: 312))
        let second = try catalog.upsertPage(
            PageRecord(
                itemID: "dia-chi", name: "p002", sequence: 2, sourcePath: "/batch/dia-chi/p002.tif",
                sourceSHA256: String(repeating: "cd", count: 32), dpi: 0.1 + 0.2, state: .done, meanConfidence: 0.1))
        try catalog.recordPageText(
            pageID: try XCTUnwrap(page.id), itemID: "dia-chi", text: "Đại hội Đảng bộ tỉnh Lai Châu lần thứ nhất (1949)")
        try catalog.recordPageText(pageID: try XCTUnwrap(second.id), itemID: "dia-chi", text: "Người Thái ở Mường Lay")
        let user = try catalog.addUser(
            name: "Lan", displayName: "Nguyễn Thị Lan", role: .archivist, libraryCode: "LC", passwordHash: "$2b$hash")
        try catalog.createSession(
            SessionRecord(
                tokenHash: String(repeating: "e", count: 64), userID: try XCTUnwrap(user.id), csrfToken: "csrf",
                expiresAt: Date().addingTimeInterval(3600)))
        try catalog.recordUsage(Self.usage)
        let queue = try DatabaseQueue(path: file.path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO batches (path, pipeline, startedAt) VALUES ('/batch', 'default', '2026-12-06 10:00:00.125')")
            try db.execute(sql: "INSERT INTO batches (path, pipeline, startedAt) VALUES ('/old', 'default', '2026-12-05 10:00:00.000')")
            try db.execute(sql: "DELETE FROM batches WHERE path = '/old'")
            try db.execute(sql: "UPDATE items SET batchID = 1")
        }
    }

    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sohoa-pg-copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }
}
