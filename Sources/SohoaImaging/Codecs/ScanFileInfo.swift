/// What a scan file is, found without decoding its pixels.
public struct ScanFileInfo: Sendable, Equatable {
    /// The container format, from the file's first bytes.
    public var format: ScanFormat
    /// Number of pages (TIFF directories); always 1 for PNG.
    public var pageCount: Int

    /// Info with both fields given.
    public init(format: ScanFormat, pageCount: Int) {
        self.format = format
        self.pageCount = pageCount
    }
}
