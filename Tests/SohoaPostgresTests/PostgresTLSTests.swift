import Foundation
import XCTest

@testable import SohoaPostgres

/// Against a real server that serves TLS with a certificate no authority signed (as Debian's own
/// `ssl-cert-snakeoil` is; `scripts/postgres-test-server.sh start --tls`, which `scripts/test.sh` starts
/// and names in `SOHOA_TEST_POSTGRES_TLS_URL`): each `sslmode` as libpq's. The server without TLS is
/// `PostgresConnectionTests.testRequiringTLSFromAServerWithoutItIsATLSFailure`.
final class PostgresTLSTests: XCTestCase {
    static let variable = "SOHOA_TEST_POSTGRES_TLS_URL"

    func testTheSSLModesAgainstAServerWithASelfSignedCertificate() throws {
        guard let url = ProcessInfo.processInfo.environment[Self.variable], !url.isEmpty else {
            throw XCTSkip(
                "no PostgreSQL serving TLS for this test: run scripts/test.sh, or start one with "
                    + "`scripts/postgres-test-server.sh start --tls` and export its URL as \(Self.variable)")
        }
        let server = try PostgresCatalogAddress(url)
        for mode in [PostgresCatalogAddress.Encryption.prefer, .require] {
            var address = server
            address.encryption = mode
            let connection = try PostgresCatalogConnection(address, connectTimeout: .seconds(10))
            defer { connection.close() }
            XCTAssertEqual(try Self.isEncrypted(connection), true, "sslmode=\(mode.rawValue) encrypts")
        }
        var plain = server
        plain.encryption = .disable
        let connection = try PostgresCatalogConnection(plain, connectTimeout: .seconds(10))
        defer { connection.close() }
        XCTAssertEqual(try Self.isEncrypted(connection), false, "sslmode=disable does not")

        for mode in [PostgresCatalogAddress.Encryption.verifyCA, .verifyFull] {
            var address = server
            address.encryption = mode
            XCTAssertThrowsError(try PostgresCatalogConnection(address, connectTimeout: .seconds(10)), mode.rawValue) { error in
                guard let error = error as? PostgresCatalogError else { return XCTFail("\(error)") }
                XCTAssertEqual(error.kind, .tlsFailed, error.description)
                XCTAssertTrue(error.message.contains("sslmode=require"), "says what to do: \(error.message)")
                XCTAssertFalse(error.description.contains(address.password ?? "-"), "never shows the password")
            }
        }
    }

    /// Whether the connection's own session is encrypted, as the server sees it.
    private static func isEncrypted(_ connection: PostgresCatalogConnection) throws -> Bool? {
        try connection.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").first?.decode(Bool.self)
    }
}
