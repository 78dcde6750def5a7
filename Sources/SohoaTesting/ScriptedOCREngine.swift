import SohoaImaging
import SohoaOCR

/// Reads every page as the given rows of (word, confidence): words 120 px apart from x = 50, lines
/// 55 px apart from y = 60, in one block. Subclasses name the rows a test needs.
open class ScriptedOCREngine: OCREngine {
    public let rows: [[(String, Double)]]

    public init(rows: [[(String, Double)]]) {
        self.rows = rows
    }

    open func recognize(_ image: Raster, dpi: Int, language: String) throws -> PageText {
        var lines: [TextLine] = []
        for (number, row) in rows.enumerated() {
            let y = 60 + number * 55
            let words = row.enumerated().map { index, word in
                Word(text: word.0, box: BoundingBox(x: 50 + index * 120, y: y, width: 100, height: 20), confidence: word.1)
            }
            lines.append(TextLine(box: BoundingBox(x: 50, y: y, width: 120 * row.count - 20, height: 20), words: words))
        }
        let widest = rows.map(\.count).max() ?? 0
        let box = BoundingBox(x: 50, y: 60, width: 120 * widest - 20, height: 55 * rows.count - 35)
        return PageText(
            width: image.width, height: image.height, blocks: [TextBlock(box: box, paragraphs: [TextParagraph(box: box, lines: lines)])])
    }
}
