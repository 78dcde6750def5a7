import Foundation
import SohoaPostgres
import SohoaPostgresTesting
import SohoaTesting
import XCTest

@testable import SohoaCatalog

/// The catalog's two backends, for tests of the queries ported to `CatalogStatements` (issue 16):
/// the fixture is written once on SQLite (the writes are not all ported yet), then `check` runs on it
/// and on a copy on the test PostgreSQL (`sohoa catalog copy`'s `CatalogCopy`, a fresh database per
/// test), so one test proves both backends give the same answers.
enum CatalogBackend: String, CaseIterable {
    case sqlite = "SQLite"
    case postgres = "PostgreSQL"
}

extension TestCatalog {
    /// Runs `check` on this SQLite catalog, then on a copy of it on the test PostgreSQL
    /// (`SOHOA_TEST_POSTGRES_URL`, which `scripts/test.sh` sets). Without that server the PostgreSQL
    /// run is skipped, saying so on standard error; the SQLite run still counts. Assertions inside
    /// `check` should name `backend` in their messages. `icuLocale` makes the PostgreSQL database with
    /// that ICU locale's collation (`PostgresTestDatabase`).
    func onEachBackend(
        _ test: XCTestCase, icuLocale: String? = nil, _ check: (_ catalog: Catalog, _ backend: CatalogBackend) throws -> Void
    ) throws {
        try check(catalog, .sqlite)
        guard let server = ProcessInfo.processInfo.environment[PostgresTestDatabase.variable], !server.isEmpty else {
            FileHandle.standardError.write(
                Data(
                    ("\(test.name): the PostgreSQL run is skipped (no \(PostgresTestDatabase.variable)): run scripts/test.sh, or "
                        + "start one with `eval \"$(scripts/postgres-test-server.sh start)\"; export \(PostgresTestDatabase.variable)`\n")
                        .utf8))
            return
        }
        let database = try PostgresTestDatabase(test, icuLocale: icuLocale)
        try CatalogCopy.copy(from: .sqlite(catalog.file), to: .postgres(database.address))
        let onPostgres = try PostgresCatalogBackend.catalog(database.address)
        try check(onPostgres, .postgres)
    }

    /// Runs `body` on a new, empty SQLite catalog, then on a new, empty catalog on the test PostgreSQL
    /// (skipped, saying so, without `SOHOA_TEST_POSTGRES_URL`): for tests of the ported writes.
    static func onEachEmptyBackend(_ test: XCTestCase, _ body: (_ catalog: Catalog, _ backend: CatalogBackend) throws -> Void) throws {
        try onEachEmptyBackendOpenedTwice(test) { catalog, _, backend in try body(catalog, backend) }
    }

    /// `onEachEmptyBackend`, with `another` opening the same catalog again as another process would:
    /// on SQLite another `Catalog` value on the file, on PostgreSQL another `Catalog` on the database
    /// with connections of its own.
    static func onEachEmptyBackendOpenedTwice(
        _ test: XCTestCase,
        _ body: (_ catalog: Catalog, _ another: @escaping () throws -> Catalog, _ backend: CatalogBackend) throws -> Void
    ) throws {
        let sqlite = try TestCatalog(test).catalog
        try body(sqlite, { try Catalog(url: sqlite.file) }, .sqlite)
        guard let server = ProcessInfo.processInfo.environment[PostgresTestDatabase.variable], !server.isEmpty else {
            FileHandle.standardError.write(Data("\(test.name): the PostgreSQL run is skipped (no \(PostgresTestDatabase.variable))\n".utf8))
            return
        }
        let database = try PostgresTestDatabase(test)
        try body(try PostgresCatalogBackend.catalog(database.address), { try PostgresCatalogBackend.catalog(database.address) }, .postgres)
    }
}

extension TestCatalog {
    /// `catalog` (on either backend) with this struct's helpers (`addItem`, `addPage`, `addText`).
    init(catalog: Catalog, folder: URL) {
        self.folder = folder
        self.catalog = catalog
    }

    /// `onEachEmptyBackend` giving a `TestCatalog`, for tests written with its helpers: a new, empty
    /// SQLite catalog, then a new, empty catalog on the test PostgreSQL (skipped, saying so, without
    /// `SOHOA_TEST_POSTGRES_URL`).
    static func onEachEmptyTestBackend(_ test: XCTestCase, _ body: (_ test: TestCatalog, _ backend: CatalogBackend) throws -> Void) throws {
        try onEachEmptyTestBackendOpenedTwice(test) { catalog, _, backend in try body(catalog, backend) }
    }

    /// `onEachEmptyTestBackend`, with `another` opening the same catalog again as another process would
    /// (see `onEachEmptyBackendOpenedTwice`).
    static func onEachEmptyTestBackendOpenedTwice(
        _ test: XCTestCase,
        _ body: (_ test: TestCatalog, _ another: @escaping () throws -> Catalog, _ backend: CatalogBackend) throws -> Void
    ) throws {
        try onEachEmptyBackendOpenedTwice(test) { catalog, another, backend in
            try body(
                TestCatalog(catalog: catalog, folder: try temporaryFolder("sohoa-catalog-tests", removedAfter: test)), another, backend)
        }
    }
}
