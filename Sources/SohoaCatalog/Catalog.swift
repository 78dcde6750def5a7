import Foundation
import GRDB

/// The record of what the pipeline did: batches, items, pages and their stages, events, failures
/// and page texts with full-text search (DESIGN §7). SQLite in WAL mode through one GRDB
/// `DatabasePool` per file per process; safe to use from any thread.
///
/// Writes made one call at a time each run in their own transaction; use `write(_:)` to make
/// several in one.
public final class Catalog: Sendable {
    /// The catalog's file name inside an archive folder.
    public static let fileName = "catalog.sqlite"

    /// The catalog file (for a catalog on another backend, its address without a password).
    public let file: URL
    /// The SQLite catalog's connections; nil when the catalog is on another backend.
    private let sqlitePool: DatabasePool?
    /// The other backend the catalog is on (PostgreSQL), or nil for the SQLite file.
    let backend: (any CatalogBackend)?

    /// The SQLite catalog's connections, for the tests that look at the SQLite file itself. Nothing
    /// else uses it: `read`/`write` choose the backend, so a catalog on PostgreSQL never gets here.
    var pool: DatabasePool {
        guard let sqlitePool else { preconditionFailure("the catalog at \(file.absoluteString) is not a SQLite file") }
        return sqlitePool
    }
    /// Recent searches' ranked matches and the collection overview, until the catalog changes.
    let searchCache = SearchCache()

    /// Opens the catalog at `url` — the `catalog.sqlite` file, or an archive folder holding it —
    /// creating it if it does not exist, and brings its schema up to date.
    ///
    /// - Parameter busyTimeout: how long to wait for another process's write lock before failing.
    /// - Throws: `CatalogError` when the file is not a sohoa catalog, is locked, was made by a newer
    ///   sohoa, or cannot be opened.
    public init(url: URL, busyTimeout: TimeInterval = 10) throws(CatalogError) {
        var isDirectory: ObjCBool = false
        let file =
            FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
            ? url.appendingPathComponent(Self.fileName) : url
        self.file = file.standardizedFileURL
        backend = nil

        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "sohoa.catalog"
        // No memory map: each connection of the pool mapped the file on its own, and every page a
        // search touched counted once per connection in the process's memory (five readers on a
        // 340 MB catalog: 1.4 GB). Reads go through the OS page cache and each connection's own
        // 16 MB cache instead, for about 4% more CPU in searches (`scripts/load-test.sh`, README "Load").
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA mmap_size = 0")
            try db.execute(sql: "PRAGMA cache_size = -16384")
            try SearchRanking.register(db)
        }
        let path = self.file.path
        do {
            let pool = try CatalogPools.pool(path: path) {
                try DatabasePool(path: path, configuration: configuration)
            }
            sqlitePool = pool
            let migrator = CatalogSchema.migrator
            let file = self.file
            try pool.read { db in try Self.checkIdentity(db, migrator: migrator, file: file) }
            if let notice = try pool.read({ db in try Self.longMigrationNotice(db, migrator: migrator, file: file) }) {
                FileHandle.standardError.write(Data("sohoa: \(notice)\n".utf8))
            }
            try migrator.migrate(pool)
        } catch {
            throw CatalogError(error, file: self.file)
        }
    }

    /// Opens the catalog on another backend (PostgreSQL: `PostgresCatalogBackend` in `SohoaPostgres`,
    /// which migrated it). Only the queries ported to `CatalogStatements` run on it; the others throw
    /// `CatalogError` (`.notOnThisBackend`) naming what is not yet available.
    public init(backend: any CatalogBackend) {
        self.backend = backend
        sqlitePool = nil
        self.file = backend.location
    }

    /// Whether the catalog is the SQLite file (not on another backend).
    public var isSQLite: Bool { backend == nil }

    /// Runs `body` in one write transaction: all of its writes are kept, or none if it throws.
    public func write<T>(_ body: (CatalogTransaction) throws(CatalogError) -> T) throws(CatalogError) -> T {
        let file = self.file
        guard let pool = sqlitePool else {
            guard let backend else { throw CatalogError.notOnThisBackend("write", file: file) }
            return try backend.write { statements throws(CatalogError) in
                try body(CatalogTransaction(statements: statements, file: file))
            }
        }
        do {
            return try pool.write { db in try body(CatalogTransaction(db: db, file: file)) }
        } catch {
            throw CatalogError(error, file: file)
        }
    }

    /// Runs `body` on a read-only snapshot; its writes fail.
    func read<T>(_ body: (CatalogTransaction) throws(CatalogError) -> T) throws(CatalogError) -> T {
        let file = self.file
        guard let pool = sqlitePool else {
            guard let backend else { throw CatalogError.notOnThisBackend("read", file: file) }
            return try backend.read { statements throws(CatalogError) in
                try body(CatalogTransaction(statements: statements, file: file))
            }
        }
        do {
            return try pool.read { db in try body(CatalogTransaction(db: db, file: file)) }
        } catch {
            throw CatalogError(error, file: file)
        }
    }

    /// What a person waiting should be told when opening the catalog brings a migration that takes
    /// long on a large catalog (the search index rebuilt: about a minute per 100,000 pages by
    /// `v-search-fast`, two more by `v-search-marks`); nil when none is pending or the catalog is small.
    static func longMigrationNotice(_ db: Database, migrator: DatabaseMigrator, file: URL, from pages: Int = 20_000) throws -> String? {
        guard try db.tableExists("page_texts") else { return nil }
        let applied = try migrator.appliedIdentifiers(db)
        let minutesPer100k = (applied.contains("v-search-fast") ? 0 : 1) + (applied.contains("v-search-marks") ? 0 : 2)
        guard minutesPer100k > 0 else { return nil }
        let threshold = pages
        let pages = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM page_texts") ?? 0
        guard pages >= threshold else { return nil }
        let minutes = max(1, Int((Double(pages * minutesPer100k) / 100_000).rounded(.up)))
        return "cập nhật chỉ mục tìm kiếm của \(file.path) cho phiên bản này (\(pages) trang, khoảng \(minutes) phút, chỉ một lần) / "
            + "rebuilding the search index of \(file.path) for this version (\(pages) pages, about \(minutes) min, once)…"
    }

    /// Refuses files that are not sohoa catalogs, and catalogs migrated by a newer sohoa.
    private static func checkIdentity(_ db: Database, migrator: DatabaseMigrator, file: URL) throws {
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        if applicationID != CatalogSchema.applicationID {
            if applicationID != 0 {
                throw CatalogError(
                    kind: .notACatalog, file: file,
                    message: "the catalog at \(file.path) is not a sohoa catalog (its SQLite application id is "
                        + "\(applicationID)); point --archive or --catalog at a sohoa archive, or move the file away")
            }
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'")
            if !tables.isEmpty {
                throw CatalogError(
                    kind: .notACatalog, file: file,
                    message: "the catalog at \(file.path) is not a sohoa catalog (it holds tables "
                        + tables.prefix(5).joined(separator: ", ")
                        + "); point --archive or --catalog at a sohoa archive, or move the file away")
            }
            return
        }
        if try migrator.hasBeenSuperseded(db) {
            let unknown = try migrator.appliedIdentifiers(db).subtracting(try migrator.completedMigrations(db))
            throw CatalogError(
                kind: .newerThanThisSohoa, file: file,
                message: "the catalog at \(file.path) is newer than this sohoa (it has schema changes "
                    + unknown.sorted().joined(separator: ", ") + " that this version does not know); "
                    + "install a newer sohoa to use it")
        }
    }
}
