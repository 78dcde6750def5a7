/// What the normalize stage does to a page.
public struct NormalizeOptions: Sendable, Codable, Equatable {
    /// Detect pages lying on their side or upside down and turn them upright.
    public var orientation: Bool
    /// Smallest orientation confidence (0–1) that turns a page.
    public var minimumOrientationConfidence: Double
    /// Measure the skew and level the page.
    public var deskew: Bool
    /// Largest skew searched for, in degrees.
    public var maxSkewDegrees: Double
    /// Resolution low-resolution pages are upsampled to; pages below two thirds of it (200 dpi for
    /// 300) are upsampled. `nil` never resamples.
    public var minimumDPI: Int?
    /// Smallest skew worth correcting, in degrees.
    public var minimumSkewDegrees: Double
    /// Smallest skew confidence (0–1) that is acted on.
    public var minimumSkewConfidence: Double
    /// Crop dark scanner borders and paint over partial ones.
    public var cropBorders: Bool
    /// Even out uneven light and gray paper (clean gray: white paper, dark print).
    public var evenLight: Bool
    /// Black-and-white conversion of the page given to OCR.
    public var binarize: BinarizationMethod
    /// Remove isolated specks (never diacritics).
    public var despeckle: Bool
    /// Splitting of two-page spreads.
    public var splitSpreads: SpreadMode

    /// Options; the defaults do every step (gray output, spreads split when detected), deskew up to
    /// ±15° and upsample pages below 200 dpi to 300 dpi.
    public init(
        orientation: Bool = true, minimumOrientationConfidence: Double = 0.5, deskew: Bool = true,
        maxSkewDegrees: Double = 15, minimumDPI: Int? = 300, minimumSkewDegrees: Double = 0.1,
        minimumSkewConfidence: Double = 0.3, cropBorders: Bool = true, evenLight: Bool = true,
        binarize: BinarizationMethod = .none, despeckle: Bool = true, splitSpreads: SpreadMode = .auto
    ) {
        self.orientation = orientation
        self.minimumOrientationConfidence = minimumOrientationConfidence
        self.deskew = deskew
        self.maxSkewDegrees = maxSkewDegrees
        self.minimumDPI = minimumDPI
        self.minimumSkewDegrees = minimumSkewDegrees
        self.minimumSkewConfidence = minimumSkewConfidence
        self.cropBorders = cropBorders
        self.evenLight = evenLight
        self.binarize = binarize
        self.despeckle = despeckle
        self.splitSpreads = splitSpreads
    }

    /// Options that only convert to gray (and upsample very low resolutions): every step off.
    public static let minimal = NormalizeOptions(
        orientation: false, deskew: false, cropBorders: false, evenLight: false, despeckle: false, splitSpreads: .never)
}
