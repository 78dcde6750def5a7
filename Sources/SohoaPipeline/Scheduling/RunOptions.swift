import Foundation
import SohoaCatalog
import SohoaOCR

/// Everything `sohoa run` needs to know; built by the CLI, used by `BatchRunner`.
public struct RunOptions: Sendable {
    public var batch: URL
    public var archive: URL
    public var pipeline: PipelineConfiguration
    /// OCR workers; overrides the pipeline file.
    public var jobs: Int?
    /// Library code for items whose metadata gives none (object ids are `urn:sohoa:<library>:<item>`).
    public var defaultLibraryCode: String
    /// Library code for every item, whatever its metadata says (a batch submitted by a district
    /// library is archived under that library); nil: the metadata's, else `defaultLibraryCode`.
    public var libraryCode: String?
    /// Where Tesseract's models are.
    public var tessdata: URL
    /// Refuse to start when the archive's disk has less room than the batch needs (`--no-space-check`: false).
    public var checkSpace = true
    /// Take every item's description, page labels and contents from `item.yaml` / `items.csv` even where
    /// they were edited on the web since the item was archived (`--metadata-from-files`); by default a
    /// re-run keeps those edits and warns.
    public var metadataFromFiles = false
    /// The shared work queue of a distributed run (`sohoa run --queue`): the page stages run on the
    /// workers that claim the pages (`QueueWorker`); `nil` runs them here.
    public var queue: (any PageQueue)?
    /// With a queue: how many pages this process works on itself, as a worker of the queue (0: it only
    /// plans, waits and packages).
    public var queueWorkers = 0
    /// With a queue: the lease of the pages this process works on.
    public var queueLease: Duration = .seconds(60)
    /// With a queue: how often the planner asks which pages are finished.
    public var queuePoll: Duration = .milliseconds(500)
    /// The catalog the run writes (`sohoa run --catalog`, e.g. one on PostgreSQL); `nil`: the archive's
    /// own `catalog.sqlite`.
    public var catalog: Catalog?
    /// Makes one OCR engine per OCR worker; tests inject slow, failing or null engines here.
    public var makeEngine: @Sendable () throws -> any OCREngine

    public init(
        batch: URL, archive: URL, pipeline: PipelineConfiguration, jobs: Int? = nil,
        defaultLibraryCode: String = "LOCAL", tessdata: URL = TesseractEngine.defaultTessdata,
        makeEngine: (@Sendable () throws -> any OCREngine)? = nil
    ) {
        self.batch = batch
        self.archive = archive
        self.pipeline = pipeline
        self.jobs = jobs
        self.defaultLibraryCode = defaultLibraryCode
        self.tessdata = tessdata
        self.makeEngine = makeEngine ?? { [tessdata] in try TesseractEngine(tessdata: tessdata) }
    }

    /// OCR workers to start.
    public var ocrWorkers: Int { jobs ?? pipeline.workers.resolvedOCR }
}
