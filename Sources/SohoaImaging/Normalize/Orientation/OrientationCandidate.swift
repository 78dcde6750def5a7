/// One orientation tried by recognition, and how well the page read that way up.
public struct OrientationCandidate: Sendable, Codable, Equatable {
    /// Clockwise quarter turns (0–3) tried.
    public var quarterTurns: Int
    /// What recognition of the sample gave; `nil` when it could not be recognized.
    public var readability: Readability?
    /// Wall time of cutting the sample and recognizing it this way up, in milliseconds; `nil` in
    /// reports written before it was measured.
    public var milliseconds: Double?

    /// A candidate from its parts.
    public init(quarterTurns: Int, readability: Readability?, milliseconds: Double? = nil) {
        self.quarterTurns = quarterTurns
        self.readability = readability
        self.milliseconds = milliseconds
    }

    /// The readability score (0–1), 0 when nothing was recognized.
    public var score: Double { readability?.score ?? 0 }
}
