import Foundation
import SohoaTesting
import XCTest

/// Issue 11: `sohoa run` on pages in fonts and layouts that `SampleScans/` does not use
/// (`scripts/generate-eval-pages.py --mild`: clean scans, so what is measured is orientation and
/// layout, not noise). Pages turned 90/180/270° with skew and two-page spreads (upright and upside
/// down) read at ≤ 2% CER per page, each half of a spread as `<page>-a`/`<page>-b`; landscape single
/// pages (long lines, a table) are not split; a page of random noise and a photograph are flagged
/// suspect, and readable pages are not.
final class UntunedPagesEndToEndTests: XCTestCase {
    /// A generated page, as `manifest.json` describes it.
    struct Page {
        var name: String
        var kind: String
        var turn: Int
        var spread: Bool
        var unreadable: Bool
        /// Ground truth: the page's, or the left and right halves' for a spread.
        var groundTruth: [URL]
    }

    /// The pages (names in the generator's default plan) and what the test expects each to be.
    static let picked: [(name: String, kind: String, turn: Int)] = [
        ("eval-0003", "portrait", 90), ("eval-0005", "portrait", 180), ("eval-0006", "portrait", 270),
        ("eval-0001", "spread", 0), ("eval-0026", "spread", 180),
        ("eval-0002", "table", 0), ("eval-0029", "landscape", 180),
        ("eval-0042", "unreadable", 0), ("eval-0084", "unreadable", 0),
    ]

    struct Fixture {
        var pages: [Page]
        var archive: URL
        var text: URL
        var run: Sohoa.Result
    }

    nonisolated(unsafe) static var fixture: Fixture?

    /// Generates the pages, runs sohoa on them once and exports their text; the tests read the result.
    func prepared() throws -> Fixture {
        if let fixture = Self.fixture { return fixture }
        let folder = try temporaryFolder("sohoa-untuned")
        let generated = folder.appendingPathComponent("generated")
        let python = try Self.pythonWithPillow()
        let generator = Sohoa.packageRoot.appendingPathComponent("scripts/generate-eval-pages.py")
        let names = Self.picked.map(\.name).joined(separator: ",")
        let generation = try ProcessRunner.run(python, [generator.path, "--mild", "--only", names, "--out", generated.path])
        if generation.exitCode != 0, generation.stderr.contains("not found") || generation.stderr.contains("Pillow is missing") {
            throw XCTSkip("the page generator cannot run here: \(generation.stderr) (scripts/install-deps.sh --with-tests)")
        }
        XCTAssertEqual(generation.exitCode, 0, generation.stderr)
        let pages = try Self.readManifest(generated)
        for expected in Self.picked {
            let page = try XCTUnwrap(pages.first { $0.name == expected.name }, "\(expected.name) generated")
            XCTAssertEqual(page.kind, expected.kind, "\(page.name): the generator's plan changed; pick pages again")
            XCTAssertEqual(page.turn, expected.turn, "\(page.name): the generator's plan changed; pick pages again")
        }
        // The batch holds the scans only (one item per page), not the ground truth or the manifest.
        let batch = folder.appendingPathComponent("batch")
        try FileManager.default.createDirectory(at: batch, withIntermediateDirectories: true)
        for file in try FileManager.default.contentsOfDirectory(at: generated, includingPropertiesForKeys: nil)
        where ["png", "tif"].contains(file.pathExtension) {
            try FileManager.default.copyItem(at: file, to: batch.appendingPathComponent(file.lastPathComponent))
        }
        let archive = folder.appendingPathComponent("archive")
        let run = try Sohoa.run(["run", batch.path, "--archive", archive.path, "--jobs", "2"])
        let text = folder.appendingPathComponent("text")
        let export = try Sohoa.run(["export", "--all", "--format", "text", "--out", text.path, "--archive", archive.path])
        XCTAssertEqual(export.exitCode, 0, export.stderr)
        let fixture = Fixture(pages: pages, archive: archive, text: text, run: run)
        Self.fixture = fixture
        return fixture
    }

    /// Every turned page and spread, the clean (`--mild`) upright spread in TeX Gyre Cursor (eval-0001)
    /// and the upside-down FreeMono page (eval-0005) among them: once known gaps (2.6% and 3.4%), now
    /// each page and half at ≤ 2%.
    func testTurnedPagesAndSpreadsInUntunedFontsReadAtMostTwoPercentCER() throws {
        let fixture = try prepared()
        let read = fixture.pages.filter { ["portrait", "spread"].contains($0.kind) }
        XCTAssertEqual(read.count, 5)
        XCTAssertTrue(Set(read.map(\.name)).isSuperset(of: ["eval-0001", "eval-0005"]))
        try assertReadAtMostTwoPercentCER(read, in: fixture)
    }

