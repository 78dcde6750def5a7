import Foundation
import SohoaTesting
import XCTest

/// Issue 14's end-to-end test in a real browser: an archivist edits an item's title, labels its pages by
/// a rule and types a two-level table of contents on the thumbnails; a reader sees the new title in
/// search and the labels and contents on the item page; the archive holds the new versions with their
/// PREMIS events, a valid METS with a logical structMap and a IIIF manifest with `structures`. The
/// browser steps are in Tests/Browser/cataloguing_flow.py; its screenshots (metadata, structure,
/// item-contents) go to `SOHOA_SCREENSHOTS` when set (docs/screens for the README).
extension BrowserEndToEndTests {
    static let newTitle = "Sự tích hoa ban (truyện cổ Thái, Phong Thổ)"
    static let contents: [(scan: Int, level: Int, title: String)] = [
        (1, 1, "Sự tích hoa ban"), (2, 2, "Nàng Ban chờ chàng Khum"), (3, 2, "Cây ban nở trắng núi rừng"),
    ]

    func testArchivistCataloguesAnItemAndReaderSeesTitleLabelsAndContents() throws {
        let python = try seleniumPython()

        // One small item of SampleScans (three pages) and an archivist.
        let work = try temporaryFolder("sohoa-browser-cataloguing")
        let batch = work.appendingPathComponent("batch")
        try FileManager.default.createDirectory(at: batch, withIntermediateDirectories: true)
        let item = "truyen-co-thai"
        try FileManager.default.copyItem(
            at: Sohoa.packageRoot.appendingPathComponent("SampleScans/\(item)"), to: batch.appendingPathComponent(item))
        let archive = work.appendingPathComponent("archive")
        let run = try Sohoa.run(["run", batch.path, "--archive", archive.path, "--jobs", "2", "--library", "LCH"])
        XCTAssertEqual(run.exitCode, 0, run.stderr)
        let add = try Sohoa.runWithInput(
            [
                "users", "add", "lo.thi.mai", "--role", "archivist", "--display-name", "Lò Thị Mai", "--password-stdin", "--archive",
                archive.path,
            ],
            input: "mat-khau-2026\n", environment: ["SOHOA_BCRYPT_COST": "4"])
        XCTAssertEqual(add.exitCode, 0, add.stderr)

        let server = try ServerProcess(archive: archive)
        defer { server.stop() }
        let screenshots = try screenshotFolder(in: work)
        let config: [String: Any] = [
            "base": server.base, "archivist": "lo.thi.mai", "password": "mat-khau-2026", "item": item, "new_title": Self.newTitle,
            "search_words": "hoa ban", "rules": "1: 15", "labels": ["15", "16", "17"],
            "contents": Self.contents.map { [$0.scan, $0.level, $0.title] as [Any] }, "screenshots": screenshots.path,
        ]
        try runFlow(
            "cataloguing_flow.py", python: python, config: config, work: work, server: server,
            screenshots: ["metadata", "structure", "item-contents"],
            in: screenshots)

        // The IIIF manifest: the labels on the canvases, the contents as nested ranges.
        let fetch = try ProcessRunner.run(
            python,
            [
                "-c", "import sys, urllib.request; sys.stdout.write(urllib.request.urlopen(sys.argv[1]).read().decode())",
                "\(server.base)/iiif/\(item)/manifest",
            ])
        server.stop()
        XCTAssertEqual(fetch.exitCode, 0, fetch.stderr)
        let manifestData = Data(fetch.stdout.utf8)
        let manifest = try XCTUnwrap(try JSONSerialization.jsonObject(with: manifestData) as? [String: Any])
        XCTAssertEqual((manifest["label"] as? [String: [String]])?.values.first?.first, Self.newTitle)
        let canvases = try XCTUnwrap(manifest["items"] as? [[String: Any]])
        XCTAssertEqual(canvases.compactMap { ($0["label"] as? [String: [String]])?["none"]?.first }, ["15", "16", "17"])
        let ranges = try XCTUnwrap(manifest["structures"] as? [[String: Any]], "the manifest has no structures")
        XCTAssertEqual(ranges.compactMap { ($0["label"] as? [String: [String]])?["none"]?.first }, ["Sự tích hoa ban"])
        let nested = (ranges.first?["items"] as? [[String: Any]] ?? []).filter { $0["type"] as? String == "Range" }
        XCTAssertEqual(nested.compactMap { ($0["label"] as? [String: [String]])?["none"]?.first }, Self.contents.dropFirst().map(\.title))
        let manifestFile = work.appendingPathComponent("manifest.json")
        try manifestData.write(to: manifestFile)
        try SharedChecks.assertValid("validate-iiif-manifest", [manifestFile.path])

        // The archive: v2 for the description, v3 for the labels and contents, each with its PREMIS
        // event naming the archivist; the METS is valid and has the logical structMap.
        let objects = files(under: archive, endingWith: "0=ocfl_object_1.1").map { $0.deletingLastPathComponent() }
        XCTAssertEqual(objects.count, 1)
        let object = try XCTUnwrap(objects.first)
        let inventory = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(contentsOf: object.appendingPathComponent("inventory.json"))) as? [String: Any])
        XCTAssertEqual(inventory["head"] as? String, "v3", "a new version for the title and another for the structure")
        let metsURL = object.appendingPathComponent("v3/content/mets.xml")
        let mets = try String(contentsOf: metsURL, encoding: .utf8)
        let modifications = mets.components(separatedBy: "<premis:eventType>metadata modification</premis:eventType>").count - 1
        XCTAssertEqual(modifications, 2, "one PREMIS metadata modification event for the title, one for the structure")
        XCTAssertTrue(mets.contains("<premis:agentName>Lò Thị Mai (lo.thi.mai)</premis:agentName>"), "the archivist is not named in PREMIS")
        XCTAssertTrue(mets.contains("<mets:structMap TYPE=\"LOGICAL\">"), "no logical structMap in METS")
        for title in Self.contents.map(\.title) + [Self.newTitle] {
            XCTAssertTrue(mets.contains(title), "METS lacks \(title)")
        }
        XCTAssertTrue(mets.contains("ORDERLABEL=\"15\""), "no page label in METS")
        try SharedChecks.assertValidXML([metsURL])
    }
}
