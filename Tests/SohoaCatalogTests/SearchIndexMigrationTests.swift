import Foundation
import GRDB
import SohoaTesting
import XCTest

@testable import SohoaCatalog

/// Migrations `v-search-fast` and `v-search-marks`: a catalog made before them keeps every indexed
/// page, searchable, in the rebuilt index with prefix indexes up to 6 letters and the column of
/// exact forms, and the index still follows deleted texts.
final class SearchIndexMigrationTests: XCTestCase {
    func testAnOlderCatalogIsReindexedOnOpening() throws {
        let folder = try temporaryFolder("sohoa-catalog-tests", removedAfter: self)
        let file = folder.appendingPathComponent(Catalog.fileName)
        // A catalog as the release before made it, with two pages indexed.
        let queue = try DatabaseQueue(path: file.path)
        try CatalogSchema.migrator.migrate(queue, upTo: "v-review-next-index")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO items (id, libraryCode, objectID, title, sourcePath, state, ocflVersion, objectPath,
                        packagedAt, createdAt, updatedAt)
                    VALUES ('old', 'LC', 'urn:sohoa:LC:old', 'old', '/b/old', 'packaged', 'v1', 'x/old', ?, ?, ?)
                    """, arguments: [Date(), Date(), Date()])
            for (number, text) in ["Những trang nghiêng", "Thư viện"].enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO pages (itemID, name, sequence, sourcePath, sourceSHA256, state, updatedAt)
                        VALUES ('old', ?, ?, ?, ?, 'done', ?)
                        """,
                    arguments: ["p\(number + 1)", number + 1, "/b/old/p\(number + 1).tif", String(repeating: "a", count: 64), Date()])
                let page = db.lastInsertedRowID
                try db.execute(
                    sql: "INSERT INTO page_texts (pageID, itemID, text, updatedAt) VALUES (?, 'old', ?, ?)",
                    arguments: [page, text, Date()])
                try db.execute(
                    sql: "INSERT INTO page_search (rowid, folded) VALUES (?, ?)", arguments: [page, DiacriticFolding.fold(text)])
            }
        }
        // Opening it says that the index is rebuilt, and how long that takes, when the catalog is large.
        let notice = try queue.read { db in
            try Catalog.longMigrationNotice(db, migrator: CatalogSchema.migrator, file: file, from: 2)
        }
        XCTAssertTrue(notice?.contains("2 pages, about 1 min, once") ?? false, notice ?? "no notice")
        XCTAssertNil(try queue.read { db in try Catalog.longMigrationNotice(db, migrator: CatalogSchema.migrator, file: file) })
        try queue.close()

        let catalog = try Catalog(url: file)
        XCTAssertNil(
            try catalog.pool.read { db in
                try Catalog.longMigrationNotice(db, migrator: CatalogSchema.migrator, file: file, from: 2)
            }, "no notice once the index is rebuilt")
        let definition = try catalog.pool.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'page_search'")
        }
        XCTAssertTrue(definition?.contains("prefix = '2 3 4 5 6'") ?? false, definition ?? "no page_search")
        let everyone = SearchFilters(access: [.public])
        XCTAssertEqual(try catalog.search("nhung", filters: everyone).results.map(\.hit.pageName), ["p1"])
        XCTAssertEqual(try catalog.search("trang nghie", filters: everyone).total, 1)
        XCTAssertEqual(try catalog.search("thu vien", filters: everyone).results.map(\.hit.pageName), ["p2"])
        XCTAssertEqual(try catalog.search("thu vien").map(\.pageName), ["p2"])
        // v-search-marks: the exact forms were made for the pages already there.
        XCTAssertTrue(definition?.contains("marks") ?? false, definition ?? "no page_search")
        let marked = try catalog.search("Thư viện", filters: everyone).results
        XCTAssertEqual(marked.map(\.hit.pageName), ["p2"])
        XCTAssertLessThan(marked.first?.hit.score ?? 0, -SearchScan.exactTermWeight, "found as written")
        let stored = try catalog.pool.read { db in try String.fetchOne(db, sql: "SELECT marks FROM page_search WHERE folded = 'thu vien'") }
        XCTAssertEqual(stored, MarkedWords.column("Thư viện"))
        // The trigger came back with the index: a text deleted leaves it.
        try catalog.pool.write { db in try db.execute(sql: "DELETE FROM page_texts WHERE itemID = 'old'") }
        let left = try catalog.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM page_search") }
        XCTAssertEqual(left, 0)
    }
}
