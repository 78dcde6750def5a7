/// Technical metadata of a page's master image, written as a PREMIS object in the METS `techMD`.
public struct PageTechnical: Sendable, Equatable, Codable {
    /// MIME type of the master, e.g. `image/tiff`.
    public var mimeType: String
    /// Format name as people say it, e.g. `TIFF`.
    public var formatName: String
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// Bits per sample in the file.
    public var bitsPerSample: Int
    /// Samples per pixel in the file.
    public var samplesPerPixel: Int
    /// `bilevel`, `gray`, `rgb`, `palette`, …
    public var colorModel: String
    /// Compression as found in the file, e.g. `LZW`.
    public var compression: String
    /// Resolution in dots per inch as used by sohoa.
    public var dpi: Int?
    /// True when `dpi` is an estimate, not the file's own value.
    public var dpiEstimated: Bool
    /// 0-based frame of a multi-page file, nil for single-page files.
    public var frameIndex: Int?
    /// The format's PRONOM identifier (`fmt/353`), written as PREMIS `formatRegistry`; nil when unknown.
    public var pronomID: String?
    /// The format's version (`1.01`), written as PREMIS `formatVersion`.
    public var formatVersion: String?

    /// Technical metadata with every field given.
    public init(
        mimeType: String, formatName: String, width: Int, height: Int, bitsPerSample: Int, samplesPerPixel: Int,
        colorModel: String, compression: String, dpi: Int?, dpiEstimated: Bool, frameIndex: Int? = nil, pronomID: String? = nil,
        formatVersion: String? = nil
    ) {
        self.mimeType = mimeType
        self.formatName = formatName
        self.width = width
        self.height = height
        self.bitsPerSample = bitsPerSample
        self.samplesPerPixel = samplesPerPixel
        self.colorModel = colorModel
        self.compression = compression
        self.dpi = dpi
        self.dpiEstimated = dpiEstimated
        self.frameIndex = frameIndex
        self.pronomID = pronomID
        self.formatVersion = formatVersion
    }

    /// (name, value) pairs recorded as PREMIS significant properties.
    var significantProperties: [(String, String)] {
        var list = [
            ("width", "\(width)"), ("height", "\(height)"), ("bitsPerSample", "\(bitsPerSample)"),
            ("samplesPerPixel", "\(samplesPerPixel)"), ("colorModel", colorModel), ("compression", compression),
        ]
        if let dpi { list.append(("resolution", "\(dpi) dpi" + (dpiEstimated ? " (estimated)" : ""))) }
        if let frameIndex { list.append(("frame", "\(frameIndex)")) }
        return list
    }
}
