import Foundation
import SohoaImaging
import SohoaOCR
import XCTest

/// Issue 11: a generated `tune` page (`scripts/generate-eval-pages.py --mild --seed 29`, eval-0037:
/// TeX Gyre Heros, two columns under a heading in capitals across both, turned 90°), normalized and
/// recognized as `sohoa run` does, reads in the order of its ground truth: running head, heading,
/// left column, right column, then the folio (which Tesseract reads after the left column).
final class ReadingOrderEndToEndTests: XCTestCase {
    static let seed = 29
    static let page = "eval-0037"

    func testHeadingAndFolioOfATwoColumnPageAreReadWhereTheyStand() throws {
        let (scan, truth) = try generated()
        let recognizer = SampleRecognizer(engine: try TesseractEngine(pageSegmentation: .singleBlock), language: "vie")
        let normalized = try XCTUnwrap(Normalizer().pages(of: scan, recognition: recognizer).first)
        let text = try TesseractEngine().recognize(normalized.raster, dpi: normalized.report.dpiUsed, language: "vie")
        let read = text.plainText.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        let expected = truth.split(separator: "\n").map(String.init)
        XCTAssertGreaterThan(expected.count, 4, "ground truth: running head, heading, the columns, folio")
        /// Where the line that reads most like `line` is in the recognized text.
        func position(of line: String) throws -> Int {
            let distances = read.map { TestFixtures.characterErrorRate(reference: line, hypothesis: $0) }
            let best = try XCTUnwrap(distances.indices.min { distances[$0] < distances[$1] })
            XCTAssertLessThan(distances[best], 0.2, "\(line) is read (closest: \(read[best]))")
            return best
        }
        let heading = try position(of: expected[1]), leftColumn = try position(of: expected[2])
        let folio = try position(of: expected[expected.count - 1])
        XCTAssertLessThan(try position(of: expected[0]), heading, "the running head is read first")
        XCTAssertLessThan(heading, leftColumn, "the heading across both columns is read before the left column")
        XCTAssertEqual(folio, read.count - 1, "the folio is read last, not after the left column:\n\(read.joined(separator: "\n"))")
        let cer = TestFixtures.characterErrorRate(reference: truth, hypothesis: text.plainText)
        XCTAssertLessThanOrEqual(cer, 0.02, "the page reads at ≤ 2% CER (it reads \(cer))")
    }

    /// The page, generated once into the temporary folder, and its ground truth.
    private func generated() throws -> (DecodedScan, String) {
        let generator = TestFixtures.packageRoot.appendingPathComponent("scripts/generate-eval-pages.py")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sohoa-reading-order-\(Self.seed)-\(Self.page)")
        let truth = folder.appendingPathComponent("\(Self.page).gt.txt")
        if !FileManager.default.fileExists(atPath: truth.path) {
            let python = try TestFixtures.tool("python3")
            let output = try TestFixtures.run(
                python,
                [generator.path, "--mild", "--seed", "\(Self.seed)", "--only", Self.page, "--out", folder.path])
            guard output.exitCode == 0 else {
                throw XCTSkip(
                    "generate-eval-pages.py could not make \(Self.page) (needs python3-pil and fonts-texgyre, fonts-freefont-ttf, fonts-liberation2): \(output.stderr)"
                )
            }
        }
        let image = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .first { $0.deletingPathExtension().lastPathComponent == Self.page && ["png", "tif"].contains($0.pathExtension) }
        return (try ScanDecoder.decode(try XCTUnwrap(image, "\(Self.page) generated")), try String(contentsOf: truth, encoding: .utf8))
    }
}
