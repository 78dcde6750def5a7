/// How a page is encoded in its source file, as found in the file (not as decoded).
public struct TechnicalMetadata: Sendable, Codable, Equatable {
    /// The container format.
    public var format: ScanFormat
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// Bits per sample in the file (1 for bilevel, 8, 16, or the palette index depth).
    public var bitsPerSample: Int
    /// Samples per pixel in the file, alpha included.
    public var samplesPerPixel: Int
    /// "bilevel", "gray", "rgb", "palette", "cmyk", "ycbcr", "lab" or "other".
    public var colorModel: String
    /// Human-readable compression: "CCITT Group 4", "LZW", "Deflate", "JPEG", "none", ...
    public var compression: String
    /// True when the file carries transparency (an alpha channel or a PNG tRNS chunk).
    public var hasAlpha: Bool
    /// Horizontal resolution in dots per inch, when the file records one (TIFF centimetre units are
    /// converted; TIFF values without a unit are taken as per inch; PNG pHYs in metres are converted).
    public var resolutionX: Double?
    /// Vertical resolution in dots per inch, when the file records one.
    public var resolutionY: Double?
    /// 0-based page of the file this describes.
    public var pageIndex: Int
    /// Number of pages in the file.
    public var pageCount: Int
    /// The file's format in the PRONOM registry, when its signature is one PRONOM lists.
    public var pronom: PRONOMFormat?

    /// Whether the page's coding lost detail: every JPEG, a JPEG 2000 file not known to be coded
    /// losslessly, a TIFF page coded as JPEG, a PDF page whose image is DCT or JPEG 2000.
    public var isLossy: Bool {
        format.isLossy || (format == .tiff && TIFFFile.jpegCompressionNames.contains(compression))
            || (format == .jpeg2000 && compression != "JPEG 2000 (lossless)")
            || (format == .pdf && (compression.hasSuffix("(jpeg)") || compression.hasSuffix("(jpx)")))
    }

    /// Whether the page is a born-digital PDF page (drawn, with no scanned image), whose text layer
    /// is the author's own text rather than an earlier OCR.
    public var isBornDigital: Bool {
        format == .pdf && compression.hasSuffix(PDFScanFile.bornDigitalLabel)
    }

    /// Technical metadata with every field given.
    public init(
        format: ScanFormat, width: Int, height: Int, bitsPerSample: Int, samplesPerPixel: Int,
        colorModel: String, compression: String, hasAlpha: Bool, resolutionX: Double?, resolutionY: Double?,
        pageIndex: Int, pageCount: Int
    ) {
        self.format = format
        self.width = width
        self.height = height
        self.bitsPerSample = bitsPerSample
        self.samplesPerPixel = samplesPerPixel
        self.colorModel = colorModel
        self.compression = compression
        self.hasAlpha = hasAlpha
        self.resolutionX = resolutionX
        self.resolutionY = resolutionY
        self.pageIndex = pageIndex
        self.pageCount = pageCount
    }
}
