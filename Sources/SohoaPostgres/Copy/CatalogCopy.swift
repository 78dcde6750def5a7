import Foundation
import GRDB
import PostgresNIO
import SohoaCatalog

/// `sohoa catalog copy`: moves a catalog from SQLite to PostgreSQL or back (issue 16), table by table,
/// keeping every id, and checks at the end that both sides hold as many rows in each table.
///
/// Both catalogs are opened as any command opens them, which brings their schemas up to date; then
/// they must have the same schema changes. A destination that already holds rows is refused unless
/// `replace` (then its rows go first). Rows go over in batches, one transaction each: a copy that
/// stops half-way leaves a partial destination, which the next copy with `replace` overwrites.
/// The search index is not copied but made again on the destination: PostgreSQL's generated
/// `page_texts.search`, SQLite's `page_search` from `DiacriticFolding.fold` and `MarkedWords.column`
/// (as the catalog writes it).
public enum CatalogCopy {
    /// The catalog's tables, parents before the tables that refer to them.
    public static let tables = [
        "batches", "libraries", "holdings", "items", "pages", "page_stages", "events", "failures", "page_texts",
        "audits", "users", "sessions", "reviews", "item_structures", "api_tokens", "submissions", "usage_days",
        "usage_item_days",
    ]

    /// SQLite tables that are not copied: its own bookkeeping, the migrations (each side has its own),
    /// and the full-text index with its shadow tables (made again from `page_texts`).
    static func isCopied(sqliteTable name: String) -> Bool {
        !(name.hasPrefix("sqlite_") || name == "grdb_migrations" || name == "page_search" || name.hasPrefix("page_search_")
            || countersNotCopied.contains(name))
    }

    /// Tables both sides have but each keeps for itself: `search_version` (`v-search-marks`) is counted
    /// up by each side's triggers as the copy writes rows, so a search cache on the destination sees
    /// the change; copying the source's count could set it back.
    static let countersNotCopied: Set<String> = ["search_version"]

    /// Copies the catalog at `source` to `destination`: one of them SQLite, the other PostgreSQL.
    /// `progress` is told each table and its rows when it is copied.
    ///
    /// - Throws: `PostgresCatalogError`: `.badAddress` unless one side is PostgreSQL and the other
    ///   SQLite, `.destinationNotEmpty`, `.schemaMismatch`, `.countMismatch`, or a failure of either side.
    @discardableResult
    @available(*, noasync, message: "blocks the calling thread: call it from a thread of your own, not from async code")
    public static func copy(
        from source: CatalogLocation, to destination: CatalogLocation, replace: Bool = false,
        progress: (CatalogCopyReport.Table) -> Void = { _ in }
    ) throws(PostgresCatalogError) -> CatalogCopyReport {
        switch (source, destination) {
        case (.sqlite(let file), .postgres(let address)):
            let sqlite = try openSQLite(file, mustExist: true)
            let postgres = try PostgresCatalogConnection(address)
            defer { postgres.close() }
            try PostgresCatalogSchema.migrate(postgres)
            return try toPostgres(from: sqlite, file: file, to: postgres, replace: replace, progress: progress)
        case (.postgres(let address), .sqlite(let file)):
            let postgres = try PostgresCatalogConnection(address)
            defer { postgres.close() }
            try PostgresCatalogSchema.migrate(postgres)
            let sqlite = try openSQLite(file, mustExist: false)
            return try fromPostgres(postgres, to: sqlite, file: file, replace: replace, progress: progress)
        default:
            throw PostgresCatalogError(
                kind: .badAddress,
                message: "một phía phải là PostgreSQL, phía kia là SQLite / one side of a copy must be a postgresql:// "
                    + "address and the other a catalog.sqlite file or archive folder (to copy SQLite to SQLite, copy the "
                    + "file while no sohoa runs; PostgreSQL to PostgreSQL, use pg_dump)")
        }
    }

    /// Opens the SQLite catalog at `file` as any command does (creating it unless `mustExist`, bringing
    /// its schema up to date), then a queue of its own for reading and writing rows as they are.
    static func openSQLite(_ file: URL, mustExist: Bool) throws(PostgresCatalogError) -> DatabaseQueue {
        if mustExist && !FileManager.default.fileExists(atPath: file.path) {
            throw PostgresCatalogError(
                kind: .badAddress,
                message: "không có danh mục tại \(file.path) / there is no catalog at \(file.path); give a catalog.sqlite "
                    + "file or an archive folder")
        }
        do {
            // Opened and closed again: the catalog's own pool is only needed for its migrations.
            _ = try Catalog(url: file)
        } catch {
            let kind: PostgresCatalogError.Kind =
                switch error.kind {
                case .notACatalog: .notACatalog
                case .newerThanThisSohoa: .newerThanThisSohoa
                default: .failed
                }
            throw PostgresCatalogError(kind: kind, message: error.message)
        }
        do {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.busyMode = .timeout(10)
            return try DatabaseQueue(path: file.path, configuration: configuration)
        } catch {
            throw sqliteError(error, file: file)
        }
    }

