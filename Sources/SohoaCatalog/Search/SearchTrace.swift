import Foundation

/// Timing lines on standard error, one per search (and per job of the server's thread pools), when
/// the environment has `SOHOA_SEARCH_TRACE=1`: to find what makes the slowest searches slow under
/// load (`scripts/load/search-trace.py` sums them up). Off, it costs one test per search.
public enum SearchTrace {
    /// Whether lines are written.
    public static let isOn = ProcessInfo.processInfo.environment["SOHOA_SEARCH_TRACE"] == "1"

    /// A moment: the wall clock and the CPU time of the current thread.
    public struct Mark: Sendable {
        /// Milliseconds of a monotonic clock.
        public let wall: Double
        /// Milliseconds of CPU the current thread has used.
        public let cpu: Double

        /// Now, on the current thread.
        public static var now: Mark {
            Mark(wall: milliseconds(CLOCK_MONOTONIC), cpu: milliseconds(CLOCK_THREAD_CPUTIME_ID))
        }

        /// `"wall=… cpu=…"` since this mark (on the thread that made it), in milliseconds.
        public var elapsed: String {
            let end = Mark.now
            return String(format: "wall=%.2f cpu=%.2f", end.wall - wall, end.cpu - cpu)
        }

        private static func milliseconds(_ clock: clockid_t) -> Double {
            var time = timespec()
            clock_gettime(clock, &time)
            return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1_000_000
        }
    }

    /// The current thread, to pair a search's line with its pool job's line.
    public static var thread: UInt { UInt(pthread_self()) }

    /// Writes `trace <kind> <fields>` as one line.
    public static func write(_ kind: String, _ fields: String) {
        FileHandle.standardError.write(Data("trace \(kind) t=\(thread) \(fields)\n".utf8))
    }
}
