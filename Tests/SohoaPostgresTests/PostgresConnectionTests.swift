import Foundation
import SohoaPostgresTesting
import XCTest

@testable import SohoaPostgres

/// Connecting to a real PostgreSQL: the failures a librarian meets, each in plain words.
final class PostgresConnectionTests: XCTestCase {
    func testWrongPasswordIsAnAuthenticationFailure() throws {
        let database = try PostgresTestDatabase(self)
        var address = database.address
        address.password = "not-the-password"
        XCTAssertThrowsError(try PostgresCatalogConnection(address)) { error in
            guard let error = error as? PostgresCatalogError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.kind, .authenticationFailed, error.description)
            XCTAssertTrue(error.message.contains("từ chối tên người dùng hoặc mật khẩu"), error.message)
            XCTAssertFalse(error.description.contains("not-the-password"), "never show the password")
        }
    }

    func testAMissingDatabaseIsNamed() throws {
        let database = try PostgresTestDatabase(self)
        var address = database.address
        address.database = "no_such_catalog"
        XCTAssertThrowsError(try PostgresCatalogConnection(address)) { error in
            XCTAssertEqual((error as? PostgresCatalogError)?.kind, .noSuchDatabase, "\(error)")
        }
    }

    func testNoServerIsUnreachable() throws {
        let database = try PostgresTestDatabase(self)
        var address = database.address
        address.port = 1  // nothing listens there: refused at once
        XCTAssertThrowsError(try PostgresCatalogConnection(address, connectTimeout: .seconds(3))) { error in
            guard let error = error as? PostgresCatalogError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.kind, .unreachable, error.description)
            XCTAssertTrue(error.message.hasPrefix("không kết nối được máy chủ PostgreSQL"), error.message)
        }
    }

    /// The test server has no TLS: `require` says so in plain words; `prefer`, the default, connects
    /// without it, as libpq does.
    func testRequiringTLSFromAServerWithoutItIsATLSFailure() throws {
        let database = try PostgresTestDatabase(self)
        var address = database.address
        address.encryption = .require
        XCTAssertThrowsError(try PostgresCatalogConnection(address, connectTimeout: .seconds(3))) { error in
            guard let error = error as? PostgresCatalogError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.kind, .tlsFailed, error.description)
            XCTAssertTrue(error.message.contains("không hỗ trợ kết nối mã hoá (TLS)"), error.message)
            XCTAssertTrue(error.message.contains("sslmode=require"), error.message)
        }
        address.encryption = .prefer
        let connection = try PostgresCatalogConnection(address, connectTimeout: .seconds(3))
        connection.close()
    }

    /// A statement that gets no answer (as after a silent network cut) ends at the connection's
    /// statement timeout instead of blocking its thread; the connection is closed, so the next
    /// statement is refused at once and the caller connects again.
    func testAStatementWithoutAnAnswerEndsAtTheTimeout() throws {
        let database = try PostgresTestDatabase(self)
        let connection = try PostgresCatalogConnection(database.address, statementTimeout: .seconds(1))
        defer { connection.close() }
        XCTAssertThrowsError(try connection.query("SELECT pg_sleep(20)")) { error in
            guard let error = error as? PostgresCatalogError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.kind, .unreachable, error.description)
            XCTAssertTrue(error.message.contains("không trả lời"), error.message)
        }
        XCTAssertThrowsError(try connection.query("SELECT 1")) { error in
            XCTAssertEqual((error as? PostgresCatalogError)?.kind, .unreachable, "\(error)")
        }
        let fresh = try PostgresCatalogConnection(database.address, statementTimeout: .seconds(1))
        defer { fresh.close() }
        XCTAssertEqual(try fresh.query("SELECT 1").first?.decode(Int.self), 1)
    }

    func testAFailedTransactionKeepsNothing() throws {
        let database = try PostgresTestDatabase(self)
        let connection = try database.connect()
        defer { connection.close() }
        try connection.query("CREATE TABLE notes (id BIGINT PRIMARY KEY)")
        XCTAssertThrowsError(
            try connection.transaction { tx throws(PostgresCatalogError) in
                try tx.query("INSERT INTO notes VALUES (1)")
                try tx.query("INSERT INTO notes VALUES (1)")
            }
        ) { error in
            XCTAssertEqual((error as? PostgresCatalogError)?.kind, .constraintViolated, "\(error)")
            XCTAssertEqual((error as? PostgresCatalogError)?.sqlState, "23505")
        }
        let rows = try connection.query("SELECT count(*) FROM notes")
        XCTAssertEqual(try rows.first?.decode(Int64.self), 0)
    }
}
