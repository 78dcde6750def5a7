import Foundation
import SohoaTesting
import XCTest

/// The README's main job: the default pipeline over `SampleScans/` into an archive. Every page is
/// archived, the text matches the ground truth (CER ≤ 2%, third-party `cer`), search and export
/// work, and a second run does no OCR.
final class SampleScansEndToEndTests: XCTestCase {
    static let samples = Sohoa.packageRoot.appendingPathComponent("SampleScans")
    nonisolated(unsafe) static var archive: URL?
    nonisolated(unsafe) static var firstRun: Sohoa.Result?

    func prepared() throws -> (URL, Sohoa.Result) {
        if let archive = Self.archive, let run = Self.firstRun { return (archive, run) }
        let archive = try temporaryFolder("sohoa-samples").appendingPathComponent("archive")
        let run = try Sohoa.run(["run", Self.samples.path, "--archive", archive.path, "--jobs", "2", "--library", "LCH"])
        Self.archive = archive
        Self.firstRun = run
        return (archive, run)
    }

    /// Ground-truth files and the (item, page) each belongs to, in batch order.
    func groundTruth() -> [(gt: URL, item: String, page: String)] {
        files(under: Self.samples, endingWith: ".gt.txt")
            .sorted { $0.path.compare($1.path, options: .numeric) == .orderedAscending }  // page order, as in the PDF
            .map { gt in
                let page = String(gt.lastPathComponent.dropLast(".gt.txt".count))
                let parent = gt.deletingLastPathComponent()
                if parent.standardizedFileURL == Self.samples.standardizedFileURL {
                    let item = page.replacingOccurrences(of: #"-p\d{4}$"#, with: "", options: .regularExpression)
                    return (gt, item, page)
                }
                return (gt, parent.lastPathComponent, page)
            }
    }

    func testEveryPageArchivedWithoutFailures() throws {
        let (_, run) = try prepared()
        XCTAssertEqual(run.exitCode, 0, run.stderr)
        let summary = try XCTUnwrap(run.runSummary, run.stdout)
        let pages = groundTruth().count
        XCTAssertGreaterThanOrEqual(pages, 12)
        XCTAssertEqual(summary["pages_done"] as? Int, pages)
        XCTAssertEqual(summary["items_packaged"] as? Int, Set(groundTruth().map(\.item)).count)
        XCTAssertTrue((summary["failures"] as? [Any])?.isEmpty ?? false)
        let events = run.jsonLines.compactMap { $0["event"] as? String }
        // Warnings about the batch as a whole come before the plan: SampleScans holds JPEG-in-TIFF
        // pages, lossy masters kept with a warning under the default `lossy-masters: warn`.
        XCTAssertEqual(events.first { $0 != "warning" }, "planned", "JSON lines progress when not on a terminal")
        let warnings = run.jsonLines.filter { $0["event"] as? String == "warning" }.compactMap { $0["message"] as? String }
        XCTAssertTrue(warnings.contains { $0.contains("trang-1.tif") }, "the JPEG-in-TIFF pages are named as lossy: \(warnings)")
        XCTAssertEqual(events.filter { $0 == "page_done" }.count, pages)
    }

    func testCharacterErrorRateAgainstGroundTruthIsAtMostTwoPercent() throws {
        let (archive, _) = try prepared()
        let cer = try SharedChecks.tool("cer")
        let out = try temporaryFolder("sohoa-text")
        let export = try Sohoa.run(["export", "--all", "--format", "text", "--out", out.path, "--archive", archive.path])
        XCTAssertEqual(export.exitCode, 0, export.stderr)
        var allGT = "", allOCR = ""
        for (gt, item, page) in groundTruth() {
            let text = out.appendingPathComponent(item).appendingPathComponent("\(page).txt")
            XCTAssertTrue(FileManager.default.fileExists(atPath: text.path), "export writes <out>/<item>/<page>.txt: \(item)/\(page).txt")
            allGT += try String(contentsOf: gt, encoding: .utf8) + "\n"
            allOCR += ((try? String(contentsOf: text, encoding: .utf8)) ?? "") + "\n"
        }
        let folder = try temporaryFolder("sohoa-cer")
        try Data(allGT.utf8).write(to: folder.appendingPathComponent("gt.txt"))
        try Data(allOCR.utf8).write(to: folder.appendingPathComponent("ocr.txt"))
        let result = try ProcessRunner.run(
            cer, ["--max-cer", "0.02", folder.appendingPathComponent("gt.txt").path, folder.appendingPathComponent("ocr.txt").path])
        print("SampleScans overall: \(result.stdout.split(separator: "\n").last ?? "")")
        XCTAssertEqual(result.exitCode, 0, "overall CER must be ≤ 2%: \(result.stdout)")
    }

    func testMetadataFromItemYAMLCSVAndFolderName() throws {
        let (archive, _) = try prepared()
        let dc = { (item: String) throws -> String in
            let url = try XCTUnwrap(files(under: archive, endingWith: "dc.xml").first { $0.path.contains("%3a\(item)/") })
            return try String(contentsOf: url, encoding: .utf8)
        }
        let yaml = try String(contentsOf: Self.samples.appendingPathComponent("dia-chi-lai-chau/item.yaml"), encoding: .utf8)
        let title = try XCTUnwrap(yaml.split(separator: "\n").first { $0.hasPrefix("title:") }).dropFirst("title:".count)
            .trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        XCTAssertTrue(try dc("dia-chi-lai-chau").contains(title), "item.yaml title in dc.xml")
        XCTAssertTrue(try dc("truyen-co-thai").contains("<dc:title>truyen co thai</dc:title>"), "no metadata: title from the folder name")
        let csv = try String(contentsOf: Self.samples.appendingPathComponent("items.csv"), encoding: .utf8)
        XCTAssertTrue(csv.contains("cong-van-2021"))
        XCTAssertFalse(try dc("cong-van-2021").contains("<dc:title>cong van 2021</dc:title>"), "items.csv gives the root TIFF's title")
        try SharedChecks.assertValid("validate-ocfl", [archive.path])
    }

    func testSearchWithAndWithoutDiacritics() throws {
        let (archive, _) = try prepared()
        let gt = groundTruth()
        let all = try gt.map { try String(contentsOf: $0.gt, encoding: .utf8) }.joined(separator: "\n")
        XCTAssertTrue(all.contains("Lai Châu"))
        for query in ["lai chau", "Lai Châu", "LAI CHÂU"] {
            let result = try Sohoa.run(["search", query, "--archive", archive.path, "--limit", "50"])
            XCTAssertEqual(result.exitCode, 0, result.stderr)
            XCTAssertGreaterThan(result.stdout.split(separator: "\n").count, 3, "\(query) finds many pages:\n\(result.stdout)")
            XCTAssertTrue(
                result.stdout.contains("«Lai» «Châu»") || result.stdout.contains("«Lai Châu»"),
                "snippet shows the original with marks:\n\(result.stdout)")
        }
        if all.contains("Đ") {
            let word = try XCTUnwrap(all.split(whereSeparator: { !$0.isLetter }).first { $0.hasPrefix("Đ") && $0.count > 2 })
            let folded = String(word).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).replacingOccurrences(
                of: "đ", with: "d")
            let result = try Sohoa.run(["search", folded, "--archive", archive.path])
            XCTAssertTrue(result.stdout.contains(String(word)), "\(folded) finds \(word) (đ → d):\n\(result.stdout)")
        }
        let none = try Sohoa.run(["search", "xyzzyqwerty", "--archive", archive.path])
        XCTAssertEqual(none.exitCode, 0)
    }

