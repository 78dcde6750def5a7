import Foundation
import SohoaTesting
import XCTest

/// `sohoa serve` counts a reader's visit (and not a robot's), writes the counts when it stops, and
/// `sohoa stats` reports them against the plan's targets.
final class StatsCLITests: XCTestCase {
    static let firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"

    func testServerCountsAndStatsReportsThem() throws {
        let curl = URL(fileURLWithPath: "/usr/bin/curl")
        guard FileManager.default.isExecutableFile(atPath: curl.path) else { throw XCTSkip("curl is not installed") }
        let folder = try temporaryFolder("sohoa-stats", removedAfter: self)
        let archive = folder.appendingPathComponent("archive")
        let item = folder.appendingPathComponent("batch/thai-den")
        try FileManager.default.createDirectory(at: item, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Sohoa.packageRoot.appendingPathComponent("SampleScans/bao-lai-chau-1998/trang-3.png"),
            to: item.appendingPathComponent("1.png"))
        try Data("title: Thư tịch cổ Thái đen\nlanguage: blt\n".utf8).write(to: item.appendingPathComponent("item.yaml"))
        let run = try Sohoa.run([
            "run", folder.appendingPathComponent("batch").path, "--archive", archive.path, "--library", "LCH", "--pipeline",
            "Pipelines/image-only.yaml",
        ])
        XCTAssertEqual(run.exitCode, 0, run.stdout + run.stderr)

        let server = try ServerProcess(archive: archive)
        defer { server.stop() }
        func status(_ path: String, agent: String?) throws -> String {
            var arguments = ["-s", "-o", "/dev/null", "-w", "%{http_code}", server.base + path]
            if let agent { arguments += ["-A", agent] }
            return try ProcessRunner.run(curl, arguments).stdout
        }
        XCTAssertEqual(try status("/items/thai-den", agent: Self.firefox), "200")
        XCTAssertEqual(try status("/items/thai-den", agent: Self.firefox), "200", "a double click, counted once")
        XCTAssertEqual(try status("/items/thai-den/pages/1/image", agent: Self.firefox), "200")
        XCTAssertEqual(try status("/search?q=th%C3%A1i", agent: Self.firefox), "200")
        XCTAssertEqual(try status("/items/thai-den", agent: nil), "200", "curl's own User-Agent: a robot")
        XCTAssertEqual(try status("/items/thai-den", agent: "Mozilla/5.0 (compatible; bingbot/2.0)"), "200")
        server.stop()  // the counts are written when the server stops, without waiting for the next flush
        XCTAssertFalse(server.process.isRunning)

        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        let stats = try Sohoa.run(["stats", "--archive", archive.path, "--year", "\(year)", "--json"])
        XCTAssertEqual(stats.exitCode, 0, stats.stderr + "\nserver:\n" + server.output)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any], stats.stdout)
        let total = try XCTUnwrap(report["total"] as? [String: Int], stats.stdout)
        XCTAssertEqual(total, ["visits": 1, "itemViews": 1, "pageViews": 1, "downloads": 0, "searches": 1], stats.stdout)
        XCTAssertEqual(report["libraryVisits"] as? Int, 1)
        XCTAssertEqual((report["targets"] as? [String: Int])?["collectionVisits"], 10_000)
        let text = try Sohoa.run(["stats", "--archive", archive.path, "--year", "\(year)"])
        XCTAssertEqual(text.exitCode, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("Lượt truy cập thư viện số: 1 / 10000 = 0%"), text.stdout)
        XCTAssertTrue(text.stdout.contains("Lượt truy cập cộng theo thư viện: 1 / 35000"), text.stdout)
        XCTAssertTrue(text.stdout.contains("thai-den (LCH) Thư tịch cổ Thái đen: xem 1, trang 1, tải 0"), text.stdout)
        let library = try Sohoa.run(["stats", "--archive", archive.path, "--year", "\(year)", "--library", "lch"])
        XCTAssertTrue(library.stdout.contains("thư viện LCH"), library.stdout)
        let unknown = try Sohoa.run(["stats", "--archive", archive.path, "--year", "\(year)", "--library", "KHONG"])
        XCTAssertEqual(unknown.exitCode, 2)
        XCTAssertTrue(unknown.stderr.contains("no library 'KHONG'"), unknown.stderr)

        // The manager's targets in goals.yaml: `sohoa stats` and `sohoa report` both follow them.
        let goals = archive.appendingPathComponent("goals.yaml")
        try Data("goals: []\nusage-targets:\n  digital-collection-visits: 2000\n  library-visits: 7000\n".utf8).write(to: goals)
        let edited = try Sohoa.run(["stats", "--archive", archive.path, "--year", "\(year)"])
        XCTAssertTrue(edited.stdout.contains("Lượt truy cập thư viện số: 1 / 2000"), edited.stdout + edited.stderr)
        let out = folder.appendingPathComponent("report")
        let made = try Sohoa.run(["report", "--archive", archive.path, "--year", "\(year)", "--out", out.path])
        XCTAssertEqual(made.exitCode, 0, made.stderr)
        let usage = try String(contentsOf: out.appendingPathComponent("usage.csv"), encoding: .utf8)
        XCTAssertTrue(usage.contains("\(year),digital-collection,1,2000,"), usage)
        XCTAssertTrue(usage.contains("\(year),libraries,1,7000,"), usage)
        // A goals file named on the command line must exist.
        let missing = folder.appendingPathComponent("muc-tieu.yaml").path
        for command in ["stats", "report", "progress"] {
            var arguments = [command, "--archive", archive.path, "--goals", missing]
            if command != "progress" { arguments += ["--year", "\(year)"] }
            if command == "report" { arguments += ["--out", out.path] }
            let refused = try Sohoa.run(arguments)
            XCTAssertEqual(refused.exitCode, 2, command)
            XCTAssertTrue(refused.stderr.contains("\(missing): no such file"), command + ": " + refused.stderr)
        }
        XCTAssertEqual(try Sohoa.run(["stats", "--archive", archive.path, "--year", "25"]).exitCode, 2)
    }
}
