import Foundation
import XCTest

@testable import SohoaArchive

final class OCFLStorageRootTests: XCTestCase {
    func testCreatesTheRootFiles() throws {
        let folder = try TemporaryFolder()
        let root = try OCFLStorageRoot.openOrCreate(at: folder.url.appendingPathComponent("archive"))
        let declaration = try String(contentsOf: root.url.appendingPathComponent("0=ocfl_1.1"), encoding: .utf8)
        XCTAssertEqual(declaration, "ocfl_1.1\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.url.appendingPathComponent("ocfl_1.1.md").path))

        let layout = try JSONSerialization.jsonObject(
            with: Data(contentsOf: root.url.appendingPathComponent("ocfl_layout.json"))) as? [String: Any]
        XCTAssertEqual(layout?["extension"] as? String, "0004-hashed-n-tuple-storage-layout")
        XCTAssertNotNil(layout?["description"] as? String)

        let config = try JSONSerialization.jsonObject(
            with: Data(contentsOf: root.url.appendingPathComponent(
                "extensions/0004-hashed-n-tuple-storage-layout/config.json"))) as? [String: Any]
        XCTAssertEqual(config?["extensionName"] as? String, "0004-hashed-n-tuple-storage-layout")
        XCTAssertEqual(config?["digestAlgorithm"] as? String, "sha256")
        XCTAssertEqual(config?["tupleSize"] as? Int, 3)
        XCTAssertEqual(config?["numberOfTuples"] as? Int, 3)
        XCTAssertEqual(config?["shortObjectRoot"] as? Bool, false)
    }

    func testObjectPathIsTheHashedNTupleOfTheID() throws {
        let folder = try TemporaryFolder()
        let root = try OCFLStorageRoot.openOrCreate(at: folder.url)
        // Digests computed independently: python3 -c 'import hashlib; print(hashlib.sha256(ID.encode()).hexdigest())'
        let expected = [
            Fixtures.kieuID: "0ea3a689394a3147358b502fe5c8d600d32334b02aba8d12399456299ebad79b",
            Fixtures.daiNamID: "e4ce04487709fe29e503a98eb3fe9353175fadf0ac2c728fee2fd92315f1b08f",
        ]
        for (id, digest) in expected {
            let chars = Array(digest)
            let tuples = (0..<3).map { String(chars[($0 * 3)..<($0 * 3 + 3)]) }
            XCTAssertEqual(root.objectPath(for: id), (tuples + [digest]).joined(separator: "/"))
        }
        if let sha256sum = ["/usr/bin/sha256sum", "/bin/sha256sum"].first(where: FileManager.default.isExecutableFile) {
            let input = try folder.file("id.txt", Fixtures.daiNamID)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: sha256sum)
            process.arguments = [input.path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(root.objectPath(for: Fixtures.daiNamID).split(separator: "/").last.map(String.init),
                output.split(separator: " ").first.map(String.init))
        }
    }

    func testReopensAnExistingRoot() throws {
        let folder = try TemporaryFolder()
        _ = try OCFLStorageRoot.openOrCreate(at: folder.url)
        let reopened = try OCFLStorageRoot.openOrCreate(at: folder.url)
        XCTAssertEqual(try reopened.objectIDs(), [])
    }

    func testRefusesAFolderThatIsNotARoot() throws {
        let folder = try TemporaryFolder()
        _ = try folder.file("ảnh quét/001.tif", "x")
        XCTAssertThrowsError(try OCFLStorageRoot.openOrCreate(at: folder.url)) { error in
            guard case .notAStorageRoot(let path, let entries)? = error as? OCFLError else {
                return XCTFail("unexpected error \(error)")
            }
            XCTAssertEqual(path, folder.url.standardizedFileURL.path)
            XCTAssertEqual(entries, ["ảnh quét"])
            XCTAssertTrue("\(error)".contains("not an OCFL storage root"))
        }
    }

    func testRefusesADamagedDeclaration() throws {
        let folder = try TemporaryFolder()
        _ = try OCFLStorageRoot.openOrCreate(at: folder.url)
        try Data("ocfl_1.0\n".utf8).write(to: folder.url.appendingPathComponent("0=ocfl_1.1"))
        XCTAssertThrowsError(try OCFLStorageRoot.openOrCreate(at: folder.url)) { error in
            guard case .unsupportedStorageRoot? = error as? OCFLError else { return XCTFail("unexpected error \(error)") }
        }
    }

    func testAcceptsACatalogCreatedBeforeTheRoot() throws {
        let folder = try TemporaryFolder()
        _ = try folder.file("catalog.sqlite", "SQLite format 3\u{0}")
        let root = try OCFLStorageRoot.openOrCreate(at: folder.url)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.url.appendingPathComponent("0=ocfl_1.1").path))
    }

    func testRefusesBadLogicalPaths() throws {
        let folder = try TemporaryFolder()
        let root = try OCFLStorageRoot.openOrCreate(at: folder.url)
        for bad in ["/abs.txt", "a//b.txt", "../x.txt", "a/./b", "dir/"] {
            XCTAssertThrowsError(try root.writeVersion(
                objectID: Fixtures.kieuID, files: [LogicalFile(logicalPath: bad, source: .data(Data()))],
                message: "m", user: Fixtures.user), bad)
        }
        let nfd = "quyê\u{0300}n.txt"
        XCTAssertThrowsError(try root.writeVersion(
            objectID: Fixtures.kieuID,
            files: [LogicalFile(logicalPath: nfd, source: .data(Data())), LogicalFile(logicalPath: "quyền.txt", source: .data(Data()))],
            message: "m", user: Fixtures.user)) { error in
            guard case .duplicateLogicalPath? = error as? OCFLError else { return XCTFail("unexpected error \(error)") }
        }
        XCTAssertThrowsError(try root.writeVersion(
            objectID: Fixtures.kieuID,
            files: [LogicalFile(logicalPath: "a", source: .data(Data())), LogicalFile(logicalPath: "a/b", source: .data(Data()))],
            message: "m", user: Fixtures.user))
        XCTAssertThrowsError(try root.writeVersion(
            objectID: Fixtures.kieuID,
            files: [LogicalFile(logicalPath: "x.tif", source: .file(folder.url.appendingPathComponent("missing.tif")))],
            message: "m", user: Fixtures.user)) { error in
            guard case .unreadableSource(_, "x.tif", let source, _)? = error as? OCFLError else {
                return XCTFail("unexpected error \(error)")
            }
            XCTAssertTrue(source.hasSuffix("missing.tif"))
        }
        XCTAssertEqual(try root.objectIDs(), [], "failed writes leave no object")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.stagingWorkURL.path), [])
    }
}
