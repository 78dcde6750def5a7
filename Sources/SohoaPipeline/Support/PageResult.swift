import Foundation
import SohoaImaging
import SohoaOCR

/// Everything the stages learned about a page, saved as `page.json` in the page's work folder so a
/// re-run can package the item without recognizing the page again.
struct PageResult: Sendable, Codable {
    var itemID: String
    var name: String
    var sequence: Int
    var sourceFile: String
    var frameIndex: Int
    var sha256: String
    var technical: TechnicalMetadata
    var dpi: ResolvedDPI
    var normalize: NormalizeReport
    var transform: PageTransform
    /// Set once OCR ran (or was deliberately skipped for an image-only item).
    var text: PageText?
    var ocrLanguage: String?
    var ocrEngine: String?
    var ocrMilliseconds: Int?
    /// The OCR thread's CPU time for the page (recognition and its checks): unlike the wall time, the same
    /// on a busy machine (the accuracy benchmark's cost of normalization is measured against it).
    var ocrCPUMilliseconds: Int? = nil
    var recognizedAt: Date?
    /// Why the recognized text looks wrong (issue 11), when it does: the page is listed for review first.
    var suspectReason: String?
    /// Where the capture falls short of the pipeline's `quality:` gate: the page is flagged for rescanning.
    var captureFindings: [CaptureQualityFinding]?
    /// Share of the page's words that are Vietnamese syllables (0–1), for Vietnamese pages with enough words.
    var syllableShare: Double?
    /// Clockwise quarter turns of the normalized image that OCR read best, when not the image as normalized.
    var ocrQuarterTurns: Int?
    /// `true` when the text kept is the second reading, of the image with its strokes a pixel bolder
    /// (issue 11); absent from `page.json` otherwise (and in files written before it), read as `false`.
    /// Use `readBolder`.
    var bolderStrokes: Bool?
    /// Doubtful lines read a second time from their image enlarged, how many of those readings were
    /// kept, and the time they took (issue 11); absent when no line was read again.
    var linesReadAgain: Int?
    var linesReplaced: Int?
    var lineRereadMilliseconds: Int?
    /// Size of the image in `pdf-image.deflate`.
    var pdfImageWidth: Int
    var pdfImageHeight: Int
    var pdfImageGray: Bool
    var pdfImageDPI: Int
    /// The text layer a PDF master's page already carries (`DecodedScan.textLayer`), kept as a second
    /// opinion beside the OCR (`pdftext/<page>.txt`); nil for images, pages without one and halves of a spread.
    var textLayer: String?
}

extension PageResult {
    /// Whether the text kept was read with the page's strokes a pixel bolder (`false` by default).
    var readBolder: Bool {
        get { bolderStrokes ?? false }
        set { bolderStrokes = newValue ? true : nil }
    }
}
