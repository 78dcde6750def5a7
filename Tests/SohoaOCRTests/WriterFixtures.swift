import Foundation
import SohoaImaging
import SohoaOCR

/// Hand-made pages and contexts for the writer tests.
enum WriterFixtures {
    static let date = Date(timeIntervalSince1970: 1_790_000_000)

    static func context(language: String = "vie", fileName: String = "trang-01.tif", pageNumber: Int = 1) -> OCROutputContext {
        OCROutputContext(
            pageID: "trang-01", imageFileName: fileName, pageNumber: pageNumber, language: language,
            softwareVersion: "0.1.0-test", engineVersion: TesseractEngine.version, date: date, masterDPI: 300)
    }

    /// One line of words laid left to right at `y`, each `charWidth` pixels a character, `gap` apart.
    static func line(
        _ text: String, x: Int = 100, y: Int, height: Int = 40, charWidth: Int = 20, gap: Int = 20, confidence: Double = 91.5
    ) -> TextLine {
        var words: [Word] = []
        var cursor = x
        for piece in text.split(separator: " ") {
            let width = piece.count * charWidth
            words.append(Word(text: String(piece), box: BoundingBox(x: cursor, y: y, width: width, height: height), confidence: confidence))
            cursor += width + gap
        }
        let right = (words.last.map { $0.box.x + $0.box.width }) ?? x
        return TextLine(box: BoundingBox(x: x, y: y, width: right - x, height: height), words: words)
    }

    /// A page of `lines` in one block and one paragraph.
    static func page(width: Int = 2000, height: Int = 1000, lines: [TextLine]) -> PageText {
        let top = lines.map(\.box.y).min() ?? 0
        let bottom = lines.map { $0.box.y + $0.box.height }.max() ?? 0
        let right = lines.map { $0.box.x + $0.box.width }.max() ?? 0
        let box = BoundingBox(x: 100, y: top, width: right - 100, height: bottom - top)
        return PageText(width: width, height: height, blocks: [TextBlock(box: box, paragraphs: [TextParagraph(box: box, lines: lines)])])
    }
}
