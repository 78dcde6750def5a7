/// What the normalize stage measured and did to one page.
///
/// Fields added with issue 3 are optional so reports written before still decode.
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
    /// Wall time the stage took for this page (for a spread: for the whole spread).
    public var milliseconds: Double
    /// The orientation measured (whether or not it was acted on); `nil` when not measured.
    public var orientation: OrientationEstimate?
    /// Every opinion on the orientation (profile, recognition candidates, OSD) behind `orientation`;
    /// `nil` in reports written before issue 11.
    public var orientationEvidence: OrientationEvidence?
    /// Clockwise quarter turns applied (0–3); same as the transform's.
    public var quarterTurnsApplied: Int?
    /// The part of the levelled page kept after border removal (before any spread split), in
    /// the levelled page's pixels; `nil` when nothing was cropped.
    public var cropBox: CropBox?
    /// `a` (left) or `b` (right) when the page is one half of a split spread.
    public var spreadPart: String?
    /// Where the spread was split, in the levelled, cropped page's pixels.
    public var gutterX: Int?
    /// Width in pixels of the spine's shadow lifted along the cut edge of a spread's half (see
    /// `GutterShadow`); `nil` for a page that was not split or had no shadow there.
    public var gutterShadowWidth: Int?
    /// How the OCR image was made black and white (`none`: clean gray).
    public var binarization: BinarizationMethod?
    /// Specks removed by the despeckle step.
    public var specksRemoved: Int?
    /// Regions of dither noise cleared on a bilevel scan before despeckling (see `DitherCleaner`);
    /// nil for gray scans and when despeckling is off.
    public var ditherRegionsCleaned: Int?
    /// Wall time of each step, in milliseconds (`gray`, `orientation`, `deskew`, `borders`, `light`,
    /// `spread`, `clean`).
    public var stepMilliseconds: [String: Double]?
    /// CPU time of each step, in milliseconds (the same steps; the orientation checks' recognition is in
    /// `orientation`): unlike the wall times, the same on a busy machine.
    public var stepCPUMilliseconds: [String: Double]?
    /// CPU time the stage's thread spent on the page (for a spread: on the whole spread), in milliseconds.
    public var cpuMilliseconds: Double?

    /// A report with the original fields given; the rest are filled in by the normalizer.
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
