/// The page-level measure: of the words that look like Latin-script words (two letters or more, no
/// digits), how many read as Vietnamese. A right page of Vietnamese text scores near 1; OCR garbage far less.
public struct SyllableShare: Sendable, Equatable {
    /// Words judged (Latin-script words of two letters or more).
    public var judged: Int
    /// Judged words that read as Vietnamese (syllables, or syllables written together).
    public var vietnamese: Int

    /// The share of judged words that read as Vietnamese, 0...1; nil when no word was judged.
    public var fraction: Double? {
        judged == 0 ? nil : Double(vietnamese) / Double(judged)
    }

    /// Counts the given words (as OCR wrote them, punctuation included).
    public init<Words: Sequence>(words: Words) where Words.Element: StringProtocol {
        var judged = 0
        var vietnamese = 0
        for word in words {
            let reading = WordReading(word)
            guard reading.verdict != .notJudged, reading.judgedLetters >= 2 else { continue }
            judged += 1
            if reading.verdict.isVietnamese {
                vietnamese += 1
            }
        }
        self.judged = judged
        self.vietnamese = vietnamese
    }

    /// Counts the words of a text, split at white space.
    public init(text: String) {
        self.init(words: text.split(whereSeparator: { $0.isWhitespace }))
    }

    /// A share from counts already made.
    public init(judged: Int, vietnamese: Int) {
        self.judged = judged
        self.vietnamese = vietnamese
    }
}
