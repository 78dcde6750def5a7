import Foundation
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
