/// Recognition of a small sample of a page, asked which way up the page reads best when sohoa's
/// line profiles are unsure (implemented in `SohoaOCR` with the item's OCR language).
/// Implementations use an OCR engine: not `Sendable`, one per normalize worker.
public protocol RecognitionScoring: AnyObject {
    /// How well `sample` (8-bit gray, recognized as it is, never turned) reads at `dpi`; `nil` when
    /// it could not be recognized at all.
    func readability(of sample: Raster, dpi: Int) -> Readability?
}
