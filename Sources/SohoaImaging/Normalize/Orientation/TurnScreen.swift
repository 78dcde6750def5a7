/// Which quarter turns of a recognized page that reads badly are worth recognizing again whole: a band of
/// a few text lines is read as the page is and in each turn, and only a turn whose band reads clearly
/// better is worth a whole reading (issue 19: a photograph or a noisy page read as garbage cost three
/// whole readings more; the bands cost about a tenth of one).
public enum TurnScreen {
    /// Lead (in `Readability.score`) a turn's band needs over the band read as the page is.
    public static let minimumLead = 0.1
    /// Score (0–1) a turn's band must reach: text read the right way up scores 0.65–0.95 in a band,
    /// garbage 0.2–0.55 (`OrientationByRecognition`'s measures).
    public static let minimumScore = 0.5

    /// The turns (1–3, clockwise quarter turns) of `image` worth reading whole, in order; all three
    /// when no band of lines can be cut from the page as it is (nothing to compare with), and a turn
    /// whose band cannot be cut.
    public static func turnsWorthReading(_ image: Raster, dpi: Int, scorer: any RecognitionScoring) -> [Int] {
        let gray = image.layout == .gray ? image : image.grayscale()
        guard let across = OrientationByRecognition.band(gray, dpi: dpi, linesHorizontal: true) else { return [1, 2, 3] }
        let asItIs = scorer.readability(of: across.raster, dpi: across.dpi)?.score ?? 0
        let along = OrientationByRecognition.band(gray, dpi: dpi, linesHorizontal: false)
        return (1...3).filter { turns in
            // No band to read this way (no lines across it): the turn is read whole, as without a screen.
            guard let band = turns % 2 == 0 ? across : along else { return true }
            guard let reading = scorer.readability(of: band.raster.quarterTurned(clockwise: turns), dpi: band.dpi) else {
                return false
            }
            return reading.score >= minimumScore && reading.score >= asItIs + minimumLead
        }
    }
}
