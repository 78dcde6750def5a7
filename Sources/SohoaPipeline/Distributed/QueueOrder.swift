import Foundation
import SohoaImaging

/// What a worker needs to process one queued page, written by the planner into the work area
/// (`WorkArea.orderURL`) before the page is enqueued: the page, its item, and the pipeline's settings
/// for the page stages, so every worker normalizes and recognizes as the planner's pipeline says.
///
/// Paths: `file` is the scan as the planner sees it (workers mount the batch at the same path); the
/// page's work folder is not stored but made from the worker's own `--archive` and `sha256`/`frameIndex`.
struct QueueOrder: Codable, Sendable, Equatable {
    /// The pipeline settings the page stages use.
    struct Settings: Codable, Sendable, Equatable {
        var normalize: NormalizeOptions
        var accessMaxSide: Int
        var quality: QualityGate?
        /// The outputs the item gets: which PDFs' page images the stages code (`PagePDFImages`).
        var outputs: Set<PipelineConfiguration.Output>
    }

    var pageID: Int64
    var itemID: String
    var objectID: String
    /// Tesseract language string, or `nil` for an image-only item.
    var ocrLanguage: String?
    var pageCount: Int
    var name: String
    var sequence: Int
    var file: String
    var frameIndex: Int
    var frameCount: Int
    var sha256: String
    /// The text recognized in an earlier run is in the page's work folder: keep it, make only the images.
    var keepsText: Bool
    var settings: Settings
    /// The planner's software and models: a worker with others gives the page back (`nil`: any will do).
    var engine: EngineIdentity?

    init(job: PageJob, settings: Settings, engine: EngineIdentity? = nil) {
        pageID = job.pageID
        itemID = job.item.id
        objectID = job.item.objectID
        ocrLanguage = job.item.ocrLanguage
        pageCount = job.item.pageCount
        name = job.page.name
        sequence = job.page.sequence
        file = job.page.file.path
        frameIndex = job.page.frameIndex
        frameCount = job.page.frameCount
        sha256 = job.sha256
        keepsText = job.reuse == .text
        self.settings = settings
        self.engine = engine
    }

    /// The page's job on a worker whose archive (and so work area) is `work`.
    func job(in work: WorkArea) -> PageJob {
        PageJob(
            item: ItemContext(id: itemID, objectID: objectID, ocrLanguage: ocrLanguage, pageCount: pageCount),
            page: PlannedPage(
                name: name, sequence: sequence, file: URL(fileURLWithPath: file), frameIndex: frameIndex, frameCount: frameCount),
            sha256: sha256, pageID: pageID, folder: work.pageFolder(sha256: sha256, frame: frameIndex),
            reuse: keepsText ? .text : .none)
    }
}

extension QueueOrder.Settings {
    /// The page stages' settings of `pipeline`.
    init(_ pipeline: PipelineConfiguration) {
        self.init(
            normalize: pipeline.normalize, accessMaxSide: pipeline.accessDerivative.maxSide, quality: pipeline.quality,
            outputs: pipeline.outputs)
    }
}
