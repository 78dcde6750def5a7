import Foundation
import SohoaTesting
import XCTest

/// Issue 15's web upload in a real browser: a district scanner picks a folder of two scans and an
/// items.csv on the upload form, and follows the submission on its status page until the server's
/// batch service has archived it; the item is archived once, under the scanner's library, with the
/// title from the items.csv, and the inbox is emptied. The browser steps are in
/// Tests/Browser/upload_flow.py; its screenshots (upload, submission-archived) go to
/// `SOHOA_SCREENSHOTS` when set (docs/screens for the README).
extension BrowserEndToEndTests {
    func testAScannerSendsAFolderOnTheWebAndFollowsItUntilArchived() throws {
        let python = try seleniumPython()

        // The provincial archive (one seed page, so there is an archive to serve), the district
        // library and its scanner; submitted batches go through the image-only pipeline (no OCR).
        let work = try temporaryFolder("sohoa-browser-upload")
        let seed = work.appendingPathComponent("seed/mot-trang")
        try FileManager.default.createDirectory(at: seed, withIntermediateDirectories: true)
        let samples = Sohoa.packageRoot.appendingPathComponent("SampleScans")
        try FileManager.default.copyItem(
            at: samples.appendingPathComponent("bao-lai-chau-1998/trang-1.tif"), to: seed.appendingPathComponent("trang-1.tif"))
        let archive = work.appendingPathComponent("archive")
        let image = Sohoa.packageRoot.appendingPathComponent("Pipelines/image-only.yaml").path
        let run = try Sohoa.run([
            "run", seed.deletingLastPathComponent().path, "--archive", archive.path, "--pipeline", image, "--library", "LCH",
        ])
        XCTAssertEqual(run.exitCode, 0, run.stderr)
        try Data("submissions:\n  pipeline: \(image)\n".utf8).write(to: archive.appendingPathComponent("server.yaml"))
        let library = try Sohoa.run(["libraries", "add", "TDG", "Thư viện huyện Tam Đường", "--archive", archive.path])
        XCTAssertEqual(library.exitCode, 0, library.stderr)
        let add = try Sohoa.runWithInput(
            ["users", "add", "tdg.scan", "--role", "scanner", "--library", "TDG", "--password-stdin", "--archive", archive.path],
            input: "mat-khau-2026\n", environment: ["SOHOA_BCRYPT_COST": "4"])
        XCTAssertEqual(add.exitCode, 0, add.stderr)

        // The batch as the district has it: one item of two scans (and their notes), the items.csv beside it.
        let batch = work.appendingPathComponent("lo-tam-duong")
        let item = batch.appendingPathComponent("bao-xuan-1998")
        try FileManager.default.createDirectory(at: item, withIntermediateDirectories: true)
        for name in ["trang-1.tif", "trang-1.gt.txt", "trang-2.tif"] {
            try FileManager.default.copyItem(
                at: samples.appendingPathComponent("bao-lai-chau-1998/\(name)"), to: item.appendingPathComponent(name))
        }
        let items = work.appendingPathComponent("items.csv")
        let title = "Báo Lai Châu, số Xuân 1998 (gửi qua trang web)"
        try Data("item,title,date\nbao-xuan-1998,\"\(title)\",1998-01\n".utf8).write(to: items)

        let server = try ServerProcess(archive: archive)
        defer { server.stop() }
        let screenshots = try screenshotFolder(in: work)
        let config: [String: Any] = [
            "base": server.base, "scanner": "tdg.scan", "password": "mat-khau-2026", "folder": batch.path, "items": items.path,
            "batch_name": "lo-tam-duong", "screenshots": screenshots.path, "timeout": 300,
        ]
        try runFlow(
            "upload_flow.py", python: python, config: config, work: work, server: server, screenshots: ["upload", "submission-archived"],
            in: screenshots)
        server.stop()

        // Archived once under the scanner's library, with the items.csv's title; the inbox is empty.
        let inventories = files(under: archive, endingWith: "inventory.json").filter {
            let parent = $0.deletingLastPathComponent().lastPathComponent
            return !$0.path.contains("/extensions/") && !(parent.hasPrefix("v") && Int(parent.dropFirst()) != nil)
        }
        let ids = try inventories.map { url -> String in
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
            return json?["id"] as? String ?? ""
        }
        XCTAssertEqual(ids.sorted(), ["urn:sohoa:LCH:mot-trang", "urn:sohoa:TDG:bao-xuan-1998"])
        let mets = files(under: archive, endingWith: "mets.xml").filter { !$0.path.contains("/extensions/") }
        let metsText = try mets.map { try String(contentsOf: $0, encoding: .utf8) }.joined()
        XCTAssertTrue(metsText.contains(title), "the items.csv's title is in the METS")
        let inbox = archive.appendingPathComponent("extensions/sohoa-inbox")
        XCTAssertEqual((try? FileManager.default.contentsOfDirectory(atPath: inbox.path)) ?? [], [], "the inbox is emptied")
        try SharedChecks.assertValid("validate-ocfl", [archive.path])
    }
}
