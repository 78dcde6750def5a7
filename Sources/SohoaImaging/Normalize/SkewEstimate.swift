/// The measured skew of a page's text lines.
public struct SkewEstimate: Sendable, Codable, Equatable {
    /// Angle of the text lines, counter-clockwise positive as seen on screen (lines rising to the
    /// right are positive). Rotating the page by `-degrees` levels it.
    public var degrees: Double
    /// 0 (no evidence: blank or no text lines) to 1 (sharp, unambiguous line structure).
    public var confidence: Double

    /// An estimate from its angle and confidence.
    public init(degrees: Double, confidence: Double) {
        self.degrees = degrees
        self.confidence = confidence
    }
}
