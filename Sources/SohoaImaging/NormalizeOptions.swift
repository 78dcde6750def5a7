/// What the (minimal) normalize stage does to a page.
public struct NormalizeOptions: Sendable, Codable, Equatable {
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

    /// Options; the defaults deskew up to ±15° and upsample pages below 200 dpi to 300 dpi.
    public init(
        deskew: Bool = true, maxSkewDegrees: Double = 15, minimumDPI: Int? = 300,
        minimumSkewDegrees: Double = 0.1, minimumSkewConfidence: Double = 0.3
    ) {
        self.deskew = deskew
        self.maxSkewDegrees = maxSkewDegrees
        self.minimumDPI = minimumDPI
        self.minimumSkewDegrees = minimumSkewDegrees
        self.minimumSkewConfidence = minimumSkewConfidence
    }
}
