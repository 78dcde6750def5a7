/// A page ready for OCR: a gray raster, how it maps back onto the master, and what was done.
public struct NormalizedPage: Sendable {
    /// Gray (or black and white), upright, levelled, cropped, cleaned; one half of a split spread.
    public var raster: Raster
    /// Maps normalized coordinates back to the master's pixel grid.
    public var transform: PageTransform
    /// What was measured and done.
    public var report: NormalizeReport

    /// A normalized page from its parts.
    public init(raster: Raster, transform: PageTransform, report: NormalizeReport) {
        self.raster = raster
        self.transform = transform
        self.report = report
    }
}