    /// Each page (each half of a spread) has its own text at ≤ 2% CER against its ground truth.
    func assertReadAtMostTwoPercentCER(_ read: [Page], in fixture: Fixture) throws {
        let cer = try SharedChecks.tool("cer")
        for page in read {
            // A page is an item of its own (a file at the batch root); a spread's halves are <page>-a, <page>-b.
            let names = page.spread ? ["\(page.name)-a", "\(page.name)-b"] : [page.name]
            for (name, truth) in zip(names, page.groundTruth) {
                let text = fixture.text.appendingPathComponent(page.name).appendingPathComponent("\(name).txt")
                guard FileManager.default.fileExists(atPath: text.path) else {
                    let found = files(under: fixture.text.appendingPathComponent(page.name), endingWith: ".txt").map(\.lastPathComponent)
                    XCTFail("\(name) (\(page.kind), turned \(page.turn)°): no text \(name).txt; sohoa made \(found)")
                    continue
                }
                let result = try ProcessRunner.run(cer, ["--max-cer", "0.02", truth.path, text.path])
                XCTAssertEqual(
                    result.exitCode, 0,
                    "\(name) (\(page.kind), turned \(page.turn)°) must read at ≤ 2% CER: \(result.stdout.split(separator: "\n").last ?? "")"
                )
            }
        }
    }

    func testLandscapeSinglePagesAreNotSplit() throws {
        let fixture = try prepared()
        let landscape = fixture.pages.filter { ["landscape", "table"].contains($0.kind) }
        XCTAssertEqual(landscape.count, 2)
        for page in landscape {
            let made = files(under: fixture.text.appendingPathComponent(page.name), endingWith: ".txt").map(\.lastPathComponent)
            XCTAssertEqual(made, ["\(page.name).txt"], "\(page.name) (\(page.kind), turned \(page.turn)°) is one page, not a spread")
        }
    }

    func testUnreadablePagesAreFlaggedSuspectAndReadablePagesAreNot() throws {
        let fixture = try prepared()
        let status = try Sohoa.run(["status", "--json", "--archive", fixture.archive.path])
        XCTAssertEqual(status.exitCode, 0, status.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8))
        let listed = Self.strings(underKeysContaining: "suspect", in: json)
        XCTAssertFalse(listed.isEmpty, "sohoa status --json lists no suspect pages:\n\(status.stdout.prefix(2000))")
        let listing = listed.joined(separator: "\n")
        for page in fixture.pages {
            let names = page.spread ? ["\(page.name)-a", "\(page.name)-b"] : [page.name]
            for name in names {
                let flagged = listing.range(of: #"(^|[^0-9A-Za-z-])\#(name)($|[^0-9A-Za-z-])"#, options: .regularExpression) != nil
                if page.unreadable {
                    XCTAssertTrue(flagged, "\(name) (random noise or a photograph) must be flagged suspect; status lists:\n\(listing)")
                } else {
                    XCTAssertFalse(flagged, "\(name) (\(page.kind), readable) must not be flagged suspect; status lists:\n\(listing)")
                }
            }
        }
    }

    // MARK: - Helpers

    /// A python3 that has Pillow (a pyenv or venv python may not have Debian's python3-pil).
    static func pythonWithPillow() throws -> URL { try Pillow.python() }

    static func readManifest(_ folder: URL) throws -> [Page] {
        let data = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
        let manifest = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let records = try XCTUnwrap(manifest["pages"] as? [[String: Any]])
        return try records.map { record in
            let halves = (record["halves"] as? [[String: Any]] ?? []).compactMap { $0["ground_truth"] as? String }
            let own = (record["ground_truth"] as? String).map { [$0] } ?? []
            return Page(
                name: try XCTUnwrap(record["page"] as? String), kind: try XCTUnwrap(record["kind"] as? String),
                turn: try XCTUnwrap(record["turn_deg"] as? Int), spread: record["spread"] as? Bool ?? false,
                unreadable: record["unreadable"] as? Bool ?? false,
                groundTruth: (halves.isEmpty ? own : halves).map { folder.appendingPathComponent($0) })
        }
    }

    /// Every string (and number) found under a key whose name contains `word` (any case), however deep.
    static func strings(underKeysContaining word: String, in json: Any, inside: Bool = false) -> [String] {
        switch json {
        case let object as [String: Any]:
            return object.flatMap { key, value in
                strings(underKeysContaining: word, in: value, inside: inside || key.lowercased().contains(word))
            }
        case let array as [Any]:
            return array.flatMap { strings(underKeysContaining: word, in: $0, inside: inside) }
        case let string as String:
            return inside ? [string] : []
        case let number as NSNumber:
            return inside ? [number.stringValue] : []
        default:
            return []
        }
    }
}
