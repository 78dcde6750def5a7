import Foundation
import SohoaTesting
import XCTest

/// Issue 6's end-to-end test in a real browser (Debian's chromium, driven by Selenium): an archivist
/// corrects a word and approves the page, the public search finds it without diacritics, the archive
/// holds a new version, and a reader cannot open a restricted item by its URL. The browser steps are
/// in Tests/Browser/review_flow.py. Screenshots go to `SOHOA_SCREENSHOTS` when set (docs/ for the
/// README), otherwise to a temporary folder.
final class BrowserEndToEndTests: XCTestCase {
    static let corrected = "Nậmnhùnxưa"
    static let searchWords = "namnhunxua"

    func testArchivistCorrectsApprovesAndReaderFindsTheWord() throws {
        let python = try seleniumPython()

        // A small batch: two items of SampleScans, one of them restricted.
        let work = try temporaryFolder("sohoa-browser")
        let batch = work.appendingPathComponent("batch")
        try FileManager.default.createDirectory(at: batch, withIntermediateDirectories: true)
        let samples = Sohoa.packageRoot.appendingPathComponent("SampleScans")
        for item in ["truyen-co-thai", "dia-chi-lai-chau"] {
            try FileManager.default.copyItem(at: samples.appendingPathComponent(item), to: batch.appendingPathComponent(item))
        }
        for extra in ["p10", "p11", "p12"] {
            for suffix in [".tif", ".gt.txt"] {
                try? FileManager.default.removeItem(at: batch.appendingPathComponent("dia-chi-lai-chau/\(extra)\(suffix)"))
            }
        }
        let archive = work.appendingPathComponent("archive")
        let run = try Sohoa.run(["run", batch.path, "--archive", archive.path, "--jobs", "2", "--library", "LCH"])
        XCTAssertEqual(run.exitCode, 0, run.stderr)
        let fastHash = ["SOHOA_BCRYPT_COST": "4"]
        for (name, role) in [("lo.thi.mai", "archivist"), ("quan.ly", "manager")] {
            let add = try Sohoa.runWithInput(
                ["users", "add", name, "--role", role, "--password-stdin", "--archive", archive.path], input: "mat-khau-2026\n",
                environment: fastHash)
            XCTAssertEqual(add.exitCode, 0, add.stderr)
        }
        // A small register of special-value holdings, one of them digitized (dia-chi-lai-chau), so the
        // dashboard shows a real share of the 70% goal.
        let register = work.appendingPathComponent("register.csv")
        try """
        Mã tài liệu,Nhan đề,Mã thư viện,Loại hình,Giá trị đặc biệt,Ngôn ngữ,Số trang,Năm
        LCH-DC-0001,Địa chí Lai Châu,LCH,địa chí,có,vie,480,2016
        LCH-0002,Lịch sử Lai Châu,LCH,Sách quý hiếm,có,vie,212,1925
        LCH-0003,Thư tịch cổ Thái đen: Quắm tố mướn,LCH,bản thảo,có,blt,96,[18--?]
        LCH-0004,Truyện cổ dân tộc Mảng,LCH,địa chí,có,vie,150,1998

        """.write(to: register, atomically: true, encoding: .utf8)
        let holdings = try Sohoa.run(["holdings", "import", register.path, "--archive", archive.path])
        XCTAssertEqual(holdings.exitCode, 0, holdings.stderr)
        let restrict = try Sohoa.run(["access", "dia-chi-lai-chau", "restricted", "--archive", archive.path])
        XCTAssertEqual(restrict.exitCode, 0, restrict.stderr)

        let server = try ServerProcess(archive: archive)
        defer { server.stop() }
        let screenshots = try screenshotFolder(in: work)
        let config: [String: Any] = [
            "base": server.base, "archivist": "lo.thi.mai", "manager": "quan.ly", "password": "mat-khau-2026",
            "restricted_item": "dia-chi-lai-chau", "restricted_title": "Địa chí Lai Châu",
            "corrected_word": Self.corrected, "search_words": Self.searchWords, "screenshots": screenshots.path,
            "public_item": "truyen-co-thai",
        ]
        try runFlow(
            "review_flow.py", python: python, config: config, work: work, server: server,
            screenshots: ["review", "search", "dashboard", "dashboard-usage"],
            in: screenshots)

        // The archive has a new version of the corrected item, and the word is in its text.
        server.stop()
        let status = try Sohoa.run(["status", "--archive", archive.path, "--json"])
        XCTAssertEqual(status.exitCode, 0, status.stderr)
        let export = try Sohoa.run([
            "export", "--all", "--format", "text", "--out", work.appendingPathComponent("out").path, "--archive", archive.path,
        ])
        XCTAssertEqual(export.exitCode, 0, export.stderr)
        let texts = files(under: work.appendingPathComponent("out"), endingWith: ".txt")
        let holding = try texts.filter { try String(contentsOf: $0, encoding: .utf8).contains(Self.corrected) }
        XCTAssertEqual(holding.count, 1, "the corrected word should be in exactly one exported page text")
        let inventories = files(under: archive, endingWith: "inventory.json").filter { !$0.path.contains("/extensions/") }
        let heads = try inventories.map { url -> String in
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
            return json?["head"] as? String ?? ""
        }
        XCTAssertTrue(heads.contains("v2"), "no object has a second version after the correction: \(heads)")
    }
}
