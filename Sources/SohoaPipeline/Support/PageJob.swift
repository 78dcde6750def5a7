import Foundation
import SohoaImaging

/// One page's trip through the stages; a plain value handed from worker to worker.
struct PageJob: Sendable {
    /// How much earlier work can be reused for this page.
    enum Reuse: Sendable {
        /// Nothing: decode, normalize and recognize.
        case none
        /// The recognized text is kept: decode and normalize again for the images, no OCR.
        case text
        /// Text and images are all in the work area: nothing to redo.
        case everything
    }

    var item: ItemContext
    var page: PlannedPage
    var sha256: String
    var pageID: Int64
    var folder: URL
    var reuse: Reuse
}

// A page keeps one name from planning to packaging: its `PageJob`. Between two page stages it
// travels inside a value holding exactly what the next stage needs, so that each stage's input is
// complete by its type and a finished stage drops what follows no longer needs: after ingest the
// decoded scan (`IngestedPage`), after normalize only the image OCR reads (`NormalizedWork`; the scan
// is gone). Once recognized, the page joins its item as its bare job (`ItemWork.pages`): its results
// are in the job's work folder.

/// A decoded page, after ingest.
struct IngestedPage: Sendable {
    var job: PageJob
    var scan: DecodedScan
    var dpi: ResolvedDPI
    /// Where the capture falls short of the pipeline's quality gate (empty without a gate).
    var captureFindings: [CaptureQualityFinding] = []
}

/// A normalized page, after the normalize stage wrote the access and PDF images.
struct NormalizedWork: Sendable {
    var job: PageJob
    var result: PageResult
    var image: SohoaImaging.Raster
}
