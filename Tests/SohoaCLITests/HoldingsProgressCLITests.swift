import Foundation
import SohoaTesting
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `sohoa holdings import|check`, `sohoa progress` and `sohoa report` run as a user runs them.
final class HoldingsProgressCLITests: XCTestCase {
    static let fixtures = Sohoa.packageRoot.appendingPathComponent("Tests/Fixtures/holdings")

    func json(_ result: Sohoa.Result) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], result.stdout + result.stderr)
    }

    func testImportCheckProgressAndReportFromTheCommandLine() throws {
        let folder = try temporaryFolder()
        let archive = folder.appendingPathComponent("archive").path
        // The register can come before any batch: the archive is created for it.
        let first = try Sohoa.run([
            "holdings", "import", Self.fixtures.appendingPathComponent("register.csv").path, "--archive", archive, "--json",
        ])
        XCTAssertEqual(first.exitCode, 1, "rows were rejected: \(first.stderr)")
        let report = try json(first)
        XCTAssertEqual(report["added"] as? Int, 7)
        XCTAssertEqual((report["rejected"] as? [[String: Any]])?.count, 6)
        let second = try Sohoa.run([
            "holdings", "import", Self.fixtures.appendingPathComponent("register-v2.csv").path, "--archive", archive,
        ])
        XCTAssertEqual(second.exitCode, 0, second.stderr)
        XCTAssertTrue(second.stdout.contains("thêm 1, cập nhật 1, không đổi 2, bị từ chối 0"), second.stdout)
        let refused = try Sohoa.run([
            "holdings", "import", Self.fixtures.appendingPathComponent("register-cp1258.csv").path, "--archive", archive,
        ])
        XCTAssertEqual(refused.exitCode, 2)
        XCTAssertTrue(refused.stderr.contains("is not UTF-8"), refused.stderr)

        // A batch of one image-only item linked to a holding.
        let item = folder.appendingPathComponent("batch/thai-den")
        try FileManager.default.createDirectory(at: item, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Sohoa.packageRoot.appendingPathComponent("SampleScans/bao-lai-chau-1998/trang-3.png"),
            to: item.appendingPathComponent("1.png"))
        try Data("title: Thư tịch cổ Thái đen\nlanguage: blt\nholding-id: LCH-0003\n".utf8).write(
            to: item.appendingPathComponent("item.yaml"))
        let run = try Sohoa.run([
            "run", folder.appendingPathComponent("batch").path, "--archive", archive, "--library", "LCH", "--pipeline",
            "Pipelines/image-only.yaml",
        ])
        XCTAssertEqual(run.exitCode, 0, run.stdout + run.stderr)

        let check = try Sohoa.run(["holdings", "check", "--archive", archive])
        XCTAssertEqual(check.exitCode, 0, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.contains("Sổ đăng ký: 8 tài liệu; tài liệu số: 1"), check.stdout)

        let progress = try Sohoa.run(["progress", "--archive", archive, "--json"])
        XCTAssertEqual(progress.exitCode, 0, progress.stderr)
        let goals = try XCTUnwrap(try json(progress)["goals"] as? [[String: Any]])
        // In scope: LCH-0001…0005 and LCH-0011 (from the second file); done: LCH-0003.
        XCTAssertEqual(goals[0]["total"] as? Int, 6)
        XCTAssertEqual(goals[0]["done"] as? Int, 1)
        XCTAssertEqual(goals[0]["targetCount"] as? Int, 5)
        XCTAssertEqual(goals[1]["done"] as? Int, 1)
        let text = try Sohoa.run(["progress", "--archive", archive, "--by", "type"])
        XCTAssertEqual(text.exitCode, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("1 / 6 tài liệu = 16.7%  [█████░░░"), text.stdout)
        XCTAssertTrue(text.stdout.contains("Bản thảo, thư tịch cổ"), text.stdout)
        XCTAssertEqual(try Sohoa.run(["progress", "--archive", archive, "--by", "colour"]).exitCode, 2)

        // The manager's goals file replaces the defaults.
        let write = try Sohoa.run(["progress", "--archive", archive, "--write-goals"])
        XCTAssertEqual(write.exitCode, 0, write.stderr)
        let goalsFile = URL(fileURLWithPath: archive).appendingPathComponent("goals.yaml")
        let edited = try String(contentsOf: goalsFile, encoding: .utf8).replacingOccurrences(of: "target: 70\n", with: "target: 50\n")
        try Data(edited.utf8).write(to: goalsFile)
        let again = try json(try Sohoa.run(["progress", "--archive", archive, "--json"]))
        XCTAssertEqual(again["goalsFile"] as? String, goalsFile.path)
        XCTAssertEqual((again["goals"] as? [[String: Any]])?.first?["targetCount"] as? Int, 3)

        let out = folder.appendingPathComponent("report")
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        let made = try Sohoa.run(["report", "--archive", archive, "--year", "\(year)", "--out", out.path])
        XCTAssertEqual(made.exitCode, 0, made.stderr)
        for name in ["bao-cao.html", "goals.csv", "months.csv", "libraries.csv", "types.csv", "ocr.csv", "audits.csv", "failures.csv"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), name)
        }
        let parser = XMLParser(contentsOf: out.appendingPathComponent("bao-cao.html"))
        XCTAssertEqual(parser?.parse(), true, "well-formed: \(String(describing: parser?.parserError))")
        XCTAssertEqual(try Sohoa.run(["report", "--archive", archive, "--year", "25", "--out", out.path]).exitCode, 2)
    }
}
