/// How the normalize stage turns the clean gray page into black and white for OCR.
public enum BinarizationMethod: String, Sendable, Codable, CaseIterable {
    /// Keep the clean gray image (Tesseract thresholds it itself).
    case none
    /// One global threshold (Otsu).
    case otsu
    /// A local threshold from the mean and spread of the neighbourhood (Sauvola), for uneven pages.
    case sauvola
}
