import Foundation
import SohoaTesting
import XCTest

@testable import SohoaArchive

/// Writes interrupted at each step (as if the process died) are repaired by the next open.
final class OCFLCrashRecoveryTests: XCTestCase {
    private func crashing(at step: OCFLStorageRoot.WriteStep, _ root: URL) throws -> OCFLStorageRoot {
        try OCFLStorageRoot.openOrCreate(at: root) { reached in
            if reached == step { throw SimulatedCrash() }
        }
    }

    private func v2Files() -> [LogicalFile] {
        [
            LogicalFile(logicalPath: "masters/quyển-1.tif", source: .data(Data("TIFF Đại Nam".utf8))),
            LogicalFile(logicalPath: "text/quyền-1.txt", source: .data(Data("Đại Nam thực lục chính biên\n".utf8))),
        ]
    }

    func testCrashWhileCreatingAnObjectLeavesNothingAfterReopen() throws {
        let folder = try TemporaryFolder()
        let crashingRoot = try crashing(at: .contentStaged, folder.archive)
        XCTAssertThrowsError(
            try crashingRoot.writeVersion(
                objectID: Fixtures.daiNamID, files: Fixtures.daiNamFiles(), message: "m", user: Fixtures.user))
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: crashingRoot.stagingWorkURL.path).count, 1,
            "the staging folder is left behind")

        let root = try OCFLStorageRoot.openOrCreate(at: folder.archive)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.stagingWorkURL.path), [])
        XCTAssertEqual(try root.objectIDs(), [])
        let tuple = root.objectPath(for: Fixtures.daiNamID).split(separator: "/")[0]
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: root.url.appendingPathComponent(String(tuple)).path),
            "no empty tuple folders are left")
        _ = try root.writeVersion(objectID: Fixtures.kieuID, files: try Fixtures.kieuFiles(in: folder), message: "m", user: Fixtures.user)
        try SharedChecks.assertValidOCFLRoot(root.url, objects: 1)
    }

    func testCrashAfterMovingTheVersionFolderIsRolledBack() throws {
        try assertRecovers(from: .versionMovedIntoPlace)
    }

    func testCrashAfterReplacingTheSidecarIsRolledBack() throws {
        try assertRecovers(from: .sidecarReplaced)
    }

    func testCrashBeforeMovingTheVersionIsRolledBack() throws {
        try assertRecovers(from: .contentStaged)
    }

    private func assertRecovers(from step: OCFLStorageRoot.WriteStep, file: StaticString = #filePath, line: UInt = #line) throws {
        let folder = try TemporaryFolder()
        let first = try OCFLStorageRoot.openOrCreate(at: folder.archive)
        let v1 = try first.writeVersion(objectID: Fixtures.daiNamID, files: Fixtures.daiNamFiles(), message: "m", user: Fixtures.user)
        let v1State = try first.headState(objectID: Fixtures.daiNamID)
        let objectFolder = first.url.appendingPathComponent(v1.objectPath)

        let crashingRoot = try crashing(at: step, folder.archive)
        XCTAssertThrowsError(
            try crashingRoot.writeVersion(
                objectID: Fixtures.daiNamID, files: v2Files(), message: "sửa", user: Fixtures.user), file: file, line: line)
        if step != .contentStaged {
            XCTAssertTrue(
                FileManager.default.fileExists(atPath: objectFolder.appendingPathComponent("v2").path),
                "the crash left a v2 folder the root inventory does not know", file: file, line: line)
        }

        let root = try OCFLStorageRoot.openOrCreate(at: folder.archive)
        XCTAssertFalse(FileManager.default.fileExists(atPath: objectFolder.appendingPathComponent("v2").path), file: file, line: line)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.stagingWorkURL.path), [], file: file, line: line)
        XCTAssertEqual(try root.headState(objectID: Fixtures.daiNamID), v1State, file: file, line: line)
        try SharedChecks.assertValidOCFLRoot(root.url, objects: 1, file: file, line: line)

        let retried = try root.writeVersion(objectID: Fixtures.daiNamID, files: v2Files(), message: "sửa", user: Fixtures.user)
        XCTAssertEqual(retried.version, "v2", file: file, line: line)
        try SharedChecks.assertValidOCFLRoot(root.url, objects: 1, file: file, line: line)
    }

    func testAWriteInProgressIsNotCleanedByAnotherOpen() throws {
        let folder = try TemporaryFolder()
        let root = try OCFLStorageRoot.openOrCreate(at: folder.archive)
        let work = root.stagingWorkURL.appendingPathComponent("in-progress")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let held = try FileLock.acquire(work.appendingPathComponent("lock"))
        _ = try OCFLStorageRoot.openOrCreate(at: folder.archive)
        XCTAssertTrue(FileManager.default.fileExists(atPath: work.path))
        held.unlock()
        _ = try OCFLStorageRoot.openOrCreate(at: folder.archive)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.path))
    }
}

