import Foundation
import SohoaTesting
import XCTest

@testable import SohoaArchive

final class OCFLVersioningTests: XCTestCase {
    func testSameStateTwiceIsUnchanged() throws {
        let folder = try TemporaryFolder()
        let root = try OCFLStorageRoot.openOrCreate(at: folder.archive)
        let files = try Fixtures.kieuFiles(in: folder)
        let first = try root.writeVersion(objectID: Fixtures.kieuID, files: files, message: "m", user: Fixtures.user)
        let second = try root.writeVersion(objectID: Fixtures.kieuID, files: files.reversed(), message: "m", user: Fixtures.user)
        XCTAssertFalse(first.unchanged)
        XCTAssertEqual(second, WrittenVersion(objectID: Fixtures.kieuID, objectPath: first.objectPath, version: "v1", unchanged: true))
        let objectFolder = root.url.appendingPathComponent(first.objectPath)
        XCTAssertFalse(FileManager.default.fileExists(atPath: objectFolder.appendingPathComponent("v2").path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.stagingWorkURL.path), [])
    }

    func testChangedFileMakesV2AndKeepsV1() throws {
        let folder = try TemporaryFolder()
        let root = try OCFLStorageRoot.openOrCreate(at: folder.archive)
        var files = try Fixtures.kieuFiles(in: folder)
        let v1 = try root.writeVersion(objectID: Fixtures.kieuID, files: files, message: "Nhập", user: Fixtures.user)
        let v1State = try XCTUnwrap(root.headState(objectID: Fixtures.kieuID))

        // Review corrected the text of page 1; a new file was added whose bytes equal an existing one.
        files[1] = LogicalFile(
            logicalPath: "text/trang-01.txt",
            source: .data(Data("Trăm năm trong cõi người ta,\nChữ tài chữ mệnh khéo là ghét nhau.\n".utf8)))
        files.append(LogicalFile(logicalPath: "masters/bản sao.tif", source: .data(Data("TIFF bytes 1".utf8))))
        let v2 = try root.writeVersion(objectID: Fixtures.kieuID, files: files, message: "Sửa OCR", user: Fixtures.user)
        XCTAssertEqual(v2.version, "v2")
        XCTAssertFalse(v2.unchanged)

        let objectFolder = root.url.appendingPathComponent(v2.objectPath)
        let stored = try FileManager.default.subpathsOfDirectory(atPath: objectFolder.appendingPathComponent("v2/content").path)
            .filter { !$0.hasSuffix("text") }
        XCTAssertEqual(stored, ["text/trang-01.txt"], "only the changed file is stored in v2")

        let state = try XCTUnwrap(root.headState(objectID: Fixtures.kieuID))
        XCTAssertEqual(state["masters/trang-01.tif"], v1State["masters/trang-01.tif"])
        XCTAssertEqual(state["masters/bản sao.tif"], v1State["masters/trang-01.tif"])
        XCTAssertNotEqual(state["text/trang-01.txt"], v1State["text/trang-01.txt"])

        let master = try XCTUnwrap(root.contentURL(objectID: Fixtures.kieuID, logicalPath: "masters/bản sao.tif"))
        XCTAssertTrue(master.path.hasSuffix("v1/content/masters/trang-01.tif"))
        let text = try XCTUnwrap(root.contentURL(objectID: Fixtures.kieuID, logicalPath: "text/trang-01.txt"))
        XCTAssertTrue(try String(contentsOf: text, encoding: .utf8).contains("Chữ tài"))
        // v1 is still readable as it was.
        let oldText = objectFolder.appendingPathComponent("v1/content/text/trang-01.txt")
        XCTAssertEqual(try String(contentsOf: oldText, encoding: .utf8), "Trăm năm trong cõi người ta,\n")
        XCTAssertEqual(v1.objectPath, v2.objectPath)
        XCTAssertNil(try root.contentURL(objectID: Fixtures.kieuID, logicalPath: "không có.txt"))
        XCTAssertNil(try root.headState(objectID: "urn:sohoa:HNI:không-có"))

        try SharedChecks.assertValidOCFLRoot(root.url, objects: 1)
    }

    func testRemovingAllFilesStillValidates() throws {
        let folder = try TemporaryFolder()
        let root = try OCFLStorageRoot.openOrCreate(at: folder.archive)
        _ = try root.writeVersion(objectID: Fixtures.daiNamID, files: Fixtures.daiNamFiles(), message: "m", user: Fixtures.user)
        let v2 = try root.writeVersion(
            objectID: Fixtures.daiNamID, files: [Fixtures.daiNamFiles()[0]], message: "bớt một tệp", user: Fixtures.user)
        XCTAssertEqual(v2.version, "v2")
        XCTAssertFalse(
            FileManager.default.fileExists(
                atPath: root.url.appendingPathComponent(v2.objectPath).appendingPathComponent("v2/content").path),
            "a version that stores nothing has no content folder")
        XCTAssertEqual(try root.headState(objectID: Fixtures.daiNamID)?.count, 1)
        try SharedChecks.assertValidOCFLRoot(root.url, objects: 1)
    }
}
