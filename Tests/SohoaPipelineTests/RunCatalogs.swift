import Foundation
import SohoaCatalog
import SohoaPostgres
import SohoaPostgresTesting
import XCTest

/// The catalog a run in a test writes (issue 16): the archive's own `catalog.sqlite`, or one on the
/// test PostgreSQL handed to the run as `RunOptions.catalog`, as `sohoa run --catalog` does.
struct RunCatalog {
    /// The catalog's engine, for assertion messages.
    enum Backend: String {
        case sqlite = "SQLite"
        case postgres = "PostgreSQL"
    }

    let backend: Backend
    /// What `RunOptions.catalog` gets: nil on SQLite (the run opens the archive's own catalog).
    let option: Catalog?

    /// The catalog the run wrote, to check.
    func catalog(archive: URL) throws -> Catalog {
        try option ?? Catalog(url: archive.appendingPathComponent(Catalog.fileName))
    }

    /// Runs `body` with the archive's own SQLite catalog, then with a new, empty catalog on the test
    /// PostgreSQL (`SOHOA_TEST_POSTGRES_URL`; skipped, saying so on standard error, without it). `body`
    /// makes its own folders: the two runs share nothing.
    static func onEachBackend(_ test: XCTestCase, _ body: (RunCatalog) throws -> Void) throws {
        try body(RunCatalog(backend: .sqlite, option: nil))
        guard let server = ProcessInfo.processInfo.environment[PostgresTestDatabase.variable], !server.isEmpty else {
            FileHandle.standardError.write(Data("\(test.name): the PostgreSQL run is skipped (no \(PostgresTestDatabase.variable))\n".utf8))
            return
        }
        let database = try PostgresTestDatabase(test)
        try body(RunCatalog(backend: .postgres, option: try PostgresCatalogBackend.catalog(database.address)))
    }
}
