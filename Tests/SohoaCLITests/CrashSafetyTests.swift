import Foundation
import SohoaTesting
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// A `sohoa run` killed with SIGKILL in the middle of packaging leaves no half object; the next run
/// cleans up and finishes, and every item is in the archive exactly once.
final class CrashSafetyTests: XCTestCase {
    func testSIGKILLDuringPackagingThenRerunGivesAValidRootWithEveryItemOnce() throws {
        _ = try SharedChecks.tool("validate-ocfl")
        let folder = try temporaryFolder("sohoa-crash")
        let batch = folder.appendingPathComponent("batch")
        let source = Sohoa.packageRoot.appendingPathComponent("SampleScans/bao-lai-chau-1998")
        let items = (1...6).map { "so-\($0)" }
        for item in items {
            let target = batch.appendingPathComponent(item)
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for name in ["trang-1.tif", "trang-3.png"] {
                try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: target.appendingPathComponent(name))
            }
        }
        let archive = folder.appendingPathComponent("archive")
        let arguments = [
            "run", batch.path, "--archive", archive.path, "--pipeline",
            Sohoa.packageRoot.appendingPathComponent("Pipelines/image-only.yaml").path, "--library", "LCH",
        ]

        let log = folder.appendingPathComponent("run.jsonl")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = Sohoa.binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["OMP_THREAD_LIMIT"] = "1"
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = FileHandle.nullDevice
        try process.run()
        let staging = archive.appendingPathComponent("extensions/sohoa-staging/work")
        let packaging = archive.appendingPathComponent("extensions/sohoa-work/items")
        func busy(_ folder: URL) -> Bool {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).contains { !$0.hasPrefix(".") }
        }
        let deadline = Date().addingTimeInterval(300)
        var packagedSeen = false
        var caught: String?
        // After the first item is archived, kill as soon as another item is being packaged: its files
        // are being written (pipeline staging) or its OCFL object is being built (storage-root staging).
        while process.isRunning, Date() < deadline, caught == nil {
            if !packagedSeen {
                packagedSeen = ((try? String(contentsOf: log, encoding: .utf8)) ?? "").contains("\"item_packaged\"")
            } else if busy(staging) {
                caught = "while an OCFL object was being staged"
            } else if busy(packaging) {
                caught = "while an item was being packaged"
            }
            if caught != nil { kill(process.processIdentifier, SIGKILL) }
            usleep(200)
        }
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal, "sohoa finished before a packaging could be interrupted")
        print("sohoa killed \(caught ?? "—")")
        let packagedBefore = ((try? String(contentsOf: log, encoding: .utf8)) ?? "").components(separatedBy: "\"item_packaged\"").count - 1
        XCTAssertLessThan(packagedBefore, items.count, "the kill came before the batch was done")

        // Right after the kill, before any clean-up: every object in the root is whole.
        try SharedChecks.assertValid("validate-ocfl", [archive.path])
        let afterKill = try Sohoa.run(["audit", "--archive", archive.path], environment: ["SOHOA_LANG": "en"])
        XCTAssertEqual(afterKill.exitCode, 0, "no half object after the kill:\n\(afterKill.stdout)")

        let again = try Sohoa.run(arguments)
        XCTAssertEqual(again.exitCode, 0, again.stderr)
        try SharedChecks.assertValid("validate-ocfl", [archive.path])
        let validation = try ProcessRunner.run(try SharedChecks.tool("validate-ocfl"), [archive.path])
        XCTAssertTrue(validation.stdout.contains("\(items.count)/\(items.count) objects valid"), validation.stdout)
        let objects = files(under: archive, endingWith: "0=ocfl_object_1.1").map { $0.deletingLastPathComponent().lastPathComponent }
        XCTAssertEqual(objects.sorted(), items.map { "urn%3asohoa%3aLCH%3a\($0)" }.sorted())
        XCTAssertEqual(((try? FileManager.default.contentsOfDirectory(atPath: staging.path)) ?? []).filter { !$0.hasPrefix(".") }, [])
        let audit = try Sohoa.run(["audit", "--archive", archive.path])
        XCTAssertEqual(audit.exitCode, 0, audit.stdout)
        let status = try Sohoa.run(["status", "--json", "--archive", archive.path])
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["itemCount"] as? Int, items.count)
        XCTAssertEqual((json["itemsByState"] as? [String: Int])?["packaged"], items.count)
    }
}
