import Foundation
import Synchronization

/// What workers tell the run as they go.
public enum ProgressEvent: Sendable {
    case planned(items: Int, pages: Int)
    case itemSkipped(String)
    case working(worker: String, on: String?)
    case pageDone(item: String, page: String, reused: Bool, blank: Bool)
    /// A scan was found to be a two-page spread and split into `parts` pages: the run's page total
    /// grows by `parts - 1`, so pages finished never exceed it.
    case spreadSplit(item: String, page: String, parts: Int)
    case pageFailed(StageFailure)
    /// A page was recognized but its text looks wrong; it is archived and listed for review first.
    case pageSuspect(SuspectPage)
    case failure(StageFailure)
    case itemPackaged(String)
    case itemFailed(StageFailure)
    case warning(String)
    case stopping
}

/// Receives progress as it happens.
public protocol ProgressReporter: Sendable {
    /// Called after each event with the new state.
    func update(_ snapshot: RunSnapshot, after event: ProgressEvent)
    /// Called once at the end.
    func finish(_ snapshot: RunSnapshot)
}

/// The run's shared progress state; workers on any thread report to it.
public final class RunProgress: Sendable {
    private let state: Mutex<RunSnapshot>
    private let reporter: any ProgressReporter
    private let started = ContinuousClock.now

    public init(batch: String, reporter: any ProgressReporter) {
        state = Mutex(RunSnapshot(batch: batch, startedAt: Date(), elapsedSeconds: 0))
        self.reporter = reporter
    }

    /// Applies `event` and forwards it to the reporter.
    public func report(_ event: ProgressEvent) {
        let elapsed = started.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let snapshot = state.withLock { s -> RunSnapshot in
            s.elapsedSeconds = seconds
            switch event {
            case .planned(let items, let pages):
                s.itemsTotal = items
                s.pagesTotal = pages
            case .itemSkipped:
                s.itemsSkipped += 1
            case .working(let worker, let subject):
                s.activity[worker] = subject ?? "—"
            case .spreadSplit(_, _, let parts):
                s.pagesTotal += max(parts - 1, 0)
            case .pageDone(_, _, let reused, let blank):
                if reused { s.pagesReused += 1 } else { s.pagesDone += 1 }
                if blank { s.pagesBlank += 1 }
            case .pageSuspect(let page):
                s.suspectPages.append(page)
            case .pageFailed(let failure):
                s.pagesFailed += 1
                s.failures.append(failure)
            case .failure(let failure):
                s.failures.append(failure)
            case .itemPackaged:
                s.itemsPackaged += 1
            case .itemFailed(let failure):
                s.itemsFailed += 1
                s.failures.append(failure)
            case .warning(let text):
                s.warnings.append(text)
            case .stopping:
                s.stopped = true
            }
            return s
        }
        reporter.update(snapshot, after: event)
    }

    /// The state now.
    public var snapshot: RunSnapshot {
        let elapsed = started.duration(to: .now)
        return state.withLock { s in
            var copy = s
            copy.elapsedSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            return copy
        }
    }

    /// Ends reporting.
    public func finish() -> RunSnapshot {
        let final = snapshot
        reporter.finish(final)
        return final
    }
}
