import SohoaImaging
import SohoaOCR
import SohoaText

/// A second reading of a Vietnamese page's doubtful lines (issue 11). A line with a word read with
/// low confidence, or a word that is not a Vietnamese syllable and not read with high confidence,
/// is recognized again from its own
/// image scaled up: Tesseract reads thin strokes and small tone marks better at a larger x-height.
/// The reading with more Vietnamese syllables is kept (ties: the higher mean confidence), decided
/// from the readings alone. Lines that read well are not touched, so the extra time is small.
///
/// Uses the engine it is given (the OCR worker's own); not `Sendable`.
struct DoubtfulLineReader {
    /// A word read below this confidence is doubtful (the words Tesseract gets wrong on readable
    /// pages mostly read below it; right words at 85–97).
    static let doubtfulWordConfidence = 60.0
    /// A word that is not a Vietnamese syllable is doubtful when read below this confidence (above
    /// it, it is most likely a name or a foreign word read right).
    static let doubtfulInvalidConfidence = 85.0
    /// A second reading with more syllables is kept only when its mean confidence is at most this
    /// much lower (garbage of short syllables reads with low confidence).
    static let confidenceSlack = 5.0
    /// At most one line in this many is read again (a line takes about as long to read again as
    /// it took in the page).
    static let linesPerReading = 20
    /// How much the line's image is enlarged for the second reading.
    static let scale = 2.0
    /// The second reading must keep at least this share of the first one's characters (a reading
    /// that drops a word is not better for being more confident).
    static let keptCharacters = 0.9
    /// Nor may it add more than this share of characters (words of a line above or below).
    static let addedCharacters = 1.15

    /// What the second readings did to a page.
    struct Outcome {
        var text: PageText
        /// Lines recognized a second time.
        var linesRead = 0
        /// Lines whose second reading was kept.
        var linesReplaced = 0
    }

    let engine: any OCREngine
    let language: String

    /// `text` (recognized from `image` at `dpi`) with its doubtful lines read again: at most one line
    /// in `linesPerReading` of the page (at least one), the least confident first, so that the time
    /// stays a small share of the page's.
    func reread(_ text: PageText, image: Raster, dpi: Int) -> Outcome {
        var outcome = Outcome(text: text)
        var doubtful: [(block: Int, paragraph: Int, line: Int, confidence: Double)] = []
        var lineCount = 0
        for b in text.blocks.indices {
            for p in text.blocks[b].paragraphs.indices {
                for (l, line) in text.blocks[b].paragraphs[p].lines.enumerated() {
                    lineCount += 1
                    guard Self.isDoubtful(line) else { continue }
                    doubtful.append((b, p, l, line.words.map(\.confidence).min() ?? 0))
                }
            }
        }
        let most = Swift.max(1, lineCount / Self.linesPerReading)
        for item in doubtful.sorted(by: { $0.confidence < $1.confidence }).prefix(most) {
            let line = text.blocks[item.block].paragraphs[item.paragraph].lines[item.line]
            guard let words = secondReading(of: line, image: image, dpi: dpi) else { continue }
            outcome.linesRead += 1
            if Self.isBetter(words, than: line.words) {
                outcome.text.blocks[item.block].paragraphs[item.paragraph].lines[item.line].words = words
                outcome.linesReplaced += 1
            }
        }
        return outcome
    }

    /// Whether a line has a word read with low confidence, or a word that is not Vietnamese read
    /// with less than high confidence.
    static func isDoubtful(_ line: TextLine) -> Bool {
        line.words.contains { word in
            if word.confidence < doubtfulWordConfidence { return true }
            guard word.confidence < doubtfulInvalidConfidence else { return false }
            let share = SyllableShare(words: [word.text])
            return share.vietnamese < share.judged
        }
    }

    /// Whether `second` reads better than `first`: more Vietnamese syllables at a mean confidence at
    /// most `confidenceSlack` lower, or as many and a higher mean confidence; never when it drops
    /// or adds characters.
    static func isBetter(_ second: [Word], than first: [Word]) -> Bool {
        guard !second.isEmpty else { return false }
        let characters = { (words: [Word]) in words.reduce(0) { $0 + $1.text.count } }
        let (newCount, oldCount) = (Double(characters(second)), Double(characters(first)))
        guard newCount >= keptCharacters * oldCount, newCount <= addedCharacters * oldCount else { return false }
        let syllables = { (words: [Word]) in SyllableShare(words: words.map(\.text)).vietnamese }
        let mean = { (words: [Word]) in words.map(\.confidence).reduce(0, +) / Double(Swift.max(1, words.count)) }
        let (a, b) = (syllables(second), syllables(first))
        return (a > b && mean(second) >= mean(first) - confidenceSlack) || (a == b && mean(second) > mean(first))
    }

    /// The words of `line` read again from its image enlarged `scale` times, in `image`'s coordinates.
    private func secondReading(of line: TextLine, image: Raster, dpi: Int) -> [Word]? {
        let box = line.box
        guard box.width > 0, box.height > 0 else { return nil }
        let marginY = box.height * 3 / 10
        let marginX = box.height / 2
        let x0 = Swift.max(0, box.x - marginX)
        let y0 = Swift.max(0, box.y - marginY)
        let x1 = Swift.min(image.width, box.x + box.width + marginX)
        let y1 = Swift.min(image.height, box.y + box.height + marginY)
        guard x1 > x0, y1 > y0 else { return nil }
        let crop = image.cropped(x: x0, y: y0, width: x1 - x0, height: y1 - y0).scaled(by: Self.scale)
        let scaledDPI = Int((Double(dpi) * Self.scale).rounded())
        guard let read = try? engine.recognize(crop, dpi: scaledDPI, language: language) else { return nil }
        // The recognized line nearest the crop's middle: the margin shows parts of the lines around it.
        let middle = Double(box.y - y0) + Double(box.height) / 2
        let lines = read.blocks.flatMap { $0.paragraphs.flatMap(\.lines) }
        let distance = { (line: TextLine) in abs(Double(line.box.y) / Self.scale + Double(line.box.height) / Self.scale / 2 - middle) }
        guard let nearest = lines.min(by: { distance($0) < distance($1) }) else { return nil }
        return nearest.words.map { word in
            let mapped = BoundingBox(
                x: x0 + Int((Double(word.box.x) / Self.scale).rounded()),
                y: y0 + Int((Double(word.box.y) / Self.scale).rounded()),
                width: Int((Double(word.box.width) / Self.scale).rounded()),
                height: Int((Double(word.box.height) / Self.scale).rounded()))
            return Word(text: word.text, box: mapped, confidence: word.confidence)
        }
    }
}
