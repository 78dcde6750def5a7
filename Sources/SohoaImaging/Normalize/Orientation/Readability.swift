/// How well a sample of a page reads in one orientation: the evidence recognition gives.
public struct Readability: Sendable, Codable, Equatable {
    /// Words recognized.
    public var words: Int
    /// Mean word confidence, 0–100 (0 without words).
    public var meanConfidence: Double
    /// Share (0–1) of the words that are valid syllables of the language; `nil` when not measured.
    public var syllableShare: Double?

    /// Evidence from its parts.
    public init(words: Int, meanConfidence: Double, syllableShare: Double? = nil) {
        self.words = words
        self.meanConfidence = meanConfidence
        self.syllableShare = syllableShare
    }

    /// One figure, 0–1: the mean confidence, averaged with the syllable share when it is measured.
    public var score: Double {
        let confidence = Swift.min(1, Swift.max(0, meanConfidence / 100))
        guard let share = syllableShare else { return confidence }
        return (confidence + Swift.min(1, Swift.max(0, share))) / 2
    }
}
