import Foundation
import GRDB
import PostgresNIO
import SohoaCatalog
import SohoaPostgresTesting
import XCTest

@testable import SohoaPostgres

/// The catalog's schema on PostgreSQL: the same tables, columns, indexes and triggers as SQLite's
/// migrations make, under the same migration names, and the same refusals.
final class PostgresSchemaTests: XCTestCase {
    func testSameTablesColumnsIndexesAndMigrationsAsSQLite() throws {
        let database = try PostgresTestDatabase(self)
        let postgres = try database.migrated()
        defer { postgres.close() }
        let folder = try temporaryCatalogFolder()
        let file = folder.appendingPathComponent(Catalog.fileName)
        _ = try Catalog(url: file)
        let sqlite = try DatabaseQueue(path: file.path)

        let sqliteMigrations = try sqlite.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        XCTAssertEqual(
            Set(sqliteMigrations), Set(PostgresCatalogSchema.sharedMigrations.map(\.name)),
            "a SQLite migration was added or renamed: add the same migration to PostgresCatalogSchema (Sources/SohoaPostgres/Schema)")

        let (sqliteColumns, sqliteRequired, sqliteIndexes, sqliteTriggers) = try sqlite.read { db in
            var columns: Set<String> = []
            var required: Set<String> = []
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            where CatalogCopy.isCopied(sqliteTable: table) || CatalogCopy.countersNotCopied.contains(table) {
                for column in try db.columns(in: table) {
                    columns.insert("\(table).\(column.name.lowercased())")
                    if column.isNotNull && column.primaryKeyIndex == 0 { required.insert("\(table).\(column.name.lowercased())") }
                }
            }
            let indexes = try String.fetchAll(
                db, sql: "SELECT lower(name) FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%'")
            let triggers = try String.fetchAll(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name <> 'page_texts_delete_search'"
            ).map(Self.sqliteTrigger)
            return (columns, required, Set(indexes), Set(triggers))
        }
        let postgresColumns = Set(
            try strings(
                postgres,
                """
                SELECT c.relname || '.' || a.attname FROM pg_attribute AS a JOIN pg_class AS c ON c.oid = a.attrelid
                WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace AND a.attnum > 0
                    AND NOT a.attisdropped AND a.attgenerated::text = ''
                    AND c.relname NOT IN ('grdb_migrations', 'work_queue', 'page_marks')
                """))
        XCTAssertEqual(postgresColumns.subtracting(sqliteColumns), [], "columns only PostgreSQL has")
        XCTAssertEqual(sqliteColumns.subtracting(postgresColumns), [], "columns only SQLite has")
        // NOT NULL outside primary keys (SQLite's INTEGER PRIMARY KEY does not say NOT NULL; PostgreSQL's keys all are).
        let postgresRequired = Set(
            try strings(
                postgres,
                """
                SELECT c.relname || '.' || a.attname FROM pg_attribute AS a JOIN pg_class AS c ON c.oid = a.attrelid
                WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace AND a.attnum > 0
                    AND NOT a.attisdropped AND a.attgenerated::text = '' AND a.attnotnull
                    AND c.relname NOT IN ('grdb_migrations', 'work_queue', 'page_marks')
                    AND NOT EXISTS (
                        SELECT 1 FROM pg_constraint AS k
                        WHERE k.conrelid = c.oid AND k.contype = 'p' AND a.attnum = ANY(k.conkey))
                """))
        XCTAssertEqual(postgresRequired, sqliteRequired, "NOT NULL columns")

        // Key and unique-constraint indexes are implicit in both; `page_search` is the GIN index that
        // stands for SQLite's FTS5 table.
        let postgresIndexes = Set(
            try strings(
                postgres,
                """
                SELECT indexname::text FROM pg_indexes WHERE schemaname = current_schema() AND tablename NOT IN ('work_queue', 'page_marks')
                    AND indexname NOT IN (SELECT conname FROM pg_constraint) AND indexname <> 'page_search'
                """))
        XCTAssertEqual(postgresIndexes, sqliteIndexes)
        // Each trigger's name, timing, event, `UPDATE OF` columns and table (not its body: the dialects differ).
        let postgresTriggers = Set(
            try strings(
                postgres,
                """
                SELECT lower(t.tgname || ' '
                    || CASE WHEN t.tgtype & 2 <> 0 THEN 'BEFORE' WHEN t.tgtype & 64 <> 0 THEN 'INSTEAD OF' ELSE 'AFTER' END || ' '
                    || concat_ws(' OR ',
                        CASE WHEN t.tgtype & 4 <> 0 THEN 'INSERT' END,
                        CASE WHEN t.tgtype & 16 <> 0 THEN 'UPDATE' END,
                        CASE WHEN t.tgtype & 8 <> 0 THEN 'DELETE' END)
                    || coalesce(' OF ' || (
                        SELECT string_agg(lower(a.attname), ', ' ORDER BY lower(a.attname)) FROM pg_attribute AS a
                        WHERE a.attrelid = t.tgrelid AND a.attnum = ANY(t.tgattr)), '')
                    || ' ON ' || c.relname)
                FROM pg_trigger AS t JOIN pg_class AS c ON c.oid = t.tgrelid
                WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace
                """))
        XCTAssertEqual(postgresTriggers.subtracting(sqliteTriggers), [], "triggers only PostgreSQL has, or that differ")
        XCTAssertEqual(sqliteTriggers.subtracting(postgresTriggers), [], "triggers only SQLite has, or that differ")
        XCTAssertTrue(
            postgresTriggers.contains("pages_update_search_version after update of itemid, name, sequence on pages"),
            "\(postgresTriggers.sorted())")
    }

