import SohoaOCR
import SohoaText

/// How good one recognition of a page looks: its mean word confidence and, for Vietnamese, the
/// share of its words that are Vietnamese syllables.
struct PageQuality: Sendable, Equatable {
    /// Mean word confidence, 0–100; nil when no word was recognized.
    var meanConfidence: Double?
    var wordCount: Int
    /// Share of judged words that read as Vietnamese, 0–1; nil when the language is not Vietnamese or
    /// too few words were judged to tell.
    var syllableShare: Double?

    /// Fewest judged words for the syllable share to count.
    static let minimumJudgedWords = 8

    init(meanConfidence: Double?, wordCount: Int, syllableShare: Double?) {
        self.meanConfidence = meanConfidence
        self.wordCount = wordCount
        self.syllableShare = syllableShare
    }

    /// Measures `text` recognized in `language` (a Tesseract language string such as `vie+eng`).
    init(_ text: PageText, language: String) {
        let words = text.words
        meanConfidence = text.meanConfidence
        wordCount = words.count
        let vietnamese = language.split(separator: "+").contains("vie")
        let share = SyllableShare(words: words.map(\.text))
        syllableShare = vietnamese && share.judged >= Self.minimumJudgedWords ? share.fraction : nil
    }

    /// One figure to compare recognitions of the same page by: confidence (0–1) plus syllable share.
    var score: Double {
        guard wordCount > 0 else { return 0 }
        return (meanConfidence ?? 0) / 100 + (syllableShare ?? 0)
    }
}
