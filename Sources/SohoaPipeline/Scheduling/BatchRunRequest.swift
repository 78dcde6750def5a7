import Foundation
import SohoaCollection

/// A batch run as people start it — `sohoa run` on a folder, or `sohoa serve` on a submitted bag —
/// before the pipeline file is read: what both need to build `RunOptions` the same way.
public struct BatchRunRequest: Sendable {
    public var batch: URL
    public var archive: URL
    /// The pipeline file; nil: the built-in `Pipelines/default.yaml`.
    public var pipelineFile: URL?
    /// OCR workers; nil: the pipeline file's.
    public var jobs: Int?
    /// Library code for items whose metadata gives none.
    public var defaultLibraryCode: String
    /// Library code for every item, whatever its metadata says; nil: the metadata's, else the default.
    public var libraryCode: String?
    /// Refuse to start when the disk seems too small for the batch.
    public var checkSpace = true

    public init(batch: URL, archive: URL, pipelineFile: URL? = nil, jobs: Int? = nil, defaultLibraryCode: String) {
        self.batch = batch.standardizedFileURL
        self.archive = archive
        self.pipelineFile = pipelineFile
        self.jobs = jobs
        self.defaultLibraryCode = defaultLibraryCode.uppercased()
    }

    /// The pipeline configuration: the file's, or the built-in default. Throws `RunError(.usage)`.
    public static func configuration(file: URL?) throws(RunError) -> PipelineConfiguration {
        do {
            if let file { return try PipelineFileParser.load(file) }
            return try DefaultPipeline.configuration()
        } catch {
            throw RunError(.usage, error.description)
        }
    }

    /// The run's options, with the pipeline file read. Throws `RunError(.usage)`.
    public func options() throws(RunError) -> RunOptions {
        var options = RunOptions(
            batch: batch, archive: archive, pipeline: try Self.configuration(file: pipelineFile), jobs: jobs,
            defaultLibraryCode: defaultLibraryCode)
        options.checkSpace = checkSpace
        options.libraryCode = libraryCode?.uppercased()
        return options
    }

    /// What `sohoa run` would refuse in the batch before starting, one plain sentence each (an
    /// unreadable batch or `items.csv`, files that are not scans, bad `item.yaml`): checked on the
    /// sending station before anything is sent. Empty when the batch can go.
    public static func problems(batch: URL, pipeline: PipelineConfiguration) -> [String] {
        let plan: BatchPlan
        do {
            plan = try BatchPlanner(defaultLanguages: pipeline.languages, lossyMasters: pipeline.lossyMasters).plan(batch)
        } catch {
            return [error.description]
        }
        var problems = plan.rejections.map { "\($0.file.path): \($0.reason)" }
        if plan.items.isEmpty && problems.isEmpty {
            problems.append("\(batch.path): the batch holds no item (no folder of scans, no multi-page file)")
        }
        return problems
    }
}