    func testExportPDFAndStatus() throws {
        let (archive, _) = try prepared()
        let out = try temporaryFolder("sohoa-pdf")
        let export = try Sohoa.run(["export", "dia-chi-lai-chau", "--format", "pdf", "--out", out.path, "--archive", archive.path])
        XCTAssertEqual(export.exitCode, 0, export.stderr)
        let pdf = out.appendingPathComponent("dia-chi-lai-chau.pdf")
        let gt = try groundTruth().filter { $0.item == "dia-chi-lai-chau" }.map { try String(contentsOf: $0.gt, encoding: .utf8) }.joined(
            separator: "\n")
        try Data(gt.utf8).write(to: out.appendingPathComponent("gt.txt"))
        try SharedChecks.assertValid(
            "validate-pdf",
            [pdf.path, "--expect-text", "--pdfa-1b", "--text-gt", out.appendingPathComponent("gt.txt").path, "--max-cer", "0.02"])
        // The compact reading PDF (issue 17): the same text, a fraction of the size.
        let readingOut = out.appendingPathComponent("reading")
        let reading = try Sohoa.run(
            ["export", "dia-chi-lai-chau", "--format", "pdf-reading", "--out", readingOut.path, "--archive", archive.path])
        XCTAssertEqual(reading.exitCode, 0, reading.stderr)
        let readingPDF = readingOut.appendingPathComponent("dia-chi-lai-chau.pdf")
        try SharedChecks.assertValid(
            "validate-pdf",
            [readingPDF.path, "--expect-text", "--pdfa-1b", "--text-gt", out.appendingPathComponent("gt.txt").path, "--max-cer", "0.02"])
        func text(_ pdf: URL) throws -> String {
            try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/pdftotext"), ["-enc", "UTF-8", pdf.path, "-"]).stdout
        }
        XCTAssertEqual(try text(readingPDF), try text(pdf), "the reading PDF gives back the archival PDF's text")
        let sizes = (reading: try Data(contentsOf: readingPDF).count, archival: try Data(contentsOf: pdf).count)
        print("dia-chi-lai-chau: archival PDF \(sizes.archival) bytes, reading PDF \(sizes.reading) bytes")
        XCTAssertLessThan(sizes.reading * 5, sizes.archival)
        let status = try Sohoa.run(["status", "--archive", archive.path], environment: ["SOHOA_LANG": "en"])
        XCTAssertEqual(status.exitCode, 0, status.stderr)
        XCTAssertTrue(status.stdout.contains("archived: \(Set(groundTruth().map(\.item)).count)"), status.stdout)
        XCTAssertTrue(status.stdout.contains("ocr        done \(groundTruth().count)"), status.stdout)
        let json = try Sohoa.run(["status", "--json", "--archive", archive.path])
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)))
    }

    func testEveryHOCRAndALTOOfDeskewedPagesValidates() throws {
        let (archive, _) = try prepared()
        let hocr = files(under: archive, endingWith: ".hocr")
        XCTAssertEqual(hocr.count, groundTruth().count)
        // Every SampleScans page is skewed: boxes mapped back onto the master must still be tight
        // enough that lines do not overlap (hocr-check's mostly_nonoverlapping test).
        for file in try SharedChecks.percentFreeCopies(of: hocr) {
            try SharedChecks.assertValid("validate-hocr", [file.path])
        }
        let alto = files(under: archive, endingWith: ".xml").filter { $0.path.contains("/content/alto/") }
        try SharedChecks.assertValid("validate-xml", try SharedChecks.percentFreeCopies(of: alto).map(\.path))
    }

    func testSecondRunDoesNoOCR() throws {
        let (archive, _) = try prepared()
        let again = try Sohoa.run(["run", Self.samples.path, "--archive", archive.path, "--jobs", "2", "--library", "LCH"])
        XCTAssertEqual(again.exitCode, 0, again.stderr)
        let summary = try XCTUnwrap(again.runSummary)
        XCTAssertEqual(summary["pages_done"] as? Int, 0)
        XCTAssertEqual(summary["items_skipped"] as? Int, Set(groundTruth().map(\.item)).count)
    }
}
