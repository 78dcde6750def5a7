/// What the normalize stage measured and did to one page.
public struct NormalizeReport: Sendable, Codable, Equatable {
    /// Measured skew of the text lines (counter-clockwise positive), see `SkewEstimate`.
    public var skewDegrees: Double
    /// Confidence of the skew measurement, 0–1.
    public var skewConfidence: Double
    /// Rotation applied to the page (`-skewDegrees` when deskewed, else 0); same as the transform's.
    public var rotationApplied: Double
    /// Resolution of the normalized raster, in dots per inch.
    public var dpiUsed: Int
    /// True when the master's resolution was estimated rather than read from the file.
    public var dpiEstimated: Bool
    /// True when the page has (almost) no ink.
    public var blank: Bool
    /// Fraction of the page (margins excluded) covered by ink, 0–1.
    public var inkFraction: Double
    /// Wall time the stage took for this page.
    public var milliseconds: Double

    /// A report with every field given.
    public init(
        skewDegrees: Double, skewConfidence: Double, rotationApplied: Double, dpiUsed: Int, dpiEstimated: Bool,
        blank: Bool, inkFraction: Double, milliseconds: Double
    ) {
        self.skewDegrees = skewDegrees
        self.skewConfidence = skewConfidence
        self.rotationApplied = rotationApplied
        self.dpiUsed = dpiUsed
        self.dpiEstimated = dpiEstimated
        self.blank = blank
        self.inkFraction = inkFraction
        self.milliseconds = milliseconds
    }
}
