/// One decoded page of a scan: its pixels and a faithful description of the source encoding.
public struct DecodedScan: Sendable {
    /// 8-bit pixels: `.gray` for gray and bilevel sources, `.rgb` otherwise (alpha composited on white).
    public var raster: Raster
    /// How the page is encoded in the file.
    public var technical: TechnicalMetadata
    /// The text a PDF page already carries (NFC), nil for images and pages without text: a second
    /// opinion on the page, never its recognized text.
    public var textLayer: String?

    /// A decoded page from its pixels and metadata.
    public init(raster: Raster, technical: TechnicalMetadata) {
        self.raster = raster
        self.technical = technical
    }
}
