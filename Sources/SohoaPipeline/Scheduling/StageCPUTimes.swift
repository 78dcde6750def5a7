import Foundation
import Synchronization

/// CPU seconds a run spent in each stage's workers (issue 19: where the time goes), summed over the
/// workers' threads; `other` is the rest of the run's process time (planning and the masters'
/// checksums, the catalog writer, the progress display).
public struct StageCPUSeconds: Sendable, Codable, Equatable {
    /// Seconds by stage (`ingest`, `normalize`, `ocr`, `metadata`, `package`).
    public var stages: [String: Double]
    /// The process's CPU seconds outside the stages' workers.
    public var other: Double

    /// Every figure, `other` among them, rounded to a tenth: for the JSON summary.
    public var rounded: [String: Double] {
        var figures = stages.mapValues { ($0 * 10).rounded() / 10 }
        figures["other"] = (other * 10).rounded() / 10
        return figures
    }
}

/// Adds up the CPU time of the stages' worker threads while a run goes (`StageWorkers`).
final class StageCPUTimes: Sendable {
    private let seconds = Mutex<[String: Double]>([:])
    /// The process's CPU time when the run started (made first thing in `BatchRunner.run`).
    private let processAtStart = StageCPUTimes.processSeconds()

    /// Adds `value` seconds to `stage`.
    func add(_ value: Double, to stage: String) {
        seconds.withLock { $0[stage, default: 0] += value }
    }

    /// What each stage used, and the rest of the process since this object was made.
    var figures: StageCPUSeconds {
        let stages = seconds.withLock { $0 }
        let total = Self.processSeconds() - processAtStart
        return StageCPUSeconds(stages: stages, other: max(0, total - stages.values.reduce(0, +)))
    }

    /// The calling thread's CPU time (user and system), in seconds.
    static func threadSeconds() -> Double {
        var time = timespec()
        guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time) == 0 else { return 0 }
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The process's CPU time (user and system, every thread), in seconds.
    static func processSeconds() -> Double {
        var time = timespec()
        guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time) == 0 else { return 0 }
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
