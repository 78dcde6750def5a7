import Foundation
import SohoaTesting
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// A batch on a real small file system (a tmpfs mounted in a private mount namespace, as root):
/// too little room is refused before anything starts, with the figure; a disk that fills up during
/// the run stops it cleanly (pages left pending, not failed, one message, exit 3); after room is
/// made, the same command completes the batch and nothing is lost.
final class DiskFullTests: XCTestCase {
    /// Room left on the tmpfs for the run that fills it: enough for the catalog and some pages, not
    /// for the whole batch (about 3 MB with the kill-test pipeline).
    static let leftKB = 1200

    func testAFullDiskStopsTheBatchCleanlyAndARerunCompletesIt() throws {
        try Self.requirePrivateMounts()
        let folder = try temporaryFolder("sohoa-full")
        let batch = try KillTestBatch.make(in: folder)
        let mountPoint = folder.appendingPathComponent("disk")
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let archive = mountPoint.appendingPathComponent("archive")
        func run(_ extra: [String] = []) -> String {
            (["\"$SOHOA\""] + batch.runArguments(archive: archive, extra: extra).map { "'\($0)'" }).joined(separator: " ")
        }
        let script = """
            set -u
            mount -t tmpfs -o size=24m sohoa-test "$DISK" || exit 90
            free=$(df -k --output=avail "$DISK" | tail -1)
            dd if=/dev/zero of="$DISK/filler" bs=1024 count=$((free - \(Self.leftKB))) status=none
            \(run()) >"$OUT/1.out" 2>"$OUT/1.err"; echo $? >"$OUT/1.rc"
            \(run(["--no-space-check"])) >"$OUT/2.out" 2>"$OUT/2.err"; echo $? >"$OUT/2.rc"
            "$SOHOA" status --json --archive '\(archive.path)' >"$OUT/2.status" 2>&1
            rm -f "$DISK/filler"
            mount -o remount,size=128m "$DISK"
            \(run()) >"$OUT/3.out" 2>"$OUT/3.err"; echo $? >"$OUT/3.rc"
            cp -a '\(archive.path)' "$OUT/archive"
            """
        let shell = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/unshare"), ["-m", "--propagation", "private", "/bin/bash", "-c", script],
            environment: ["DISK": mountPoint.path, "OUT": out.path, "SOHOA": Sohoa.binary.path, "SOHOA_LANG": "en"])
        XCTAssertEqual(shell.exitCode, 0, shell.stderr)
        func read(_ name: String) -> String {
            (try? String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)) ?? ""
        }
        func code(_ name: String) -> Int32? { Int32(read(name).trimmingCharacters(in: .whitespacesAndNewlines)) }

        // 1. Too little room: refused before any page, with the figure.
        XCTAssertEqual(code("1.rc"), 3, read("1.err"))
        XCTAssertTrue(read("1.err").contains("has too little room: this batch (4 pages) needs about"), read("1.err"))
        XCTAssertFalse(read("1.out").contains("\"page_done\""), "no page is processed")

        // 2. Forced on: the disk fills up; the run stops cleanly with one message and exit 3.
        XCTAssertEqual(code("2.rc"), 3, read("2.err") + read("2.out"))
        let summary = try XCTUnwrap(
            read("2.out").split(separator: "\n").compactMap {
                (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
            }.last { $0["event"] as? String == "summary" }, read("2.out"))
        XCTAssertEqual(summary["pages_failed"] as? Int, 0, "pages are left pending, not failed")
        XCTAssertEqual((summary["failures"] as? [Any])?.count, 0, "no failure is reported page by page")
        let full = try XCTUnwrap(summary["disk_full"] as? [String: Any], "the summary says the disk is full")
        XCTAssertGreaterThan(full["pages_left"] as? Int ?? 0, 0)
        XCTAssertEqual(read("2.err").components(separatedBy: "The archive's disk is full").count - 1, 1, "one message:\n\(read("2.err"))")
        XCTAssertTrue(read("2.err").contains("Free at least"), read("2.err"))
        XCTAssertFalse(read("2.out").contains("\"failure\""), read("2.out"))
        if let status = try? JSONSerialization.jsonObject(with: Data(read("2.status").utf8)) as? [String: Any] {
            XCTAssertEqual((status["pagesByState"] as? [String: Int])?["failed"] ?? 0, 0, "no page is failed in the catalog")
        }
        print("disk full: \(full["pages_left"] ?? "?") pages left pending; \(full["message"] ?? "")")

        // 3. Room made: the same command completes the batch; nothing is lost.
        XCTAssertEqual(code("3.rc"), 0, read("3.err"))
        let copy = out.appendingPathComponent("archive")
        if let validator = try? SharedChecks.tool("validate-ocfl") {
            let result = try ProcessRunner.run(validator, [copy.path])
            XCTAssertEqual(result.exitCode, 0, result.stdout + result.stderr)
            XCTAssertTrue(result.stdout.contains("3/3 objects valid"), result.stdout)
        }
        let status = try Sohoa.run(["status", "--json", "--archive", copy.path])
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((json["itemsByState"] as? [String: Int])?["packaged"], batch.items.count)
        XCTAssertEqual((json["pagesByState"] as? [String: Int])?["done"], batch.pages)
        XCTAssertEqual(files(under: copy, endingWith: "0=ocfl_object_1.1").count, batch.items.count, "every item once")
        let catalogAudit = try Sohoa.run(["audit", "--catalog", "--archive", copy.path], environment: ["SOHOA_LANG": "en"])
        XCTAssertEqual(catalogAudit.exitCode, 0, catalogAudit.stdout + catalogAudit.stderr)
        let fixity = try Sohoa.run(["audit", "--archive", copy.path])
        XCTAssertEqual(fixity.exitCode, 0, fixity.stdout)
        try? FileManager.default.removeItem(at: folder)
    }

    /// Skips unless this process may mount a tmpfs in a private mount namespace (root, `unshare`).
    static func requirePrivateMounts() throws {
        guard geteuid() == 0 else { throw XCTSkip("the full-disk test mounts a small tmpfs and needs root (run as root, or in CI)") }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else {
            throw XCTSkip("the full-disk test needs unshare (util-linux) to mount a tmpfs privately")
        }
        let probe = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/unshare"),
            ["-m", "--propagation", "private", "/bin/sh", "-c", "mount -t tmpfs -o size=1m probe /mnt && umount /mnt"])
        guard probe.exitCode == 0 else {
            throw XCTSkip("cannot mount a tmpfs in a private mount namespace here (\(probe.stderr)); the full-disk test is skipped")
        }
    }
}
