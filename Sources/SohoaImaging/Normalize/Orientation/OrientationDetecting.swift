/// A second opinion on page orientation, consulted when sohoa's own method is unsure (for example
/// Tesseract's OSD, which lives in `SohoaOCR`). Implementations may own C resources: not `Sendable`,
/// one per normalize worker.
public protocol OrientationDetecting: AnyObject {
    /// The orientation of an 8-bit gray page at `dpi`, or `nil` when there is no usable evidence.
    func orientation(of gray: Raster, dpi: Int) -> OrientationEstimate?
}
