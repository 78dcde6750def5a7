import SohoaImaging
import SohoaOCR

/// A test engine that recognizes nothing: every page comes back empty. For pipeline tests and
/// dry runs where OCR itself is not under test.
public final class NullOCREngine: OCREngine {
    /// How many pages it was asked to recognize.
    public private(set) var calls = 0

    /// Creates the engine.
    public init() {}

    /// Returns an empty `PageText` of the image's size.
    public func recognize(_ image: Raster, dpi: Int, language: String) throws -> PageText {
        calls += 1
        return .empty(width: image.width, height: image.height)
    }
}
