import Foundation
import SohoaImaging
import XCTest

@testable import SohoaOCR

/// Issue 11: spreads, upright or upside down, are split with every line in each half; landscape
/// single pages (long lines, a table) and pages lying on their side are not.
final class SpreadSplitTests: XCTestCase {
    func testSpreadsAreSplitWithEveryLineInEachHalf() throws {
        let names = ["tuning-cursor-spread-0", "tuning-freesans-spread-180", "held-out-pagella-italic-spread-180"]
        let pages = try GeneratedPages.pages(names)
        let judge = try TesseractEngine(pageSegmentation: .singleBlock)
        let reader = try TesseractEngine()
        for name in names {
            let (scan, entry) = try XCTUnwrap(pages[name])
            let halves = Normalizer().pages(of: scan, recognition: SampleRecognizer(engine: judge, language: "vie"))
            XCTAssertEqual(halves.count, 2, name)
            guard halves.count == 2 else { continue }
            XCTAssertEqual(halves[0].report.quarterTurnsApplied, entry.turns, name)
            XCTAssertEqual(halves.map(\.report.spreadPart), ["a", "b"])
            for (half, printed) in zip(halves, entry.text) {
                let text = try reader.recognize(half.raster, dpi: half.report.dpiUsed, language: "vie")
                let lines = text.blocks.flatMap(\.paragraphs).flatMap(\.lines)
                let expected = printed.split(separator: "\n")
                XCTAssertGreaterThanOrEqual(lines.count, expected.count, "\(name) \(half.report.spreadPart ?? "")")
                // The first and last printed lines are there (no line cut off at the top or bottom).
                let read = text.plainText
                for line in [expected.first, expected.last].compactMap({ $0 }) {
                    let word = line.split(separator: " ").map(String.init).max { $0.count < $1.count } ?? ""
                    XCTAssertTrue(read.contains(word), "\(name) \(half.report.spreadPart ?? ""): '\(word)' not read")
                }
            }
        }
    }

    func testLandscapeSinglePagesAreNotSplit() throws {
        let names = ["tuning-bonum-landscape-0", "tuning-cursor-landscape-0", "tuning-bonum-table-0", "held-out-heros-table-0"]
        let pages = try GeneratedPages.scans(names)
        for name in names {
            let scan = try XCTUnwrap(pages[name])
            XCTAssertEqual(Normalizer().pages(of: scan).count, 1, "\(name) is one page")
        }
    }

    func testPagesLyingOnTheirSideAreTurnedNotSplit() throws {
        let names = ["tuning-cursor-portrait-90", "tuning-termes-italic-portrait-270", "tuning-freesans-landscape-90"]
        let pages = try GeneratedPages.pages(names)
        let judge = try TesseractEngine(pageSegmentation: .singleBlock)
        var profilesOnly = NormalizeOptions()
        profilesOnly.orientation = false
        for name in names {
            let (scan, entry) = try XCTUnwrap(pages[name])
            let turned = Normalizer().pages(of: scan, recognition: SampleRecognizer(engine: judge, language: "vie"))
            XCTAssertEqual(turned.count, 1, name)
            XCTAssertEqual(turned.first?.report.quarterTurnsApplied, entry.turns, name)
            // Left on its side (orientation off), it is still not split.
            XCTAssertEqual(Normalizer(options: profilesOnly).pages(of: scan).count, 1, name)
        }
    }
}
