/// What a pipeline asks of a capture before it becomes the archival master (the `quality:` section).
///
/// The defaults follow the levels archives use for text: FADGI 3-star and Metamorfoze Light ask for
/// 300–400 ppi at the original's real size for printed and handwritten text; both ask for no
/// clipping of the paper tone and of the darkest ink beyond a small share, and for images as
/// sharp as the scanner's optics allow.
public struct CaptureQualityCriteria: Sendable, Equatable, Codable {
    /// Least resolution at the page's real size, in dots per inch (`min-dpi`); 300 by default
    /// (FADGI 3-star / Metamorfoze Light for text). `nil` leaves resolution unchecked.
    public var minimumDPI: Int?
    /// Least tone the capture must hold (`expect`): a gray page may not be a 1-bit file; a colour
    /// page may be neither 1-bit nor gray. `nil` (`any`) accepts every tone.
    public var expectedTone: CaptureTone?
    /// Widest the page's text edges may be, in pixels (`max-blur`): the median, over the page's
    /// strong edges, of the edge's contrast divided by its steepest one-pixel step. A sharp scan
    /// measures about 1–2.5 px; a blurred or out-of-focus one 4 or more. `nil` leaves it unchecked.
    public var maximumBlur: Double?
    /// Largest share (0–1) of the page's pixels at pure white (highlights) or pure black (shadows),
    /// each measured separately (`max-clipped`). Not applied to 1-bit pages, which are all black and
    /// white by nature. `nil` leaves it unchecked.
    public var maximumClipped: Double?

    /// The criteria the `quality:` section starts from: 300 dpi, any tone, text edges at most 4 px
    /// wide (SampleScans measure 2.0–2.7 px, a Gaussian blur of σ ≈ 2.4 px 5.3 px), clipping
    /// unchecked (many scanners burn the paper tone to pure white by default; a project that
    /// follows FADGI sets a share such as 0.02).
    public static let standard = CaptureQualityCriteria(minimumDPI: 300, expectedTone: nil, maximumBlur: 4, maximumClipped: nil)

    /// Criteria with every threshold given (`nil` = not checked).
    public init(minimumDPI: Int?, expectedTone: CaptureTone?, maximumBlur: Double?, maximumClipped: Double?) {
        self.minimumDPI = minimumDPI
        self.expectedTone = expectedTone
        self.maximumBlur = maximumBlur
        self.maximumClipped = maximumClipped
    }
}
