import Foundation
import NIOSSL
import SohoaCatalog
import XCTest

@testable import SohoaPostgres

/// `--catalog` / `SOHOA_CATALOG`: which catalog a command uses, and plain errors for bad addresses.
final class CatalogLocationTests: XCTestCase {
    func testParsesAPostgresAddressLikeLibpq() throws {
        let address = try PostgresCatalogAddress("postgresql://sohoa:b%C3%AD%20m%E1%BA%ADt%40@db.lai-chau.vn:6543/catalog?sslmode=require")
        XCTAssertEqual(address.host, "db.lai-chau.vn")
        XCTAssertEqual(address.port, 6543)
        XCTAssertEqual(address.user, "sohoa")
        XCTAssertEqual(address.password, "bí mật@", "percent escapes decoded, as libpq does")
        XCTAssertEqual(address.database, "catalog")
        XCTAssertEqual(address.encryption, .require)
        XCTAssertEqual(address.description, "postgresql://sohoa@db.lai-chau.vn:6543/catalog", "no password in messages")

        let local = try PostgresCatalogAddress("postgres://sohoa@/catalog?host=/run/postgresql")
        XCTAssertEqual(local.unixSocketPath, "/run/postgresql")
        XCTAssertEqual(local.port, 5432)
        XCTAssertNil(local.password)
        XCTAssertEqual(local.encryption, .prefer)
    }

    func testRefusesBadAddressesInPlainWords() {
        let cases: [(String, String)] = [
            ("postgresql://sohoa@db.example", "database name"),
            ("postgresql://db.example/catalog", "user name"),
            ("postgresql://sohoa@db.example:99999/catalog", "out of range"),
            ("postgresql://sohoa@db.example/catalog?sslmode=bogus", "sslmode=bogus"),
            ("mysql://sohoa@db.example/catalog", "neither a postgresql://"),
            ("postgresql://sohoa@db.example/catalog?port=abc", "?port=abc is not a number"),
            ("postgresql://sohoa@db.example/catalog?sslmod=require", "?sslmod= is not known"),
            ("postgresql://sohoa@db.example/catalog?sslmode=require&application_name=x", "?application_name= is not known"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try CatalogLocation.parse(text), text) { error in
                guard let error = error as? PostgresCatalogError else { return XCTFail("\(error)") }
                XCTAssertEqual(error.kind, .badAddress, text)
                XCTAssertTrue(error.message.contains(expected), "\(text): \(error.message)")
                XCTAssertTrue(
                    error.message.hasPrefix("địa chỉ") || error.message.hasPrefix("không hiểu"), "Vietnamese first: \(error.message)")
            }
        }
    }

    func testAPortParameterIsUsedWhenTheURLHasNone() throws {
        XCTAssertEqual(try PostgresCatalogAddress("postgresql://sohoa@/catalog?host=/run/postgresql&port=5433").port, 5433)
        XCTAssertEqual(try PostgresCatalogAddress("postgresql://sohoa@db:6543/catalog?port=5433").port, 6543, "the URL's port first")
    }

    /// libpq's modes: `prefer` and `require` only encrypt (a self-signed certificate, as Debian's
    /// PostgreSQL makes, is accepted), `verify-ca` checks the chain, `verify-full` the chain and the host.
    func testTLSModesCheckTheCertificateAsLibpqDoes() throws {
        let expected: [(String, PostgresCatalogAddress.Encryption, CertificateVerification?)] = [
            ("disable", .disable, nil), ("allow", .prefer, CertificateVerification.none),
            ("prefer", .prefer, CertificateVerification.none), ("require", .require, CertificateVerification.none),
            ("verify-ca", .verifyCA, .noHostnameVerification), ("verify-full", .verifyFull, .fullVerification),
        ]
        for (mode, encryption, verification) in expected {
            let address = try PostgresCatalogAddress("postgresql://sohoa@db.example/catalog?sslmode=\(mode)")
            XCTAssertEqual(address.encryption, encryption, mode)
            XCTAssertEqual(PostgresCatalogConnection.tlsConfiguration(for: address.encryption)?.certificateVerification, verification, mode)
        }
        XCTAssertEqual(try PostgresCatalogAddress("postgresql://sohoa@db.example/catalog").encryption, .prefer, "libpq's default")
    }

    func testATLSFailureIsSaidAsSuch() throws {
        let address = try PostgresCatalogAddress("postgresql://sohoa@db.example/catalog?sslmode=verify-full")
        let error = PostgresCatalogConnection.connectionError(NIOSSLError.unableToValidateCertificate, address: address)
        XCTAssertEqual(error.kind, .tlsFailed, error.description)
        XCTAssertTrue(error.message.hasPrefix("không thiết lập được kết nối mã hoá (TLS)"), error.message)
        XCTAssertTrue(error.message.contains("sslmode=require"), "says what to do: \(error.message)")
    }

    func testANewSQLiteFileMustEndInSqlite() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sohoa-location-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("new-archive")
        XCTAssertThrowsError(try CatalogLocation.parse(missing.path)) { error in
            guard let error = error as? PostgresCatalogError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.kind, .badAddress)
            XCTAssertTrue(error.message.hasPrefix("không có tệp hay thư mục \(missing.path)"), error.message)
            XCTAssertTrue(error.message.contains("must end in .sqlite"), error.message)
        }
        let new = folder.appendingPathComponent("new.sqlite")
        XCTAssertEqual(try CatalogLocation.parse(new.path), .sqlite(new.standardizedFileURL))
        let existing = folder.appendingPathComponent("old-catalog.db")
        XCTAssertTrue(FileManager.default.createFile(atPath: existing.path, contents: Data()))
        XCTAssertEqual(
            try CatalogLocation.parse(existing.path), .sqlite(existing.standardizedFileURL), "an existing file is taken as it is")
    }

    func testOptionThenEnvironmentThenTheArchivesOwnFile() throws {
        let archive = URL(fileURLWithPath: "/tmp/sohoa-archive")
        let environment = [CatalogLocation.environmentVariable: "postgresql://sohoa@db/catalog"]
        XCTAssertEqual(
            try CatalogLocation.resolve(option: nil, environment: [:], archive: archive),
            .sqlite(archive.appendingPathComponent(Catalog.fileName)))
        XCTAssertEqual(
            try CatalogLocation.resolve(option: nil, environment: environment, archive: archive).description,
            "postgresql://sohoa@db:5432/catalog")
        XCTAssertEqual(
            try CatalogLocation.resolve(option: "/data/other.sqlite", environment: environment, archive: archive),
            .sqlite(URL(fileURLWithPath: "/data/other.sqlite")))
    }

    func testAnArchiveFolderMeansItsCatalogFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sohoa-location-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertEqual(try CatalogLocation.parse(folder.path), .sqlite(folder.standardizedFileURL.appendingPathComponent(Catalog.fileName)))
    }
}
