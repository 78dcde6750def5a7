import CTesseract

/// How Tesseract finds the text on an image before reading it.
public enum PageSegmentation: String, Sendable {
    /// Full layout analysis, as the `tesseract` command does by default (pages, columns, vertical text).
    case auto
    /// One uniform block of horizontal lines: no layout analysis, and vertical text is never
    /// turned (for samples whose orientation is being judged).
    case singleBlock = "single-block"

    var tesseractMode: TessPageSegMode {
        switch self {
        case .auto: return PSM_AUTO
        case .singleBlock: return PSM_SINGLE_BLOCK
        }
    }
}
