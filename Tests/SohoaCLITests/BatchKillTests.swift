import Foundation
import SohoaTesting
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// `sohoa run` killed with SIGKILL at 20 moments over one batch (seeded, spread over start-up, the
/// page stages and packaging), each kill followed by a re-run. Whenever a re-run completes, the
/// archive is checked: valid OCFL, every item exactly once, `sohoa audit --catalog` and
/// `sohoa audit` clean, and page texts equal to a clean run's; the next kills start a fresh archive.
/// `SOHOA_KILL_SEED=<n>` repeats a sequence (the seed is printed).
final class BatchKillTests: XCTestCase {
    func testTwentySIGKILLsOverOneBatchEachRerunCompletes() throws {
        let seed =
            ProcessInfo.processInfo.environment["SOHOA_KILL_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...999_999)
        print("kill test: seed \(seed) (SOHOA_KILL_SEED=\(seed) repeats this sequence)")
        var random = SplitMix64(seed: seed)
        let folder = try temporaryFolder("sohoa-kill")
        let batch = try KillTestBatch.make(in: folder)

        let clean = folder.appendingPathComponent("clean")
        let reference = try Sohoa.run(batch.runArguments(archive: clean))
        XCTAssertEqual(reference.exitCode, 0, reference.stderr)
        let referenceTexts = try exportedTexts(of: clean, into: folder.appendingPathComponent("clean-texts"))
        XCTAssertEqual(referenceTexts.count, batch.ocrPages, "the clean run archives the text of every OCR'd page")

        var kills: [String] = []
        var rounds = 0
        var archive = folder.appendingPathComponent("archive-1")
        while kills.count < 20 {
            let moment = KillMoment.random(using: &random)
            switch try run(batch, archive: archive, killing: moment) {
            case .killed(let observed):
                kills.append("\(moment.label) → \(observed)")
                print("kill \(kills.count): \(kills.last ?? "")")
            case .finished(let result):
                XCTAssertEqual(result.exitCode, 0, "a re-run after a kill completes:\n\(result.stderr)")
                try verify(archive, batch: batch, texts: referenceTexts, folder: folder)
                rounds += 1
                archive = folder.appendingPathComponent("archive-\(rounds + 1)")
            }
        }
        let last = try Sohoa.run(batch.runArguments(archive: archive))
        XCTAssertEqual(last.exitCode, 0, "the last re-run completes:\n\(last.stderr)")
        try verify(archive, batch: batch, texts: referenceTexts, folder: folder)
        rounds += 1
        let packaging = kills.filter { $0.contains("packaging") }.count
        let pages = kills.filter { $0.contains("pages") }.count
        print(
            "kill test: seed \(seed): \(kills.count) SIGKILLs (\(packaging) while packaging, \(pages) while pages were in the stages, "
                + "\(kills.count - packaging - pages) at start-up), \(rounds) archives completed by re-runs and checked")
        try? FileManager.default.removeItem(at: folder)
    }

    /// What happened to one `sohoa run`.
    private enum Outcome {
        case killed(String)
        case finished(Sohoa.Result)
    }

    /// Starts `sohoa run` and kills it with SIGKILL at `moment`, unless it finishes first.
    private func run(_ batch: KillTestBatch, archive: URL, killing moment: KillMoment) throws -> Outcome {
        let log = archive.deletingLastPathComponent().appendingPathComponent("run-\(UUID().uuidString).jsonl")
        let errors = archive.deletingLastPathComponent().appendingPathComponent("run-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: log)
            try? FileManager.default.removeItem(at: errors)
        }
        let process = Process()
        process.executableURL = Sohoa.binary
        process.arguments = batch.runArguments(archive: archive)
        var environment = ProcessInfo.processInfo.environment
        environment["OMP_THREAD_LIMIT"] = "1"
        environment["SOHOA_LANG"] = "en"
        process.environment = environment
        process.currentDirectoryURL = Sohoa.packageRoot
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardInput = FileHandle.nullDevice
        let started = Date()
        try process.run()
        var triggeredAt: Date?
        while process.isRunning {
            if triggeredAt == nil, moment.isDue(since: started, log: log, archive: archive) { triggeredAt = Date() }
            if let triggeredAt, Date().timeIntervalSince(triggeredAt) >= moment.extraDelay {
                let observed = KillMoment.observe(log: log, archive: archive, since: started)
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return .killed(observed)
            }
            usleep(1000)
        }
        process.waitUntilExit()
        if process.terminationReason == .uncaughtSignal { return .killed("died by signal \(process.terminationStatus)") }
        return .finished(
            Sohoa.Result(
                exitCode: process.terminationStatus, stdout: (try? String(contentsOf: log, encoding: .utf8)) ?? "",
                stderr: (try? String(contentsOf: errors, encoding: .utf8)) ?? ""))
    }

    /// The checks made on an archive whose batch a re-run completed.
    private func verify(_ archive: URL, batch: KillTestBatch, texts: [String: String], folder: URL) throws {
        if let validator = try? SharedChecks.tool("validate-ocfl") {
            let result = try ProcessRunner.run(validator, [archive.path])
            XCTAssertEqual(result.exitCode, 0, "validate-ocfl \(archive.path):\n\(result.stdout)\n\(result.stderr)")
            XCTAssertTrue(
                result.stdout.contains("\(batch.items.count)/\(batch.items.count) objects valid"), result.stdout)
        } else {
            print("kill test: ../shared/checks/validate-ocfl is not available; OCFL validity is checked by `sohoa audit` only")
        }
        let objects = files(under: archive, endingWith: "0=ocfl_object_1.1").map { $0.deletingLastPathComponent().lastPathComponent }
        XCTAssertEqual(objects.sorted(), batch.items.map { "urn%3asohoa%3aLCH%3a\($0)" }.sorted(), "every item exactly once")
        let catalogAudit = try Sohoa.run(["audit", "--catalog", "--archive", archive.path], environment: ["SOHOA_LANG": "en"])
        XCTAssertEqual(catalogAudit.exitCode, 0, "catalog and archive agree:\n\(catalogAudit.stdout)\(catalogAudit.stderr)")
        let fixity = try Sohoa.run(["audit", "--archive", archive.path], environment: ["SOHOA_LANG": "en"])
        XCTAssertEqual(fixity.exitCode, 0, fixity.stdout)
        let status = try Sohoa.run(["status", "--json", "--archive", archive.path])
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["itemCount"] as? Int, batch.items.count)
        XCTAssertEqual((json["itemsByState"] as? [String: Int])?["packaged"], batch.items.count)
        XCTAssertEqual(json["pageCount"] as? Int, batch.pages)
        XCTAssertEqual((json["pagesByState"] as? [String: Int])?["done"], batch.pages)
        // A write killed before it took its lock leaves at most an empty folder, or one holding its lock file
        // not yet renamed into place (both removed a minute later).
        let staged = files(under: archive.appendingPathComponent("extensions/sohoa-staging/work"), endingWith: "")
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true }
            .filter { !Self.isAWriteKilledBeforeItsLockWasNamed($0) }
        XCTAssertEqual(staged.map(\.path), [], "no half-written object left in OCFL staging")
        let packaging =
            (try? FileManager.default.contentsOfDirectory(
                atPath: archive.appendingPathComponent("extensions/sohoa-work/items").path)) ?? []
        XCTAssertEqual(packaging.filter { !$0.hasPrefix(".") }, [], "no item left half-packaged in the work area")
        let found = try exportedTexts(of: archive, into: folder.appendingPathComponent("texts-\(UUID().uuidString)"))
        XCTAssertEqual(found, texts, "page texts equal the clean run's")
    }

    /// The archived page texts (`sohoa export --all --format text`), by `<item>/<page>.txt`.
    private func exportedTexts(of archive: URL, into out: URL) throws -> [String: String] {
        let export = try Sohoa.run(["export", "--all", "--format", "text", "--out", out.path, "--archive", archive.path])
        XCTAssertEqual(export.exitCode, 0, export.stderr)
        var texts: [String: String] = [:]
        for file in files(under: out, endingWith: ".txt") {
            let relative = file.pathComponents.suffix(2).joined(separator: "/")
            texts[relative] = try String(contentsOf: file, encoding: .utf8)
        }
        try? FileManager.default.removeItem(at: out)
        return texts
    }

    /// A staged file left by a write killed between making its lock file and naming it `lock`: the
    /// folder holds that file alone, and is younger than the minute after which an open removes it.
    private static func isAWriteKilledBeforeItsLockWasNamed(_ file: URL) -> Bool {
        let folder = file.deletingLastPathComponent()
        guard file.lastPathComponent.hasPrefix(".lock-"),
            (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) == [file.lastPathComponent],
            let modified = (try? folder.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate
        else { return false }
        return Date().timeIntervalSince(modified) < 60
    }
}
