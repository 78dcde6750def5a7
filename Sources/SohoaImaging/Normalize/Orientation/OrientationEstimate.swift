/// Which way up a page is: the clockwise quarter turns that make it upright, and how sure that is.
public struct OrientationEstimate: Sendable, Codable, Equatable {
    /// How the estimate was made.
    public enum Method: String, Sendable, Codable {
        /// sohoa's own line-profile method (`OrientationDetector`).
        case profile
        /// Tesseract's orientation and script detection (`osd.traineddata`).
        case tesseractOSD = "tesseract-osd"
        /// Recognition of a band of text lines in the candidate orientations (`RecognitionScoring`).
        case recognition
    }

    /// Clockwise quarter turns (0–3) that make the page upright: 1 = the page lies turned left.
    public var quarterTurns: Int
    /// 0 (no evidence) to 1 (unambiguous).
    public var confidence: Double
    /// How it was decided.
    public var method: Method
    /// How sure the line direction alone is (horizontal for 0/180, vertical for 90/270), 0–1; set by
    /// the line profiles, `nil` for other methods and in reports written before it was measured.
    public var axisConfidence: Double?

    /// An estimate from its parts.
    public init(quarterTurns: Int, confidence: Double, method: Method, axisConfidence: Double? = nil) {
        self.quarterTurns = ((quarterTurns % 4) + 4) % 4
        self.confidence = confidence
        self.method = method
        self.axisConfidence = axisConfidence
    }

    /// Degrees the page is turned clockwise to be upright (0, 90, 180, 270).
    public var degrees: Int { quarterTurns * 90 }
}
