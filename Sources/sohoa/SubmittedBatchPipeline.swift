import Foundation
import SohoaCatalog
import SohoaCollection
import SohoaPipeline
import SohoaServer

/// What `sohoa serve` runs submitted batches with: the same pipeline as `sohoa run`
/// (`BatchRunRequest`, `BatchRunner`), on the bag's payload folder, progress sent to the catalog.
struct SubmittedBatchPipeline: SubmittedBatchRunner {
    let archive: URL
    /// Library code for items whose metadata gives none, when the submission has none either.
    let defaultLibraryCode: String
    /// The catalog the runs write when it is not the archive's own `catalog.sqlite` (`sohoa serve
    /// --catalog postgresql://…`: `RunOptions.catalog`, as `sohoa run --catalog`); `nil`: that file.
    var catalog: Catalog? = nil

    func run(
        _ batch: SubmittedBatch, progress: @escaping @Sendable (SubmittedBatchProgress) -> Void, stop: SubmissionStop
    ) -> SubmittedBatchResult {
        var request = BatchRunRequest(
            batch: batch.folder, archive: archive, pipelineFile: batch.pipeline, defaultLibraryCode: defaultLibraryCode)
        request.libraryCode = batch.libraryCode
        let runner: BatchRunner
        do {
            var options = try request.options()
            options.catalog = catalog
            runner = BatchRunner(
                options: options, progress: RunProgress(batch: batch.folder.path, reporter: Reporter(send: progress)))
        } catch {
            return .failed(nil, [error.description])
        }
        // Another run on the archive (a `sohoa run` started by hand): wait for it rather than fail.
        do {
            withExtendedLifetime(try RunLock.acquire(archive: archive, batch: batch.folder.path)) {}
        } catch {
            return .busy(error.description)
        }
        stop.onStop { runner.requestStop() }
        let summary: RunSummary
        do {
            summary = try runner.run()
        } catch {
            return .failed(nil, [error.description])
        }
        let done = Self.progress(summary.snapshot)
        switch summary.exitStatus {
        case .success: return .archived(done)
        case .interrupted: return .stopped
        default:
            var problems = summary.snapshot.failures.map(\.description)
            if let full = summary.diskFull { problems.append("the archive's disk is full: \(full)") }
            return .failed(done, problems.isEmpty ? ["the run ended with exit status \(summary.exitStatus.rawValue)"] : problems)
        }
    }

    static func progress(_ snapshot: RunSnapshot) -> SubmittedBatchProgress {
        SubmittedBatchProgress(
            pagesDone: snapshot.pagesDone + snapshot.pagesReused, pagesTotal: snapshot.pagesTotal, pagesFailed: snapshot.pagesFailed,
            itemsArchived: snapshot.itemsPackaged + snapshot.itemsSkipped)
    }

    /// Hands every progress update on.
    private struct Reporter: ProgressReporter {
        let send: @Sendable (SubmittedBatchProgress) -> Void
        func update(_ snapshot: RunSnapshot, after event: ProgressEvent) { send(SubmittedBatchPipeline.progress(snapshot)) }
        func finish(_ snapshot: RunSnapshot) { send(SubmittedBatchPipeline.progress(snapshot)) }
    }
}
