import Foundation
import Synchronization

/// Runs a submitted batch through the pipeline, as `sohoa run` does. The server links no pipeline:
/// `sohoa serve` hands one in (the pipeline's `BatchRunner` behind it); tests hand in their own.
public protocol SubmittedBatchRunner: Sendable {
    /// Runs the batch folder `batch` into the archive; blocks until it ends or `stop` asks it to
    /// (pages in flight finish, the run can be resumed). Reports progress as it goes.
    func run(
        _ batch: SubmittedBatch, progress: @escaping @Sendable (SubmittedBatchProgress) -> Void, stop: SubmissionStop
    ) -> SubmittedBatchResult
}

/// One batch for the runner.
public struct SubmittedBatch: Sendable {
    /// The submission's id.
    public var id: Int64
    /// The bag's payload folder: the batch as the station had it.
    public var folder: URL
    /// The library every item is archived under, whatever its metadata says; nil: the items' own
    /// metadata, else the server's default, decides (as in `sohoa run`).
    public var libraryCode: String?
    /// The pipeline file; nil: the built-in default.
    public var pipeline: URL?
}

/// How far a run is.
public struct SubmittedBatchProgress: Sendable, Equatable {
    public var pagesDone: Int
    public var pagesTotal: Int
    public var pagesFailed: Int
    public var itemsArchived: Int

    public init(pagesDone: Int, pagesTotal: Int, pagesFailed: Int, itemsArchived: Int) {
        self.pagesDone = pagesDone
        self.pagesTotal = pagesTotal
        self.pagesFailed = pagesFailed
        self.itemsArchived = itemsArchived
    }
}

/// How a run ended.
public enum SubmittedBatchResult: Sendable, Equatable {
    /// Every item archived.
    case archived(SubmittedBatchProgress)
    /// Stopped by the server's shutdown; the next start resumes it.
    case stopped
    /// Not started: another run holds the archive (a `sohoa run` on the server); tried again later.
    case busy(String)
    /// Pages or items failed, or the run could not start; one plain sentence each.
    case failed(SubmittedBatchProgress?, [String])
}

/// Asks a running batch to stop (the server is shutting down).
public final class SubmissionStop: Sendable {
    private let state = Mutex<(stopped: Bool, handlers: [@Sendable () -> Void])>((false, []))

    public init() {}

    /// Whether a stop was asked.
    public var isStopped: Bool { state.withLock { $0.stopped } }

    /// Calls `handler` when a stop is asked (at once if it was already).
    public func onStop(_ handler: @escaping @Sendable () -> Void) {
        let now = state.withLock { state -> Bool in
            if state.stopped { return true }
            state.handlers.append(handler)
            return false
        }
        if now { handler() }
    }

    /// Asks for the stop.
    public func stop() {
        let handlers = state.withLock { state -> [@Sendable () -> Void] in
            state.stopped = true
            defer { state.handlers = [] }
            return state.handlers
        }
        for handler in handlers { handler() }
    }
}
