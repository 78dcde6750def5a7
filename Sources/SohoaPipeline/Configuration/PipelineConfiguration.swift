import Foundation
import SohoaImaging

/// The parameters of a pipeline run, read from a file in `Pipelines/` (DESIGN §5).
public struct PipelineConfiguration: Sendable, Equatable {
    /// An OCR output sohoa can write per item.
    public enum Output: String, Sendable, CaseIterable, Codable {
        case alto, hocr, text
        /// The archival item PDF (PDF/A-1b, lossless images): `<item-id>.pdf`.
        case pdf
        /// The compact reading PDF (G4 and JPEG at 150 dpi, the same text): `reading/<item-id>.pdf`.
        case pdfReading = "pdf-reading"
    }

    /// How many workers each stage gets.
    public struct Workers: Sendable, Equatable {
        public var ingest = 1
        public var normalize = 1
        /// `nil` means one per core.
        public var ocr: Int?
        public var package = 1

        public init() {}

        /// OCR workers to start: the configured count, or one per core.
        public var resolvedOCR: Int { ocr ?? max(1, ProcessInfo.processInfo.activeProcessorCount) }
    }

    /// The access copy written per page.
    public struct AccessDerivative: Sendable, Equatable {
        public var maxSide = 2000

        public init() {}
    }

    public var name = "default"
    /// Default OCR languages, ISO 639-2 codes as Tesseract names them (`vie`, `eng`) or `none`.
    public var languages = ["vie"]
    public var normalize = NormalizeOptions()
    public var outputs: Set<Output> = Set(Output.allCases)
    public var workers = Workers()
    public var accessDerivative = AccessDerivative()
    /// What to do with JPEG masters (`lossy-masters:`); `warn` unless the pipeline says otherwise.
    public var lossyMasters = LossyMasters.warn
    /// The capture-quality gate (`quality:`); `nil` when the pipeline has no such section: no page is judged.
    public var quality: QualityGate?

    public init() {}

    /// The Tesseract language string for the default languages (`vie+eng`), or `nil` for image-only.
    public var defaultOCRLanguage: String? {
        OCRLanguage.tesseractString(for: languages)
    }
}
