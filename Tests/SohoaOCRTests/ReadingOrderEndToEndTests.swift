import Foundation
import SohoaImaging
import SohoaOCR
import SohoaText
import XCTest

/// Issue 11: a generated `tune` page (`scripts/generate-eval-pages.py --mild --seed 29`, eval-0037:
/// TeX Gyre Heros, two columns under a heading in capitals across both, turned 90°), normalized and
/// recognized as `sohoa run` does, reads in the order of its ground truth: running head, heading,
/// left column, right column, then the folio (which Tesseract reads after the left column).
final class ReadingOrderEndToEndTests: XCTestCase {
    func testHeadingAndFolioOfATwoColumnPageAreReadWhereTheyStand() throws {
        let (text, truth) = try recognized(seed: 29, page: "eval-0037", mild: true)
        let read = text.plainText.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        let expected = truth.split(separator: "\n").map(String.init)
        XCTAssertGreaterThan(expected.count, 4, "ground truth: running head, heading, the columns, folio")
        /// Where the line that reads most like `line` is in the recognized text.
        func position(of line: String) throws -> Int {
            let distances = read.map { CharacterErrorRate.of($0, against: line) }
            let best = try XCTUnwrap(distances.indices.min { distances[$0] < distances[$1] })
            XCTAssertLessThan(distances[best], 0.2, "\(line) is read (closest: \(read[best]))")
            return best
        }
        let heading = try position(of: expected[1]), leftColumn = try position(of: expected[2])
        let folio = try position(of: expected[expected.count - 1])
        XCTAssertLessThan(try position(of: expected[0]), heading, "the running head is read first")
        XCTAssertLessThan(heading, leftColumn, "the heading across both columns is read before the left column")
        XCTAssertEqual(folio, read.count - 1, "the folio is read last, not after the left column:\n\(read.joined(separator: "\n"))")
        let cer = CharacterErrorRate.of(text.plainText, against: truth)
        XCTAssertLessThanOrEqual(cer, 0.02, "the page reads at ≤ 2% CER (it reads \(cer))")
    }

    func testPiecesOfLinesSplitAtAWhiteChannelAreReadInTheirLines() throws {
        // A `tune` page of seed 31 (eval-0017: TeX Gyre Cursor, two columns, turned 90°): Tesseract gives
        // "kỷ hai mươi," and three more line pieces as blocks of their own; read where they stand, the
        // page reads at under 3% CER (8% with the pieces read after their column's lines).
        let (text, truth) = try recognized(seed: 31, page: "eval-0017", mild: false)
        let read = text.plainText.split(separator: "\n").map(String.init)
        XCTAssertTrue(
            read.contains { CharacterErrorRate.of($0, against: "kỷ hai mươi, Lai Châu là") < 0.1 },
            "the piece is read in its line:\n\(read.joined(separator: "\n"))")
        let cer = CharacterErrorRate.of(text.plainText, against: truth)
        XCTAssertLessThanOrEqual(cer, 0.03, "the page reads at ≤ 3% CER (it reads \(cer))")
    }

    /// The page generated (once, into the temporary folder), normalized and recognized as `sohoa run`
    /// does, and its ground truth.
    private func recognized(seed: Int, page: String, mild: Bool) throws -> (PageText, String) {
        let (scan, truth) = try generated(seed: seed, page: page, mild: mild)
        let recognizer = SampleRecognizer(engine: try TesseractEngine(pageSegmentation: .singleBlock), language: "vie")
        let normalized = try XCTUnwrap(Normalizer().pages(of: scan, recognition: recognizer).first)
        let text = try TesseractEngine().recognize(normalized.raster, dpi: normalized.report.dpiUsed, language: "vie")
        return (text, truth)
    }

    /// The page, generated once into the temporary folder, and its ground truth.
    private func generated(seed: Int, page: String, mild: Bool) throws -> (DecodedScan, String) {
        let generator = TestFixtures.packageRoot.appendingPathComponent("scripts/generate-eval-pages.py")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sohoa-reading-order-\(seed)\(mild ? "" : "-full")-\(page)")
        let truth = folder.appendingPathComponent("\(page).gt.txt")
        if !FileManager.default.fileExists(atPath: truth.path) {
            let python = try TestFixtures.tool("python3")
            let output = try TestFixtures.run(
                python,
                [generator.path] + (mild ? ["--mild"] : []) + ["--seed", "\(seed)", "--only", page, "--out", folder.path])
            guard output.exitCode == 0 else {
                throw XCTSkip(
                    "generate-eval-pages.py could not make \(page) (needs python3-pil and fonts-texgyre, fonts-freefont-ttf, fonts-liberation2): \(output.stderr)"
                )
            }
        }
        let image = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .first { $0.deletingPathExtension().lastPathComponent == page && ["png", "tif"].contains($0.pathExtension) }
        return (try ScanDecoder.decode(try XCTUnwrap(image, "\(page) generated")), try String(contentsOf: truth, encoding: .utf8))
    }
}
