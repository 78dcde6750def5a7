import Foundation
import SohoaTesting
import XCTest

@testable import SohoaArchive

final class OCFLStorageRootTests: XCTestCase {
    func testCreatesTheRootFiles() throws {
        let folder = try TemporaryFolder()
        let root = try OCFLStorageRoot.openOrCreate(at: folder.url.appendingPathComponent("archive"))
        let declaration = try String(contentsOf: root.url.appendingPathComponent("0=ocfl_1.1"), encoding: .utf8)
        XCTAssertEqual(declaration, "ocfl_1.1\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.url.appendingPathComponent("ocfl_1.1.md").path))

        let layout =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: root.url.appendingPathComponent("ocfl_layout.json"))) as? [String: Any]
        XCTAssertEqual(layout?["extension"] as? String, "0003-hash-and-id-n-tuple-storage-layout")
        XCTAssertEqual(
            layout?["description"] as? String,
            "Extension 0003: Hashed Truncated N-tuple Trees with Object ID Encapsulating Directory for OCFL Storage Hierarchies")

        let config =
            try JSONSerialization.jsonObject(
                with: Data(
                    contentsOf: root.url.appendingPathComponent(
                        "extensions/0003-hash-and-id-n-tuple-storage-layout/config.json"))) as? [String: Any]
        XCTAssertEqual(config?.keys.sorted(), ["digestAlgorithm", "extensionName", "numberOfTuples", "tupleSize"])
        XCTAssertEqual(config?["extensionName"] as? String, "0003-hash-and-id-n-tuple-storage-layout")
        XCTAssertEqual(config?["digestAlgorithm"] as? String, "sha256")
        XCTAssertEqual(config?["tupleSize"] as? Int, 3)
        XCTAssertEqual(config?["numberOfTuples"] as? Int, 3)

