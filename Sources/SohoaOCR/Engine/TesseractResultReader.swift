import CTesseract
import Foundation

/// Walks a Tesseract result iterator into a `PageText`, word by word.
enum TesseractResultReader {
    /// Reads every non-empty word with its line, paragraph and block; empty containers are dropped and
    /// the blocks put in `ReadingOrder`.
    static func read(_ iterator: OpaquePointer, width: Int, height: Int) -> PageText {
        guard let page = TessResultIteratorGetPageIterator(iterator) else {
            return .empty(width: width, height: height)
        }
        var blocks: [TextBlock] = []
        repeat {
            if blocks.isEmpty || TessPageIteratorIsAtBeginningOf(page, RIL_BLOCK) != 0 {
                blocks.append(TextBlock(box: box(page, RIL_BLOCK), paragraphs: []))
            }
            if blocks[blocks.count - 1].paragraphs.isEmpty || TessPageIteratorIsAtBeginningOf(page, RIL_PARA) != 0 {
                blocks[blocks.count - 1].paragraphs.append(TextParagraph(box: box(page, RIL_PARA), lines: []))
            }
            let b = blocks.count - 1, p = blocks[b].paragraphs.count - 1
            if blocks[b].paragraphs[p].lines.isEmpty || TessPageIteratorIsAtBeginningOf(page, RIL_TEXTLINE) != 0 {
                blocks[b].paragraphs[p].lines.append(TextLine(box: box(page, RIL_TEXTLINE), words: []))
            }
            if let word = word(iterator, page) {
                let l = blocks[b].paragraphs[p].lines.count - 1
                blocks[b].paragraphs[p].lines[l].words.append(word)
            }
        } while TessResultIteratorNext(iterator, RIL_WORD) != 0
        return PageText(width: width, height: height, blocks: ReadingOrder.arranged(pruned(blocks)))
    }

    private static func word(_ iterator: OpaquePointer, _ page: OpaquePointer) -> Word? {
        guard let utf8 = TessResultIteratorGetUTF8Text(iterator, RIL_WORD) else { return nil }
        defer { TessDeleteText(utf8) }
        let text = String(cString: utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            .precomposedStringWithCanonicalMapping
        guard !text.isEmpty else { return nil }
        let confidence = Double(TessResultIteratorConfidence(iterator, RIL_WORD))
        return Word(text: text, box: box(page, RIL_WORD), confidence: min(100, max(0, confidence)))
    }

    private static func box(_ page: OpaquePointer, _ level: TessPageIteratorLevel) -> BoundingBox {
        var left: Int32 = 0, top: Int32 = 0, right: Int32 = 0, bottom: Int32 = 0
        guard TessPageIteratorBoundingBox(page, level, &left, &top, &right, &bottom) != 0 else {
            return BoundingBox(x: 0, y: 0, width: 0, height: 0)
        }
        return BoundingBox(x: Int(left), y: Int(top), width: Int(right - left), height: Int(bottom - top))
    }

    /// Drops lines, paragraphs and blocks without words.
    private static func pruned(_ blocks: [TextBlock]) -> [TextBlock] {
        blocks.compactMap { block in
            let paragraphs = block.paragraphs.compactMap { paragraph -> TextParagraph? in
                let lines = paragraph.lines.filter { !$0.words.isEmpty }
                return lines.isEmpty ? nil : TextParagraph(box: paragraph.box, lines: lines)
            }
            return paragraphs.isEmpty ? nil : TextBlock(box: block.box, paragraphs: paragraphs)
        }
    }
}
