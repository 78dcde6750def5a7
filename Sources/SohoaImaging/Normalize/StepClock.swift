import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Wall and CPU time of consecutive steps, for `NormalizeReport.stepMilliseconds` and
/// `stepCPUMilliseconds`, and the CPU time of
/// the calling thread since the clock started.
struct StepClock {
    private var last = DispatchTime.now()
    private let cpuStart = StepClock.threadCPUMilliseconds()
    private var lastCPU = StepClock.threadCPUMilliseconds()
    /// Milliseconds per step name.
    private(set) var laps: [String: Double] = [:]
    /// CPU milliseconds of this thread per step name (the same steps as `laps`).
    private(set) var cpuLaps: [String: Double] = [:]

    /// Ends the current step under `name` and starts the next.
    mutating func lap(_ name: String) {
        let now = DispatchTime.now()
        laps[name, default: 0] += Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1_000_000
        last = now
        let cpu = Self.threadCPUMilliseconds()
        cpuLaps[name, default: 0] += cpu - lastCPU
        lastCPU = cpu
    }

    /// CPU time this thread spent since the clock started, in milliseconds.
    var cpuMilliseconds: Double { Self.threadCPUMilliseconds() - cpuStart }

    private static func threadCPUMilliseconds() -> Double {
        var time = timespec()
        guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time) == 0 else { return 0 }
        return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1_000_000
    }
}