        let pointer = try String(contentsOf: root.url.appendingPathComponent("ocfl_1.1.md"), encoding: .utf8)
        XCTAssertTrue(pointer.contains("0003-hash-and-id-n-tuple-storage-layout"))
        XCTAssertFalse(pointer.contains("0004"))
    }

    func testObjectPathIsTheHashTuplesAndTheEncodedID() throws {
        let folder = try TemporaryFolder()
        let root = try OCFLStorageRoot.openOrCreate(at: folder.url)
        // Expected paths computed independently with ocfl-py 2.1.0's own implementation of the extension:
        //   ../shared/checks/.venv/bin/python3 -c 'from ocfl.layout_0003_hash_and_id_n_tuple import \
        //     Layout_0003_Hash_And_Id_N_Tuple as L; print(L().identifier_to_path(ID))'
        // (IDs in NFC, as sohoa stores them.)
        let long = "urn:sohoa:HNI:" + String(repeating: "đại-nam-thực-lục-chính-biên-", count: 3)
        let expected: [(id: String, path: String)] = [
            ("urn:sohoa:LCH:dia-chi-lai-chau", "efa/800/113/urn%3asohoa%3aLCH%3adia-chi-lai-chau"),
            ("urn:sohoa:LCH:địa-chí", "3f2/301/3da/urn%3asohoa%3aLCH%3a%c4%91%e1%bb%8ba-ch%c3%ad"),
            (Fixtures.kieuID, "0ea/3a6/893/urn%3asohoa%3aHNI%3atruyen-kieu-1866"),
            (Fixtures.daiNamID, "e4c/e04/487/urn%3asohoa%3aHNI%3a%c4%91%e1%ba%a1i-nam-th%e1%bb%b1c-l%e1%bb%a5c"),
            ("ark:/13030/xt12t3 Đ.ƒ~*", "73b/e93/e75/ark%3a%2f13030%2fxt12t3%20%c4%90%2e%c6%92%7e%2a"),
            // Encoded name of exactly 100 characters: kept whole.
            (
                "urn:sohoa:LCH:" + String(repeating: "a", count: 80),
                "6f5/dba/e5c/urn%3asohoa%3aLCH%3a" + String(repeating: "a", count: 80)
            ),
            // 101 characters: cut to 100, then "-" and the full digest.
            (
                "urn:sohoa:LCH:" + String(repeating: "a", count: 81),
                "eeb/7ac/530/urn%3asohoa%3aLCH%3a" + String(repeating: "a", count: 80)
                    + "-eeb7ac53093ae8fbc4dc096332746a681022dd5f19d117b9740790ed4292fa70"
            ),
            // 98 characters of Vietnamese id, 242 encoded: the cut falls inside a %xx, as in ocfl-py.
            (
                long,
                "ec1/a82/cf0/urn%3asohoa%3aHNI%3a%c4%91%e1%ba%a1i-nam-th%e1%bb%b1c-l%e1%bb%a5c-ch%c3%adnh-bi%c3%aan-%c4%91%e1%ba%"
                    + "-ec1a82cf09219a56363e5888403009c21fdc6e97c34799e9fba53ffb3b01f1ad"
            ),
        ]
        for (id, path) in expected {
            XCTAssertEqual(root.objectPath(for: id), path, id)
            XCTAssertLessThanOrEqual(path.split(separator: "/").last?.count ?? 0, 165)
        }
        // An NFD id is stored under its NFC form.
        XCTAssertEqual(
            root.objectPath(for: "urn:sohoa:LCH:địa-chí".decomposedStringWithCanonicalMapping),
            "3f2/301/3da/urn%3asohoa%3aLCH%3a%c4%91%e1%bb%8ba-ch%c3%ad")

        // The tuples are the SHA-256 of the UTF-8 id, cross-checked with sha256sum where it exists.
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
            let digest = try XCTUnwrap(output.split(separator: " ").first.map(String.init))
            XCTAssertEqual(
                root.objectPath(for: Fixtures.daiNamID).split(separator: "/").prefix(3).joined(),
                String(digest.prefix(9)))
        }
    }

    func testObjectsWithLongAndVietnameseIDsValidate() throws {
        let folder = try TemporaryFolder()
        let root = try OCFLStorageRoot.openOrCreate(at: folder.archive)
        let ids = [
            "urn:sohoa:LCH:địa-chí", "urn:sohoa:LCH:dia-chi-lai-chau",
            "urn:sohoa:HNI:" + String(repeating: "đại-nam-thực-lục-chính-biên-", count: 3),
        ]
        for id in ids {
            let written = try root.writeVersion(
                objectID: id, files: [LogicalFile(logicalPath: "text/trang-1.txt", source: .data(Data(id.utf8)))],
                message: "m", user: Fixtures.user)
            XCTAssertEqual(written.objectPath, root.objectPath(for: id))
            XCTAssertTrue(
                FileManager.default.fileExists(
                    atPath: root.url.appendingPathComponent(written.objectPath).appendingPathComponent("0=ocfl_object_1.1").path))
        }
        XCTAssertEqual(try OCFLStorageRoot.openOrCreate(at: folder.archive).objectIDs(), ids.sorted())
        try SharedChecks.assertValidOCFLRoot(root.url, objects: ids.count)
    }

    func testRefusesARootWithAnotherLayout() throws {
        let folder = try TemporaryFolder()
        _ = try OCFLStorageRoot.openOrCreate(at: folder.url)
        let layoutFile = folder.url.appendingPathComponent("ocfl_layout.json")
        try Data(#"{"extension": "0004-hashed-n-tuple-storage-layout", "description": "hashed"}"#.utf8).write(to: layoutFile)
        XCTAssertThrowsError(try OCFLStorageRoot.openOrCreate(at: folder.url)) { error in
            guard case .unsupportedStorageRoot? = error as? OCFLError else { return XCTFail("unexpected error \(error)") }
            let message = "\(error)"
            XCTAssertTrue(message.contains("0004-hashed-n-tuple-storage-layout"), message)
            XCTAssertTrue(message.contains("0003-hash-and-id-n-tuple-storage-layout"), message)
        }
    }

    func testRefusesALayoutConfigItCannotCompute() throws {
        let folder = try TemporaryFolder()
        _ = try OCFLStorageRoot.openOrCreate(at: folder.url)
        let config = folder.url.appendingPathComponent("extensions/0003-hash-and-id-n-tuple-storage-layout/config.json")
        for bad in [
            #"{"extensionName": "0003-hash-and-id-n-tuple-storage-layout", "digestAlgorithm": "md4"}"#,
            #"{"extensionName": "0003-hash-and-id-n-tuple-storage-layout", "tupleSize": 0, "numberOfTuples": 3}"#,
            #"{"extensionName": "0003-hash-and-id-n-tuple-storage-layout", "tupleSize": 32, "numberOfTuples": 3}"#,
            #"{"extensionName": "0002-flat-direct-storage-layout"}"#,
        ] {
            try Data(bad.utf8).write(to: config)
            XCTAssertThrowsError(try OCFLStorageRoot.openOrCreate(at: folder.url), bad) { error in
                guard case .unsupportedStorageRoot? = error as? OCFLError else { return XCTFail("unexpected error \(error)") }
            }
        }
        // Parameters left out take the extension's defaults (sha256, 3 × 3).
        try Data(#"{"extensionName": "0003-hash-and-id-n-tuple-storage-layout"}"#.utf8).write(to: config)
        XCTAssertEqual(
            try OCFLStorageRoot.openOrCreate(at: folder.url).objectPath(for: "urn:sohoa:LCH:dia-chi-lai-chau"),
            "efa/800/113/urn%3asohoa%3aLCH%3adia-chi-lai-chau")
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
            XCTAssertThrowsError(
                try root.writeVersion(
                    objectID: Fixtures.kieuID, files: [LogicalFile(logicalPath: bad, source: .data(Data()))],
                    message: "m", user: Fixtures.user), bad)
        }
        let nfd = "quyê\u{0300}n.txt"
        XCTAssertThrowsError(
            try root.writeVersion(
                objectID: Fixtures.kieuID,
                files: [
                    LogicalFile(logicalPath: nfd, source: .data(Data())), LogicalFile(logicalPath: "quyền.txt", source: .data(Data())),
                ],
                message: "m", user: Fixtures.user)
        ) { error in
            guard case .duplicateLogicalPath? = error as? OCFLError else { return XCTFail("unexpected error \(error)") }
        }
        XCTAssertThrowsError(
            try root.writeVersion(
                objectID: Fixtures.kieuID,
                files: [LogicalFile(logicalPath: "a", source: .data(Data())), LogicalFile(logicalPath: "a/b", source: .data(Data()))],
                message: "m", user: Fixtures.user))
        XCTAssertThrowsError(
            try root.writeVersion(
                objectID: Fixtures.kieuID,
                files: [LogicalFile(logicalPath: "x.tif", source: .file(folder.url.appendingPathComponent("missing.tif")))],
                message: "m", user: Fixtures.user)
        ) { error in
            guard case .unreadableSource(_, "x.tif", let source, _)? = error as? OCFLError else {
                return XCTFail("unexpected error \(error)")
            }
            XCTAssertTrue(source.hasSuffix("missing.tif"))
        }
        XCTAssertEqual(try root.objectIDs(), [], "failed writes leave no object")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.stagingWorkURL.path), [])
    }
}