    /// A SQLite trigger's head as the PostgreSQL query above writes it: "name after update of a, b on table",
    /// lower case, the `UPDATE OF` columns sorted.
    static func sqliteTrigger(_ sql: String) -> String {
        let head =
            /(?i)CREATE\s+TRIGGER\s+(\w+)\s+(BEFORE|AFTER|INSTEAD\s+OF)?\s*(INSERT|UPDATE|DELETE)(?:\s+OF\s+([\w\s,]+?))?\s+ON\s+(\w+)/
        guard let match = sql.firstMatch(of: head) else { return "unparsed: \(sql)" }
        let timing = match.output.2.map { String($0).replacing(/\s+/, with: " ") } ?? "BEFORE"
        let columns = match.output.4.map { list in
            " OF "
                + list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.sorted().joined(separator: ", ")
        }
        return "\(match.output.1) \(timing) \(match.output.3)\(columns ?? "") ON \(match.output.5)".lowercased()
    }

    /// Every text column sorts byte by byte (`v-byte-order`), but those listed as kept; a migration
    /// adding a text column without `COLLATE "C"` fails here.
    func testEveryTextColumnSortsByteByByte() throws {
        let database = try PostgresTestDatabase(self, icuLocale: "en-US")
        let postgres = try database.migrated()
        defer { postgres.close() }
        let others = try strings(
            postgres,
            """
            SELECT table_name || '.' || column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'USER-DEFINED')
                AND collation_name IS DISTINCT FROM 'C'
            """)
        XCTAssertEqual(Set(others), PostgresCatalogSchema.textColumnsNotInByteOrder)
        // The foreign keys and the triggers naming columns survive the change.
        try PostgresFixtures.addItem(postgres, "sach-1", pages: 1)
        XCTAssertThrowsError(try postgres.query("UPDATE pages SET itemID = 'none'")) { error in
            XCTAssertEqual((error as? PostgresCatalogError)?.kind, .constraintViolated, "\(error)")
        }
        try postgres.query("UPDATE items SET libraryCode = 'NEW', objectID = 'urn:sohoa:NEW:sach-1'")
        XCTAssertEqual(try strings(postgres, "SELECT code FROM libraries ORDER BY code"), ["LC", "NEW"], "items_library_update")
    }

    func testMigratingTwiceChangesNothing() throws {
        let database = try PostgresTestDatabase(self)
        let postgres = try database.migrated()
        defer { postgres.close() }
        try PostgresCatalogSchema.migrate(postgres)
        let applied = try postgres.transaction { tx throws(PostgresCatalogError) in try PostgresCatalogSchema.appliedMigrations(tx) }
        XCTAssertEqual(Set(applied), Set(PostgresCatalogSchema.migrations.map(\.name)))
    }

