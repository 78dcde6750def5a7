import Foundation
import SohoaTesting
import XCTest

/// Exit codes and messages for usage and configuration mistakes (DESIGN §8).
final class CLIUsageTests: XCTestCase {
    func testBadPipelineFileExitsTwoNamingKeyAndFile() throws {
        let folder = try temporaryFolder()
        let pipeline = folder.appendingPathComponent("mine.yaml")
        try Data("name: mine\nnormalize: {deskew: true, sharpen: 3}\n".utf8).write(to: pipeline)
        let batch = folder.appendingPathComponent("batch")
        try FileManager.default.createDirectory(at: batch, withIntermediateDirectories: true)
        let result = try Sohoa.run(["run", batch.path, "--pipeline", pipeline.path, "--archive", folder.appendingPathComponent("a").path])
        XCTAssertEqual(result.exitCode, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("mine.yaml"), result.stderr)
        XCTAssertTrue(result.stderr.contains("normalize.sharpen"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("a").path), "no archive made on a config error")
    }

    func testMissingBatchFolderExitsTwo() throws {
        let folder = try temporaryFolder()
        let result = try Sohoa.run([
            "run", folder.appendingPathComponent("nowhere").path, "--archive", folder.appendingPathComponent("a").path,
        ])
        XCTAssertEqual(result.exitCode, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("nowhere"), result.stderr)
    }

    func testStatusOnAFolderThatIsNotAnArchiveExitsThree() throws {
        let folder = try temporaryFolder()
        let result = try Sohoa.run(["status", "--archive", folder.path])
        XCTAssertEqual(result.exitCode, 3, result.stderr)
        XCTAssertTrue(result.stderr.contains("not a sohoa archive"), result.stderr)
    }

    func testArchiveThatIsAFileExitsThree() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("archive")
        try Data("not a folder".utf8).write(to: file)
        let batch = folder.appendingPathComponent("batch")
        try FileManager.default.createDirectory(at: batch, withIntermediateDirectories: true)
        let result = try Sohoa.run(["run", batch.path, "--archive", file.path])
        XCTAssertEqual(result.exitCode, 3, result.stderr)
    }

    func testBadJobsAndExportArgumentsAreUsageErrors() throws {
        XCTAssertEqual(try Sohoa.run(["run", "x", "--jobs", "0"]).exitCode, 2)
        let export = try Sohoa.run(["export", "--format", "docx", "--out", "/tmp/x", "--all"])
        XCTAssertNotEqual(export.exitCode, 0)
        XCTAssertTrue(export.stderr.contains("text, alto, pdf"), export.stderr)
    }

    func testHelpIsVietnameseFirst() throws {
        let result = try Sohoa.run(["--help"])
        XCTAssertEqual(result.exitCode, 0)
        XCTAssertTrue(result.stdout.contains("Số hóa"), result.stdout)
    }

    func testInstallDepsRefusesAnUnknownOption() throws {
        // A mistyped option (--with-test) was ignored: the test packages were not installed, and nothing said so.
        let script = Sohoa.packageRoot.appendingPathComponent("scripts/install-deps.sh")
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/bin/bash"), [script.path, "--with-test"])
        XCTAssertEqual(result.exitCode, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("unknown option '--with-test'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("--with-tests"), "the usage names the options: \(result.stderr)")
    }

    /// `--catalog ../other-archive` (another archive's catalog.sqlite) is refused before anything is
    /// written there: this archive's items would land in that archive's catalog.
    func testImportIntoAnotherArchivesCatalogExitsTwo() throws {
        let folder = try temporaryFolder()
        for name in ["a", "b"] {
            let archive = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
            try Data("ocfl_1.1\n".utf8).write(to: archive.appendingPathComponent("0=ocfl_1.1"))
        }
        let other = folder.appendingPathComponent("b")
        let result = try Sohoa.run([
            "import", folder.appendingPathComponent("bag").path, "--archive", folder.appendingPathComponent("a").path,
            "--catalog", other.path,
        ])
        XCTAssertEqual(result.exitCode, 2, result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix("sohoa: danh mục"), result.stderr)
        XCTAssertTrue(result.stderr.contains("belongs to another archive"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: other.appendingPathComponent("catalog.sqlite").path), "nothing made there")
    }
}
