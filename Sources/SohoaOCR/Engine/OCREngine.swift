import SohoaImaging

/// Something that turns a page image into `PageText`.
///
/// An engine is owned by one worker and used from one thread at a time; implementations hold
/// C resources and are deliberately not `Sendable`.
public protocol OCREngine: AnyObject {
    /// Recognizes the text of one page.
    ///
    /// - Parameters:
    ///   - image: the page, 8-bit gray (RGB is accepted and converted to gray).
    ///   - dpi: the image's resolution in pixels per inch.
    ///   - language: Tesseract language codes joined by `+`, e.g. `vie`, `vie+eng`.
    /// - Returns: the words, lines, paragraphs and blocks in the image's pixel coordinates; an
    ///   empty `PageText` for a page without text.
    func recognize(_ image: Raster, dpi: Int, language: String) throws -> PageText
}
