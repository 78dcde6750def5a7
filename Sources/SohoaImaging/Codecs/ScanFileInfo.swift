/// What a scan file is, found without decoding its pixels.
public struct ScanFileInfo: Sendable, Equatable {
    /// The container format, from the file's first bytes.
    public var format: ScanFormat
    /// Number of pages (TIFF directories, PDF pages); always 1 for PNG, JPEG and JPEG 2000.
    public var pageCount: Int
    /// Whether the file's coding loses detail (every JPEG; a TIFF with a JPEG-coded page, compression 6 or 7; a JPEG 2000 file whose coding is not the
    /// reversible wavelet without quantization; a PDF with a DCT or JPEG 2000 image), so that it is not
    /// a lossless master.
    public var isLossy: Bool

    /// Info with every field given; `isLossy` defaults to what the format says.
    public init(format: ScanFormat, pageCount: Int, isLossy: Bool? = nil) {
        self.format = format
        self.pageCount = pageCount
        self.isLossy = isLossy ?? format.isLossy
    }
}
