import Foundation
import SohoaCatalog
import Synchronization

/// Whether a run goes on: a stop asked for (Ctrl-C) and a full archive disk, shared by every worker.
final class RunControl: Sendable {
    let archive: URL
    let progress: RunProgress
    private let stopRequested = Atomic<Bool>(false)
    private let diskFull = Atomic<Bool>(false)

    init(archive: URL, progress: RunProgress) {
        self.archive = archive
        self.progress = progress
    }

    /// Stop taking new pages; pages in flight finish. Reported once.
    func requestStop() {
        if !stopRequested.exchange(true, ordering: .sequentiallyConsistent) {
            progress.report(.stopping)
        }
    }

    /// A stop was asked for or the disk is full: no new page enters the stages.
    var isStopping: Bool { stopRequested.load(ordering: .sequentiallyConsistent) || isDiskFull }

    /// The archive's disk filled up: no stage takes another page, pages in flight are abandoned
    /// (left pending, not failed).
    var isDiskFull: Bool { diskFull.load(ordering: .sequentiallyConsistent) }

    /// Whether a worker of `stage` leaves its next work alone: the first stage stops taking pages on
    /// a stop; later stages finish the pages in flight unless the disk is full.
    func skips(_ stage: PipelineStage) -> Bool {
        stage == .ingest ? isStopping : isDiskFull
    }

    /// Whether `reason` (a failure's text) means the archive's disk is full; the first time, the
    /// run stops taking pages.
    func outOfSpace(_ reason: String) -> Bool {
        guard isDiskFull || DiskSpace.isOutOfSpace(reason, archive: archive) else { return false }
        diskFull.store(true, ordering: .sequentiallyConsistent)
        return true
    }
}
