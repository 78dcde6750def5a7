import Foundation
import SohoaTesting
import XCTest

@testable import SohoaArchive

/// Storage roots written by `OCFLStorageRoot` pass the third-party OCFL validator.
final class OCFLValidationTests: XCTestCase {
    func testRootWithTwoVietnameseObjectsValidates() throws {
        let folder = try TemporaryFolder()
        let root = try OCFLStorageRoot.openOrCreate(at: folder.url.appendingPathComponent("archive"))
        let kieu = try root.writeVersion(
            objectID: Fixtures.kieuID, files: try Fixtures.kieuFiles(in: folder), message: "Nhập Truyện Kiều", user: Fixtures.user)
        let daiNam = try root.writeVersion(
            objectID: Fixtures.daiNamID, files: Fixtures.daiNamFiles(), message: "Nhập Đại Nam thực lục", user: Fixtures.user)
        XCTAssertEqual(kieu.version, "v1")
        XCTAssertEqual(daiNam.version, "v1")
        XCTAssertEqual(try root.objectIDs(), [Fixtures.kieuID, Fixtures.daiNamID].sorted())

        // Content paths are vN/content/<logical path>, in NFC.
        let nfc = root.url.appendingPathComponent(daiNam.objectPath).appendingPathComponent("v1/content/text/quyền-1.txt")
        XCTAssertTrue(FileManager.default.fileExists(atPath: nfc.path))
        XCTAssertEqual(try root.headState(objectID: Fixtures.daiNamID)?.keys.sorted(), ["masters/quyển-1.tif", "text/quyền-1.txt"])

        try SharedChecks.assertValidOCFLRoot(root.url, objects: 2)
    }

    func testRootWithACatalogFileValidates() throws {
        let folder = try TemporaryFolder()
        let root = try OCFLStorageRoot.openOrCreate(at: folder.archive)
        _ = try root.writeVersion(objectID: Fixtures.kieuID, files: try Fixtures.kieuFiles(in: folder), message: "m", user: Fixtures.user)
        _ = try root.writeVersion(objectID: Fixtures.daiNamID, files: Fixtures.daiNamFiles(), message: "m", user: Fixtures.user)
        for name in ["catalog.sqlite", "catalog.sqlite-wal", "catalog.sqlite-shm"] {
            try Data("SQLite format 3\u{0}".utf8).write(to: root.url.appendingPathComponent(name))
        }
        XCTAssertEqual(try OCFLStorageRoot.openOrCreate(at: folder.archive).objectIDs().count, 2)
        try SharedChecks.assertValidOCFLRoot(root.url, objects: 2)
    }

    func testInventoryHasTheOCFLFields() throws {
        let folder = try TemporaryFolder()
        let root = try OCFLStorageRoot.openOrCreate(at: folder.archive)
        let written = try root.writeVersion(
            objectID: Fixtures.daiNamID, files: Fixtures.daiNamFiles(), message: "Nhập <mới> & \"đủ\"", user: Fixtures.user,
            created: Date(timeIntervalSince1970: 1_700_000_000))
        let objectFolder = root.url.appendingPathComponent(written.objectPath)
        let data = try Data(contentsOf: objectFolder.appendingPathComponent("inventory.json"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(json["id"] as? String, Fixtures.daiNamID)
        XCTAssertEqual(json["type"] as? String, "https://ocfl.io/1.1/spec/#inventory")
        XCTAssertEqual(json["digestAlgorithm"] as? String, "sha512")
        XCTAssertEqual(json["head"] as? String, "v1")
        XCTAssertNil(json["contentDirectory"])
        let version = try XCTUnwrap((json["versions"] as? [String: Any])?["v1"] as? [String: Any])
        XCTAssertEqual(version["created"] as? String, "2023-11-14T22:13:20Z")
        XCTAssertEqual(version["message"] as? String, "Nhập <mới> & \"đủ\"")
        XCTAssertEqual((version["user"] as? [String: String])?["address"], "mailto:hoa@thuvien.example.vn")
        let fixity = try XCTUnwrap((json["fixity"] as? [String: Any])?["sha256"] as? [String: [String]])
        XCTAssertEqual(fixity.values.flatMap { $0 }.sorted(), ["v1/content/masters/quyển-1.tif", "v1/content/text/quyền-1.txt"])

        let sidecar = try String(contentsOf: objectFolder.appendingPathComponent("inventory.json.sha512"), encoding: .utf8)
        XCTAssertEqual(sidecar, "\(FileDigests(of: data).sha512) inventory.json\n")
        XCTAssertEqual(try Data(contentsOf: objectFolder.appendingPathComponent("v1/inventory.json")), data)
        XCTAssertEqual(
            try String(contentsOf: objectFolder.appendingPathComponent("0=ocfl_object_1.1"), encoding: .utf8), "ocfl_object_1.1\n")
    }
}