    /// A failure of the SQLite side, in plain words.
    static func sqliteError(_ error: any Error, file: URL) -> PostgresCatalogError {
        PostgresCatalogError(
            kind: .failed,
            message: "danh mục SQLite \(file.path) báo lỗi / the SQLite catalog at \(file.path) failed: \(error)")
    }

    /// Checks that both sides have the same schema changes and tables, so that every table can go over.
    static func checkSchemas(sqlite: DatabaseQueue, file: URL, postgres: PostgresCatalogConnection) throws(PostgresCatalogError) {
        let sqliteMigrations: Set<String>
        let sqliteTables: Set<String>
        do {
            (sqliteMigrations, sqliteTables) = try sqlite.read { db in
                (
                    Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")),
                    Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'").filter(isCopied(sqliteTable:)))
                )
            }
        } catch {
            throw sqliteError(error, file: file)
        }
        let shared = Set(PostgresCatalogSchema.sharedMigrations.map(\.name))
        if sqliteMigrations != shared {
            let missing = sqliteMigrations.subtracting(shared).sorted()
            throw PostgresCatalogError(
                kind: .schemaMismatch,
                message: "lược đồ SQLite và PostgreSQL khác nhau / the SQLite catalog at \(file.path) has schema changes that "
                    + "this sohoa's PostgreSQL schema "
                    + (missing.isEmpty
                        ? "has and SQLite lacks (\(shared.subtracting(sqliteMigrations).sorted().joined(separator: ", ")))"
                        : "lacks (\(missing.joined(separator: ", ")))")
                    + "; both sides need the same sohoa version")
        }
        let unknown = sqliteTables.subtracting(tables)
        if !unknown.isEmpty {
            throw PostgresCatalogError(
                kind: .schemaMismatch,
                message: "bảng chưa biết cách chép / this sohoa does not know how to copy table(s) "
                    + unknown.sorted().joined(separator: ", ") + " of \(file.path)")
        }
    }

    /// The columns of `table` on PostgreSQL that hold data (not generated), in table order, checked
    /// against SQLite's columns of the same table.
    static func columns(
        of table: String, postgres: PostgresCatalogConnection, sqlite: DatabaseQueue, file: URL
    ) throws(PostgresCatalogError) -> [CatalogTableColumn] {
        let rows = try postgres.query(
            """
            SELECT a.attname::text, format_type(a.atttypid, a.atttypmod) FROM pg_attribute AS a
            WHERE a.attrelid = to_regclass(\(table)) AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated::text = ''
            ORDER BY a.attnum
            """)
        var columns: [CatalogTableColumn] = []
        for row in rows {
            guard let (name, type) = try? row.decode((String, String).self) else { continue }
            columns.append(CatalogTableColumn(name: name, type: type))
        }
        let sqliteColumns: [String]
        do {
            sqliteColumns = try sqlite.read { db in try db.columns(in: table).map { $0.name.lowercased() } }
        } catch {
            throw sqliteError(error, file: file)
        }
        if Set(sqliteColumns) != Set(columns.map(\.name)) {
            throw PostgresCatalogError(
                kind: .schemaMismatch,
                message: "cột của bảng \(table) khác nhau / table \(table) has columns " + sqliteColumns.sorted().joined(separator: ", ")
                    + " in SQLite but " + columns.map(\.name).sorted().joined(separator: ", ") + " on PostgreSQL")
        }
        return columns
    }

    /// The destination's tables that hold rows.
    static func nonEmptyTables(postgres: PostgresCatalogConnection) throws(PostgresCatalogError) -> [String] {
        var found: [String] = []
        for table in tables + ["work_queue"] {
            let rows = try postgres.query(PostgresQuery(unsafeSQL: "SELECT EXISTS (SELECT 1 FROM \(table))"))
            if let row = rows.first, (try? row.decode(Bool.self)) == true { found.append(table) }
        }
        return found
    }

    /// The refusal to copy over a destination that holds rows.
    static func notEmpty(_ destination: String, tables: [String]) -> PostgresCatalogError {
        PostgresCatalogError(
            kind: .destinationNotEmpty,
            message: "danh mục đích \(destination) đã có dữ liệu / the destination catalog \(destination) already holds rows "
                + "(in " + tables.prefix(5).joined(separator: ", ") + "); give an empty one, or add --replace to delete them first")
    }

    /// The check that both sides hold as many rows of `table`.
    static func checkCount(
        _ table: String, sqlite: DatabaseQueue, file: URL, postgres: PostgresCatalogConnection
    ) throws(PostgresCatalogError) -> CatalogCopyReport.Table {
        let sqliteCount: Int
        do {
            sqliteCount = try sqlite.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
        } catch {
            throw sqliteError(error, file: file)
        }
        let rows = try postgres.query(PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(table)"))
        let postgresCount = rows.first.flatMap { try? $0.decode(Int64.self) }.map(Int.init) ?? -1
        guard sqliteCount == postgresCount else {
            throw PostgresCatalogError(
                kind: .countMismatch,
                message: "số dòng của bảng \(table) không khớp / table \(table) has \(sqliteCount) rows in SQLite but "
                    + "\(postgresCount) on PostgreSQL after the copy; run the copy again with --replace")
        }
        return CatalogCopyReport.Table(name: table, rows: sqliteCount)
    }
}
