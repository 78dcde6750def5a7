import Foundation
import SohoaTesting
import XCTest

@testable import SohoaArchive

/// Issue 12: a version is written only on the head it was based on, and the in-memory inventory
/// cache never hides a version written by this process or another one.
final class OCFLExpectedHeadTests: XCTestCase {
    private func changed(_ files: [LogicalFile], _ text: String) -> [LogicalFile] {
        var files = files
        files[1] = LogicalFile(logicalPath: "text/trang-01.txt", source: .data(Data(text.utf8)))
        return files
    }

    func testAVersionBasedOnAnOlderHeadIsRefusedAndWritesNothing() throws {
        let folder = try TemporaryFolder()
        let root = try OCFLStorageRoot.openOrCreate(at: folder.archive)
        let files = try Fixtures.kieuFiles(in: folder)
        _ = try root.writeVersion(objectID: Fixtures.kieuID, files: files, message: "m", user: Fixtures.user)
        let read = try XCTUnwrap(try root.head(objectID: Fixtures.kieuID))
        XCTAssertEqual(read.version, "v1")
        XCTAssertEqual(read.state, try root.headState(objectID: Fixtures.kieuID))

        // Someone else writes v2 after `read` was taken.
        let other = try OCFLStorageRoot.openOrCreate(at: folder.archive)
        _ = try other.writeVersion(
            objectID: Fixtures.kieuID, files: changed(files, "bản của người khác\n"), message: "other", user: Fixtures.user,
            expectedHead: "v1")
        XCTAssertThrowsError(
            try root.writeVersion(
                objectID: Fixtures.kieuID, files: changed(files, "bản của tôi\n"), message: "mine", user: Fixtures.user,
                expectedHead: read.version)
        ) { error in
            XCTAssertEqual(error as? OCFLError, .headMoved(objectID: Fixtures.kieuID, expected: "v1", found: "v2"))
            XCTAssertTrue("\(error)".contains("nothing was written"))
        }
        XCTAssertEqual(try root.headVersion(objectID: Fixtures.kieuID), "v2")
        let objectFolder = root.url.appendingPathComponent(root.objectPath(for: Fixtures.kieuID))
        XCTAssertFalse(FileManager.default.fileExists(atPath: objectFolder.appendingPathComponent("v3").path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.stagingWorkURL.path), [])

        // Based on the new head, it is written.
        let v3 = try root.writeVersion(
            objectID: Fixtures.kieuID, files: changed(files, "bản của tôi\n"), message: "mine", user: Fixtures.user, expectedHead: "v2")
        XCTAssertEqual(v3.version, "v3")
        XCTAssertThrowsError(
            try root.writeVersion(objectID: "urn:sohoa:LCH:new", files: files, message: "m", user: Fixtures.user, expectedHead: "v1")
        ) { error in
            XCTAssertEqual(error as? OCFLError, .headMoved(objectID: "urn:sohoa:LCH:new", expected: "v1", found: nil))
        }
    }

    func testCachedInventoriesAreReusedAndANewVersionIsSeenAtOnce() throws {
        let folder = try TemporaryFolder()
        let reader = try OCFLStorageRoot.openOrCreate(at: folder.archive)
        let writer = try OCFLStorageRoot.openOrCreate(at: folder.archive)
        let files = try Fixtures.kieuFiles(in: folder)
        _ = try writer.writeVersion(objectID: Fixtures.kieuID, files: files, message: "m", user: Fixtures.user)
        for _ in 0..<5 { _ = try reader.contentURL(objectID: Fixtures.kieuID, logicalPath: "text/trang-01.txt") }
        XCTAssertEqual(reader.inventoryCacheStatistics.reads, 1, "the inventory is decoded once")
        XCTAssertEqual(reader.inventoryCacheStatistics.hits, 4)

        // Another writer (as another process would) adds versions; the reader sees each at once.
        for number in 2...4 {
            _ = try writer.writeVersion(
                objectID: Fixtures.kieuID, files: changed(files, "lần \(number)\n"), message: "m", user: Fixtures.user)
            XCTAssertEqual(try reader.headVersion(objectID: Fixtures.kieuID), "v\(number)")
            let url = try XCTUnwrap(try reader.contentURL(objectID: Fixtures.kieuID, logicalPath: "text/trang-01.txt"))
            XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "lần \(number)\n")
        }
        // And its own writes too.
        _ = try reader.writeVersion(objectID: Fixtures.kieuID, files: changed(files, "lần 5\n"), message: "m", user: Fixtures.user)
        XCTAssertEqual(try writer.headVersion(objectID: Fixtures.kieuID), "v5")
        XCTAssertEqual(try reader.headVersion(objectID: Fixtures.kieuID), "v5")
    }
}
