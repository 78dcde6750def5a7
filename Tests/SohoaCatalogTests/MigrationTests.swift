import Foundation
import GRDB
import SohoaTesting
import XCTest

@testable import SohoaCatalog

/// Opening a catalog: fresh file, re-open, WAL mode, foreign keys, and the files it refuses.
final class MigrationTests: XCTestCase {
    /// Every migration, in order; a new one is appended here when it is added.
    static let allMigrations = [
        "v1-items-pages", "v1-fts", "v2-holdings", "v2-audits", "v3-access-review", "v4-suspect-pages", "v5-access-changes",
        "v-review-next-index", "v-search-fast", "v-structure", "v-serials", "v-libraries", "v-submissions",
        "v-usage", "v-search-marks", "v-oai-record-changes",
    ]

    func testFreshFileGetsAllNamedMigrationsAndTables() throws {
        let test = try TestCatalog(self)
        let applied = try test.catalog.pool.read { db in try CatalogSchema.migrator.appliedIdentifiers(db) }
        XCTAssertEqual(applied, Set(Self.allMigrations))
        let tables = try test.catalog.pool.read { db in
            try Set(String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
        }
        for table in [
            "batches", "items", "pages", "page_stages", "events", "failures", "page_texts", "page_search", "item_structures",
            "api_tokens", "submissions",
        ] {
            XCTAssertTrue(tables.contains(table), "missing table \(table)")
        }
        let applicationID = try test.catalog.pool.read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") }
        XCTAssertEqual(applicationID, CatalogSchema.applicationID)
    }

    func testWALModeAndForeignKeysAreOn() throws {
        let test = try TestCatalog(self)
        let (mode, foreignKeys) = try test.catalog.pool.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Bool.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        XCTAssertEqual(mode, "wal")
        XCTAssertEqual(foreignKeys, true)
        let writerForeignKeys = try test.catalog.pool.write { db in try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") }
        XCTAssertEqual(writerForeignKeys, true)
    }

    func testReopenKeepsDataAndDoesNotMigrateAgain() throws {
        let folder = try temporaryFolder("sohoa-catalog-tests", removedAfter: self)
        let url = folder.appendingPathComponent(Catalog.fileName)
        do {
            let catalog = try Catalog(url: url)
            try catalog.upsertItem(ItemRecord(id: "sach-1", libraryCode: "LC", sourcePath: "/b/sach-1"))
        }
        let reopened = try Catalog(url: url)
        XCTAssertEqual(try reopened.item(id: "sach-1")?.objectID, "urn:sohoa:LC:sach-1")
        let migrations = try reopened.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations")
        }
        XCTAssertEqual(migrations, Self.allMigrations.count)
    }

    func testArchiveFolderURLOpensCatalogSqliteInside() throws {
        let folder = try temporaryFolder("sohoa-catalog-tests", removedAfter: self)
        let catalog = try Catalog(url: folder)
        XCTAssertEqual(catalog.file.lastPathComponent, "catalog.sqlite")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("catalog.sqlite").path))
    }

    func testTwoCatalogsOnOneFileShareOnePool() throws {
        let test = try TestCatalog(self)
        let second = try Catalog(url: test.catalog.file)
        XCTAssertTrue(second.pool === test.catalog.pool)
    }

    func testTextFileIsNotACatalog() throws {
        let folder = try temporaryFolder("sohoa-catalog-tests", removedAfter: self)
        let url = folder.appendingPathComponent("catalog.sqlite")
        try Data(repeating: 0x41, count: 4096).write(to: url)
        XCTAssertThrowsError(try Catalog(url: url)) { error in
            let error = error as? CatalogError
            XCTAssertEqual(error?.kind, .notACatalog)
            XCTAssertTrue(error?.message.contains(url.path) ?? false, error?.message ?? "")
            XCTAssertTrue(error?.message.contains("not a sohoa catalog") ?? false, error?.message ?? "")
        }
    }

    func testOtherSQLiteDatabaseIsNotACatalog() throws {
        let folder = try temporaryFolder("sohoa-catalog-tests", removedAfter: self)
        let url = folder.appendingPathComponent("other.sqlite")
        do {
            let queue = try DatabaseQueue(path: url.path)
            try queue.write { db in try db.execute(sql: "CREATE TABLE books (id INTEGER PRIMARY KEY)") }
        }
        XCTAssertThrowsError(try Catalog(url: url)) { error in
            XCTAssertEqual((error as? CatalogError)?.kind, .notACatalog)
            XCTAssertTrue((error as? CatalogError)?.message.contains("books") ?? false)
        }
    }

    func testCatalogFromNewerSohoaIsRefused() throws {
        let folder = try temporaryFolder("sohoa-catalog-tests", removedAfter: self)
        let url = folder.appendingPathComponent(Catalog.fileName)
        do {
            let catalog = try Catalog(url: url)
            try catalog.pool.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')")
            }
        }
        XCTAssertThrowsError(try Catalog(url: url)) { error in
            let error = error as? CatalogError
            XCTAssertEqual(error?.kind, .newerThanThisSohoa)
            XCTAssertTrue(error?.message.contains("v9-from-the-future") ?? false, error?.message ?? "")
            XCTAssertTrue(error?.message.contains("newer sohoa") ?? false, error?.message ?? "")
        }
    }

    func testLockedByAnotherConnectionIsReportedAsLocked() throws {
        let folder = try temporaryFolder("sohoa-catalog-tests", removedAfter: self)
        let url = folder.appendingPathComponent(Catalog.fileName)
        // Another process would hold the write lock; a separate connection stands in for it.
        var configuration = Configuration()
        configuration.journalMode = .wal
        let other = try DatabaseQueue(path: url.path, configuration: configuration)
        try other.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            XCTAssertThrowsError(try Catalog(url: url, busyTimeout: 0.2)) { error in
                let error = error as? CatalogError
                XCTAssertEqual(error?.kind, .locked)
                XCTAssertTrue(error?.message.contains("locked") ?? false, error?.message ?? "")
            }
            try db.execute(sql: "ROLLBACK")
        }
    }

    func testMissingFolderCannotBeOpened() throws {
        let folder = try temporaryFolder("sohoa-catalog-tests", removedAfter: self)
        let url = folder.appendingPathComponent("no-such-folder/catalog.sqlite")
        XCTAssertThrowsError(try Catalog(url: url)) { error in
            XCTAssertEqual((error as? CatalogError)?.kind, .cannotOpen)
        }
    }
}
