import Foundation
import SohoaTesting
import XCTest

@testable import SohoaArchive

/// The fixity audit finds each kind of damage, by object and path, and nothing in a sound root.
final class FixityAuditTests: XCTestCase {
    private func objectFolder(_ root: OCFLStorageRoot, _ id: String) -> URL {
        root.url.appendingPathComponent(root.objectPath(for: id))
    }

    func testASoundRootHasNoFindingsAndEveryFileIsRead() throws {
        let folder = try TemporaryFolder()
        let root = try OCFLStorageRoot.openOrCreate(at: folder.archive)
        _ = try root.writeVersion(objectID: Fixtures.kieuID, files: try Fixtures.kieuFiles(in: folder), message: "v1", user: Fixtures.user)
        _ = try root.writeVersion(objectID: Fixtures.daiNamID, files: Fixtures.daiNamFiles(), message: "v1", user: Fixtures.user)
        let report = try FixityAudit(root: root).run()
        XCTAssertEqual(report.findings, [])
        XCTAssertEqual(report.objectsChecked, [Fixtures.daiNamID, Fixtures.kieuID].sorted())
        XCTAssertEqual(report.filesChecked, 5)
        XCTAssertEqual(try FixityAudit(root: root).run(.sample(0.01)).objectsChecked.count, 1, "a sample checks at least one object")
        XCTAssertEqual(try FixityAudit(root: root).run(.objects([Fixtures.kieuID])).objectsChecked, [Fixtures.kieuID])
    }

    func testFlippedByteDeletedFileStrayFileTruncatedInventoryAndSidecarAreEachReported() throws {
        let folder = try TemporaryFolder()
        let root = try OCFLStorageRoot.openOrCreate(at: folder.archive)
        let third = "urn:sohoa:HNI:bao-1936"
        let fourth = "urn:sohoa:HNI:sac-phong"
        _ = try root.writeVersion(objectID: Fixtures.kieuID, files: try Fixtures.kieuFiles(in: folder), message: "v1", user: Fixtures.user)
        _ = try root.writeVersion(objectID: Fixtures.daiNamID, files: Fixtures.daiNamFiles(), message: "v1", user: Fixtures.user)
        _ = try root.writeVersion(objectID: third, files: Fixtures.daiNamFiles(), message: "v1", user: Fixtures.user)
        _ = try root.writeVersion(objectID: fourth, files: Fixtures.daiNamFiles(), message: "v1", user: Fixtures.user)

        // 1. Flip a byte of a master.
        let master = objectFolder(root, Fixtures.kieuID).appendingPathComponent("v1/content/masters/trang-01.tif")
        var bytes = try Data(contentsOf: master)
        bytes[0] ^= 0x01
        try bytes.write(to: master)
        // 2. Delete a file; 3. add a stray file.
        let daiNam = objectFolder(root, Fixtures.daiNamID)
        let deleted = "v1/content/text/quyê\u{0300}n-1.txt".precomposedStringWithCanonicalMapping
        try FileManager.default.removeItem(at: daiNam.appendingPathComponent(deleted))
        try Data("stray".utf8).write(to: daiNam.appendingPathComponent("v1/content/masters/extra.tif"))
        // 4. Truncate an inventory.
        let inventory = objectFolder(root, third).appendingPathComponent("inventory.json")
        let full = try Data(contentsOf: inventory)
        try full.prefix(full.count / 2).write(to: inventory)
        // 5. Damage a sidecar.
        try Data("0000 inventory.json\n".utf8).write(to: objectFolder(root, fourth).appendingPathComponent("inventory.json.sha512"))

        let report = try FixityAudit(root: root).run()
        func has(_ kind: FixityFinding.Kind, _ id: String, _ path: String) -> Bool {
            report.findings.contains { $0.kind == kind && $0.objectID == id && $0.path == path }
        }
        XCTAssertTrue(has(.changed, Fixtures.kieuID, "v1/content/masters/trang-01.tif"), "\(report.findings)")
        XCTAssertTrue(has(.missing, Fixtures.daiNamID, deleted), "\(report.findings)")
        XCTAssertTrue(has(.unexpected, Fixtures.daiNamID, "v1/content/masters/extra.tif"), "\(report.findings)")
        XCTAssertTrue(has(.inventoryUnreadable, third, "inventory.json"), "\(report.findings)")
        XCTAssertTrue(has(.sidecarMismatch, fourth, "inventory.json.sha512"), "\(report.findings)")
        XCTAssertEqual(report.findings.count, 5, "\(report.findings)")
        XCTAssertEqual(report.objectsChecked.count, 4)

        let missing = try FixityAudit(root: root).run(.objects(["urn:sohoa:HNI:khong-co"]))
        XCTAssertEqual(missing.findings.map(\.kind), [.objectMissing])
    }
}