    func testMachinesStartingTogetherMigrateOnce() throws {
        let database = try PostgresTestDatabase(self)
        let failures = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 3) { index in
            do {
                let connection = try database.connect()
                defer { connection.close() }
                try PostgresCatalogSchema.migrate(connection)
            } catch {
                failures.update { $0.append("machine \(index): \(error)") }
            }
        }
        XCTAssertEqual(failures.value, [])
        let connection = try database.connect()
        defer { connection.close() }
        XCTAssertEqual(try strings(connection, "SELECT count(*)::text FROM grdb_migrations"), ["\(PostgresCatalogSchema.migrations.count)"])
    }

    func testRefusesAnotherApplicationsDatabaseAndANewerCatalog() throws {
        let other = try PostgresTestDatabase(self)
        let connection = try other.connect()
        defer { connection.close() }
        try connection.query("CREATE TABLE invoices (id BIGINT)")
        XCTAssertThrowsError(try PostgresCatalogSchema.migrate(connection)) { error in
            XCTAssertEqual((error as? PostgresCatalogError)?.kind, .notACatalog, "\(error)")
        }

        let newer = try PostgresTestDatabase(self)
        let catalog = try newer.migrated()
        defer { catalog.close() }
        try catalog.query("INSERT INTO grdb_migrations VALUES ('v-from-the-future')")
        XCTAssertThrowsError(try PostgresCatalogSchema.migrate(catalog)) { error in
            guard let error = error as? PostgresCatalogError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.kind, .newerThanThisSohoa)
            XCTAssertTrue(error.message.contains("v-from-the-future"), error.message)
        }
    }

    func testConstraintsRefuseWhatSQLiteRefuses() throws {
        let database = try PostgresTestDatabase(self)
        let postgres = try database.migrated()
        defer { postgres.close() }
        try PostgresFixtures.addItem(postgres, "sach-1", pages: 1)
        let refused = [
            "INSERT INTO items (id, libraryCode, objectID, sourcePath, createdAt, updatedAt) VALUES ('a/b', 'LC', 'urn:sohoa:LC:a/b', '/b', now(), now())",
            "INSERT INTO items (id, libraryCode, objectID, sourcePath, createdAt, updatedAt) VALUES ('x', 'LC', 'urn:sohoa:XX:x', '/b', now(), now())",
            "UPDATE items SET metadataJSON = '{not json' WHERE id = 'sach-1'",
            "UPDATE pages SET sourceSHA256 = upper(sourceSHA256)",
            "UPDATE pages SET meanConfidence = 101",
            "INSERT INTO events (itemID, type, at, agent, outcome) VALUES ('sach-1', 'Bad Type', now(), 'test', 'success')",
            "INSERT INTO users (name, role, passwordHash, createdAt, updatedAt) VALUES ('an nguyen', 'admin', 'h', now(), now())",
            "INSERT INTO usage_days (day, libraryCode) VALUES ('2026-12-6', '')",
            "INSERT INTO usage_item_days (day, itemID, libraryCode, pageViews) VALUES ('2026-12-06', 'sach-1', 'LC', -1)",
        ]
        for sql in refused {
            XCTAssertThrowsError(try postgres.query(PostgresQuery(unsafeSQL: sql)), sql) { error in
                XCTAssertEqual((error as? PostgresCatalogError)?.kind, .constraintViolated, "\(sql): \(error)")
            }
        }
        // User names compare without case, as SQLite's COLLATE NOCASE.
        try postgres.query("INSERT INTO users (name, role, passwordHash, createdAt, updatedAt) VALUES ('Lan', 'admin', 'h', now(), now())")
        XCTAssertThrowsError(
            try postgres.query(
                "INSERT INTO users (name, role, passwordHash, createdAt, updatedAt) VALUES ('lan', 'admin', 'h', now(), now())"))
        XCTAssertEqual(try strings(postgres, "SELECT code FROM libraries"), ["LC"], "the libraries trigger adds the item's library")
    }

    /// `search_version` (`v-search-marks`) goes up once per committed transaction that changes what
    /// searches show, whatever its number of rows or statements; other writes and a transaction rolled
    /// back leave it alone.
    func testSearchVersionCountsEachTransactionThatChangesWhatSearchesShow() throws {
        let database = try PostgresTestDatabase(self)
        let postgres = try database.migrated()
        defer { postgres.close() }
        let version = { try strings(postgres, "SELECT version::text FROM search_version") }
        XCTAssertEqual(try version(), ["1"])
        let pages = try PostgresFixtures.addItem(postgres, "sach-1", pages: 3)
        XCTAssertEqual(try version(), ["3"], "the item, then its three pages in one statement")
        try postgres.transaction { tx throws(PostgresCatalogError) in
            try tx.query("UPDATE items SET title = 'Địa chí Lai Châu' WHERE id = 'sach-1'")
            try tx.query("INSERT INTO page_texts (pageID, itemID, text, updatedAt) VALUES (\(pages[0]), 'sach-1', 'Đại hội', now())")
            try tx.query("UPDATE pages SET name = 'p0' WHERE id = \(pages[1])")
        }
        XCTAssertEqual(try version(), ["4"], "one transaction, three changes")
        try postgres.query("UPDATE pages SET updatedAt = now()")
        try postgres.query("INSERT INTO usage_days (day, libraryCode, visits) VALUES ('2026-12-06', '', 1)")
        XCTAssertEqual(try version(), ["4"], "a page's time and usage are not shown by searches")
        XCTAssertThrowsError(
            try postgres.transaction { tx throws(PostgresCatalogError) in
                try tx.query("DELETE FROM page_texts")
                throw PostgresCatalogError(kind: .failed, message: "rolled back")
            })
        XCTAssertEqual(try version(), ["4"], "rolled back")
        try postgres.query("DELETE FROM page_texts")
        XCTAssertEqual(try version(), ["5"])
    }

    private func temporaryCatalogFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sohoa-pg-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }
}

/// The first column of every row, as text.
func strings(_ connection: PostgresCatalogConnection, _ sql: String) throws -> [String] {
    try connection.query(PostgresQuery(unsafeSQL: sql)).map { try $0.decode(String.self) }
}