extension OCFLCrashRecoveryTests {
    func testCrashAfterANewObjectReachedItsPlaceKeepsIt() throws {
        let folder = try TemporaryFolder()
        let crashingRoot = try OCFLStorageRoot.openOrCreate(at: folder.archive) { reached in
            if reached == .objectMovedIntoPlace { throw SimulatedCrash() }
        }
        XCTAssertThrowsError(
            try crashingRoot.writeVersion(
                objectID: Fixtures.daiNamID, files: Fixtures.daiNamFiles(), message: "m", user: Fixtures.user))
        let root = try OCFLStorageRoot.openOrCreate(at: folder.archive)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.stagingWorkURL.path), [])
        XCTAssertEqual(try root.headVersion(objectID: Fixtures.daiNamID), "v1")
        try SharedChecks.assertValidOCFLRoot(root.url, objects: 1)
    }
}

extension OCFLCrashRecoveryTests {
    /// A process killed while deleting a finished write's work folder (its lock file already gone, some
    /// staged files left) used to leave a folder the next open took for a write just starting and kept.
    func testAWorkFolderWhoseRemovalWasCutShortIsRemovedByTheNextOpen() throws {
        let folder = try TemporaryFolder()
        let crashingRoot = try OCFLStorageRoot.openOrCreate(at: folder.archive) { reached in
            if reached == .workSetAside { throw SimulatedCrash() }
        }
        XCTAssertThrowsError(
            try crashingRoot.writeVersion(
                objectID: Fixtures.daiNamID, files: Fixtures.daiNamFiles(), message: "m", user: Fixtures.user))
        let left = try FileManager.default.contentsOfDirectory(atPath: crashingRoot.stagingWorkURL.path)
        XCTAssertEqual(left.count, 1)
        let aside = crashingRoot.stagingWorkURL.appendingPathComponent(try XCTUnwrap(left.first))
        XCTAssertTrue(
            left.allSatisfy { $0.hasPrefix(OCFLStorageRoot.setAsidePrefix) },
            "the folder is set aside before its files are deleted: \(left)")
        // As the deletion would leave it part way: the lock file gone, the target and a staged file not.
        try? FileManager.default.removeItem(at: aside.appendingPathComponent("lock"))
        try Data("staged".utf8).write(to: aside.appendingPathComponent("incoming-2"))

        let root = try OCFLStorageRoot.openOrCreate(at: folder.archive)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.stagingWorkURL.path), [])
        XCTAssertEqual(try root.headVersion(objectID: Fixtures.daiNamID), "v1", "the write itself had ended")
        try SharedChecks.assertValidOCFLRoot(root.url, objects: 1)
    }
}

extension OCFLCrashRecoveryTests {
    private struct DiskFull: Error {}

    /// A write that fails after its version reached the object, and whose own repair fails too (a full
    /// disk fails both), keeps its work folder: the next open repairs the object from it.
    func testAWriteWhoseRepairFailedIsRepairedByTheNextOpen() throws {
        let folder = try TemporaryFolder()
        let first = try OCFLStorageRoot.openOrCreate(at: folder.archive)
        let v1 = try first.writeVersion(objectID: Fixtures.daiNamID, files: Fixtures.daiNamFiles(), message: "m", user: Fixtures.user)
        let objectFolder = first.url.appendingPathComponent(v1.objectPath)
        let failing = try OCFLStorageRoot.openOrCreate(at: folder.archive) { reached in
            if reached == .versionMovedIntoPlace || reached == .repairing { throw DiskFull() }
        }
        XCTAssertThrowsError(
            try failing.writeVersion(objectID: Fixtures.daiNamID, files: v2Files(), message: "sửa", user: Fixtures.user)
        ) { XCTAssertTrue($0 is DiskFull, "\($0)") }
        XCTAssertTrue(FileManager.default.fileExists(atPath: objectFolder.appendingPathComponent("v2").path), "v2 reached the object")
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: failing.stagingWorkURL.path).count, 1, "the work folder is kept")

        let root = try OCFLStorageRoot.openOrCreate(at: folder.archive)
        XCTAssertFalse(FileManager.default.fileExists(atPath: objectFolder.appendingPathComponent("v2").path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.stagingWorkURL.path), [])
        XCTAssertEqual(try root.headVersion(objectID: Fixtures.daiNamID), "v1")
        try SharedChecks.assertValidOCFLRoot(root.url, objects: 1)
    }
}
