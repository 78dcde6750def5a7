import Foundation
import PostgresNIO
import SohoaPostgres
import XCTest

/// A fresh, empty database on the test PostgreSQL server (`SOHOA_TEST_POSTGRES_URL`, which
/// `scripts/test.sh` sets after starting one with `scripts/postgres-test-server.sh`), dropped when the
/// test ends. Tests skip with a clear message when no server is named. Shared by the test targets
/// that run on PostgreSQL (`SohoaPostgresTests`, and `SohoaCatalogTests` on both backends).
public struct PostgresTestDatabase: Sendable {
    /// The environment variable naming the test server.
    public static let variable = "SOHOA_TEST_POSTGRES_URL"

    /// The test server's own database, where test databases are made.
    public let server: PostgresCatalogAddress
    /// The new database.
    public let address: PostgresCatalogAddress

    /// The URL of the new database, password included, as a user would write it.
    public var url: String {
        "postgresql://\(address.user):\(address.password ?? "")@\(address.host ?? "127.0.0.1"):\(address.port)/\(address.database)"
    }

    /// Makes a database for `test`, dropped by a teardown block. With `icuLocale` (e.g. `en-US`) the
    /// database's default collation is that ICU locale's, which orders text otherwise than bytes
    /// (`a` before `B`), as a database made with a cluster's Debian default locale would.
    public init(_ test: XCTestCase, icuLocale: String? = nil) throws {
        guard let url = ProcessInfo.processInfo.environment[Self.variable], !url.isEmpty else {
            throw XCTSkip(
                "no PostgreSQL for this test: run scripts/test.sh, or start one with "
                    + "`eval \"$(scripts/postgres-test-server.sh start)\"; export \(Self.variable)`")
        }
        server = try PostgresCatalogAddress(url)
        var address = server
        address.database = "sohoa_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        self.address = address
        let admin = try PostgresCatalogConnection(server)
        defer { admin.close() }
        let collation = icuLocale.map { " LOCALE_PROVIDER icu ICU_LOCALE '\($0)' TEMPLATE template0" } ?? ""
        try admin.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(address.database)\(collation)"))
        let server = self.server
        let name = address.database
        test.addTeardownBlock {
            guard let admin = try? PostgresCatalogConnection(server) else { return }
            defer { admin.close() }
            _ = try? admin.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"))
        }
    }

    /// A new connection to the database.
    public func connect() throws -> PostgresCatalogConnection {
        try PostgresCatalogConnection(address)
    }

    /// A new connection to the database, its catalog schema migrated.
    public func migrated() throws -> PostgresCatalogConnection {
        let connection = try connect()
        try PostgresCatalogSchema.migrate(connection)
        return connection
    }
}
