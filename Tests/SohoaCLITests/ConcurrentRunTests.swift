import Foundation
import SohoaTesting
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// Two `sohoa run` on one archive at once: the second refuses at once with a message naming the
/// run that holds the archive (exit 3), whether it is the same batch or another; the first
/// completes, and running the second afterwards completes it. Never a corrupt root or a duplicate.
final class ConcurrentRunTests: XCTestCase {
    func testASecondRunOnTheSameArchiveRefusesAndTheArchiveStaysWhole() throws {
        let folder = try temporaryFolder("sohoa-race")
        let first = try KillTestBatch.make(in: folder, name: "first")
        let other = try KillTestBatch.make(in: folder, name: "other")
        let archive = folder.appendingPathComponent("archive")
        let log = folder.appendingPathComponent("first.jsonl")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)

        let running = Process()
        running.executableURL = Sohoa.binary
        running.arguments = first.runArguments(archive: archive)
        var environment = ProcessInfo.processInfo.environment
        environment["OMP_THREAD_LIMIT"] = "1"
        running.environment = environment
        running.standardOutput = try FileHandle(forWritingTo: log)
        running.standardError = FileHandle.nullDevice
        try running.run()
        // Once the first run has planned its pages it holds the archive. It is paused there (SIGSTOP:
        // a stopped process keeps its lock), so the others meet it however fast it would finish.
        while running.isRunning, !((try? String(contentsOf: log, encoding: .utf8)) ?? "").contains("\"planned\"") { usleep(2000) }
        XCTAssertTrue(running.isRunning, "the first run is still going when the others start")
        kill(running.processIdentifier, SIGSTOP)

        let sameBatch = try Sohoa.run(first.runArguments(archive: archive), environment: ["SOHOA_LANG": "en"])
        let otherBatch = try Sohoa.run(other.runArguments(archive: archive), environment: ["SOHOA_LANG": "en"])
        let audit = try Sohoa.run(["audit", "--catalog", "--archive", archive.path], environment: ["SOHOA_LANG": "en"])
        kill(running.processIdentifier, SIGCONT)
        running.waitUntilExit()
        XCTAssertEqual(running.terminationStatus, 0, "the first run completes")
        for (name, result) in [("same batch", sameBatch), ("other batch", otherBatch)] {
            XCTAssertEqual(result.exitCode, 3, "\(name): \(result.stderr)")
            XCTAssertTrue(
                result.stderr.contains("in use by another sohoa run (pid \(running.processIdentifier)"), "\(name): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("Wait for it to finish"), result.stderr)
        }
        XCTAssertEqual(audit.exitCode, 3, "the catalog audit waits for no run: it refuses while one writes")

        // The refused batch, run afterwards, completes beside the first; every item is there once.
        let afterwards = try Sohoa.run(other.runArguments(archive: archive))
        XCTAssertEqual(afterwards.exitCode, 0, afterwards.stderr)
        try assertWhole(archive, items: first.items.count)
        try? FileManager.default.removeItem(at: folder)
    }

    func testTwoRunsStartedTogetherNeverCorruptTheArchive() throws {
        let folder = try temporaryFolder("sohoa-race2")
        let first = try KillTestBatch.make(in: folder, name: "first")
        let second = try KillTestBatch.make(in: folder, name: "second")
        let archive = folder.appendingPathComponent("archive")
        let results = try runTogether([first.runArguments(archive: archive), second.runArguments(archive: archive)])
        for result in results {
            XCTAssertTrue([0, 3].contains(result.exitCode), "each run completes or refuses:\n\(result.stderr)")
            if result.exitCode == 3 { XCTAssertTrue(result.stderr.contains("in use by another sohoa run"), result.stderr) }
        }
        XCTAssertTrue(results.contains { $0.exitCode == 0 }, "one of them runs")
        for batch in [first, second] {
            let again = try Sohoa.run(batch.runArguments(archive: archive))
            XCTAssertEqual(again.exitCode, 0, again.stderr)
        }
        // Both batches hold the same item names: each item is one object, at one version per content.
        try assertWhole(archive, items: first.items.count)
        try? FileManager.default.removeItem(at: folder)
    }

    /// Starts every run at once and waits for all.
    private func runTogether(_ runs: [[String]]) throws -> [Sohoa.Result] {
        let group = DispatchGroup()
        let results = ResultsBox(count: runs.count)
        for (index, arguments) in runs.enumerated() {
            group.enter()
            DispatchQueue.global().async {
                defer { group.leave() }
                results.set(index, try? Sohoa.run(arguments, environment: ["SOHOA_LANG": "en"]))
            }
        }
        group.wait()
        return try results.all.map { try XCTUnwrap($0) }
    }

    private func assertWhole(_ archive: URL, items: Int) throws {
        if let validator = try? SharedChecks.tool("validate-ocfl") {
            let result = try ProcessRunner.run(validator, [archive.path])
            XCTAssertEqual(result.exitCode, 0, result.stdout + result.stderr)
            XCTAssertTrue(result.stdout.contains("\(items)/\(items) objects valid"), result.stdout)
        }
        let objects = files(under: archive, endingWith: "0=ocfl_object_1.1")
        XCTAssertEqual(objects.count, items, "every item exactly once")
        let catalogAudit = try Sohoa.run(["audit", "--catalog", "--archive", archive.path], environment: ["SOHOA_LANG": "en"])
        XCTAssertEqual(catalogAudit.exitCode, 0, catalogAudit.stdout + catalogAudit.stderr)
        let fixity = try Sohoa.run(["audit", "--archive", archive.path])
        XCTAssertEqual(fixity.exitCode, 0, fixity.stdout)
    }
}

/// Results filled in by concurrent runs.
private final class ResultsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Sohoa.Result?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Sohoa.Result?) {
        lock.lock()
        defer { lock.unlock() }
        values[index] = value
    }

    var all: [Sohoa.Result?] {
        lock.lock()
        defer { lock.unlock() }
        return values
    }
}
