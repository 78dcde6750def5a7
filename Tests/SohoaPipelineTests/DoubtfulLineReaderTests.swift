import SohoaImaging
import SohoaOCR
import XCTest

@testable import SohoaPipeline

/// Issue 11: a doubtful line (a word read with low confidence, or not a Vietnamese syllable) is read
/// again from its image enlarged, and the second reading kept only when it reads better, judged
/// from the readings alone.
final class DoubtfulLineReaderTests: XCTestCase {
    private func words(_ texts: [String], confidence: [Double], y: Int = 100) -> [Word] {
        texts.enumerated().map { index, text in
            Word(text: text, box: BoundingBox(x: 100 + index * 80, y: y, width: 70, height: 30), confidence: confidence[index])
        }
    }

    private func line(_ words: [Word]) -> TextLine {
        TextLine(box: BoundingBox(x: 100, y: words[0].box.y, width: 80 * words.count, height: 30), words: words)
    }

    func testDoubtfulLines() {
        XCTAssertFalse(DoubtfulLineReader.isDoubtful(line(words(["quanh", "năm", "mây", "phủ"], confidence: [95, 94, 96, 93]))))
        XCTAssertTrue(
            DoubtfulLineReader.isDoubtful(line(words(["quanh", "nắm", "mây", "phú"], confidence: [95, 20, 96, 93]))),
            "a word read with low confidence")
        XCTAssertTrue(
            DoubtfulLineReader.isDoubtful(line(words(["quanh", "nǎm", "mây", "phủ"], confidence: [95, 80, 96, 93]))),
            "a word that is not a syllable, read with less than high confidence")
        XCTAssertFalse(
            DoubtfulLineReader.isDoubtful(line(words(["đỉnh", "Fansipan", "cao", "nhất"], confidence: [95, 92, 96, 93]))),
            "a name read with high confidence")
    }

    func testTheBetterReading() {
        let first = words(["quanh", "nǎm", "mây", "phú"], confidence: [95, 30, 96, 80])
        XCTAssertTrue(
            DoubtfulLineReader.isBetter(words(["quanh", "năm", "mây", "phủ"], confidence: [95, 90, 96, 92]), than: first),
            "more syllables")
        XCTAssertTrue(
            DoubtfulLineReader.isBetter(words(["quanh", "nǎm", "mây", "phủ"], confidence: [95, 60, 96, 92]), than: first),
            "as many syllables, higher confidence")
        XCTAssertFalse(
            DoubtfulLineReader.isBetter(words(["quanh", "nǎm", "mây", "phủ"], confidence: [95, 20, 96, 70]), than: first),
            "as many syllables, lower confidence")
        XCTAssertFalse(DoubtfulLineReader.isBetter(words(["quanh", "mây"], confidence: [97, 97]), than: first), "words dropped")
        // Garbage of short syllables: more of them, but read with far less confidence (eval-0009).
        let right = words(
            ["Năm", "2004,", "tỉnh", "mới", "có", "km?", "với", "dân", "số"], confidence: [90, 88, 95, 95, 95, 50, 95, 95, 95])
        let garbage = words(
            ["Aknhi", "xi", "g,", "tỉnh", "mới", "có", "mm", "với", "nón", "số", "Nó"],
            confidence: [0, 40, 30, 95, 95, 95, 60, 95, 50, 95, 40])
        XCTAssertFalse(DoubtfulLineReader.isBetter(garbage, than: right))
    }

    /// Only the doubtful line is read again; its second reading comes back in the page's coordinates,
    /// without the words of the line above that the margin shows.
    func testOnlyTheDoubtfulLineIsReadAgainAndReplaced() {
        let good = line(words(["Đèo", "Ô", "Quy", "Hồ"], confidence: [95, 95, 95, 95], y: 100))
        let doubtful = line(words(["quanh", "nắm", "mây", "phú"], confidence: [95, 20, 96, 50], y: 200))
        let box = BoundingBox(x: 0, y: 0, width: 800, height: 400)
        let text = PageText(
            width: 800, height: 400,
            blocks: [TextBlock(box: box, paragraphs: [TextParagraph(box: box, lines: [good, doubtful])])])
        let engine = EnlargedLineEngine()
        let outcome = DoubtfulLineReader(engine: engine, language: "vie").reread(text, image: Raster(width: 800, height: 400), dpi: 300)

        XCTAssertEqual(engine.calls, 1, "the good line is not read again")
        XCTAssertEqual(engine.dpis, [600], "read at twice the resolution")
        XCTAssertEqual(outcome.linesRead, 1)
        XCTAssertEqual(outcome.linesReplaced, 1)
        let lines = outcome.text.blocks[0].paragraphs[0].lines
        XCTAssertEqual(lines[0], good)
        XCTAssertEqual(lines[1].words.map(\.text), ["quanh", "năm", "mây", "phủ"])
        let first = lines[1].words[0].box
        XCTAssertEqual(Double(first.y + first.height / 2), 215, accuracy: 3, "the word lies on its line: \(first)")
        XCTAssertEqual(Double(first.x), 100, accuracy: 3, "\(first)")
    }
}

/// Reads any image as "quanh năm mây phủ" at 93%, the words across the middle of the image, each
/// 160 pixels wide from x = 30 (a line read enlarged twice, with a 15-pixel margin at 2×), and a
/// word of the line above at the top.
final class EnlargedLineEngine: OCREngine {
    private(set) var calls = 0
    private(set) var dpis: [Int] = []

    func recognize(_ image: Raster, dpi: Int, language: String) throws -> PageText {
        calls += 1
        dpis.append(dpi)
        let words = ["quanh", "năm", "mây", "phủ"].enumerated().map { index, text in
            Word(
                text: text, box: BoundingBox(x: 30 + index * 160, y: image.height / 2 - 30, width: 140, height: 60),
                confidence: 93)
        }
        // The bottom of the line above, in the crop's margin (eval-0026).
        let above = BoundingBox(x: 30, y: 10, width: 300, height: 30)
        let middle = BoundingBox(x: 30, y: image.height / 2 - 30, width: 620, height: 60)
        let box = BoundingBox(x: 0, y: 0, width: image.width, height: image.height)
        let lines = [
            TextLine(box: above, words: [Word(text: "Ngày", box: above, confidence: 93)]), TextLine(box: middle, words: words),
        ]
        return PageText(
            width: image.width, height: image.height,
            blocks: [TextBlock(box: box, paragraphs: [TextParagraph(box: box, lines: lines)])])
    }
}
