import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A thread of its own that runs jobs one at a time, in order, at a lower CPU priority than the rest
/// of the server (a higher nice value): work that anyone can ask for in bulk (whole images at the
/// largest size) gets a small share of the CPU while readers' requests want it, and all of it when
/// the server is otherwise idle.
public final class LowPriorityThread: Sendable {
    /// The nice value such threads run at: about a tenth of a core's time when normal work competes.
    public static let niceness: Int32 = 10

    private final class Jobs: Sendable {
        let waiting = Mutex<[@Sendable () -> Void]>([])
        /// Signalled once per job added, and once more to end the thread.
        let ready = DispatchSemaphore(value: 0)
    }

    private let jobs = Jobs()

    /// Starts the thread, named `name` (as `top -H` shows it).
    public init(name: String) {
        let jobs = self.jobs
        let thread = Thread {
            Self.lowerCurrentThreadPriority()
            while true {
                jobs.ready.wait()
                guard let job = jobs.waiting.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) else { return }
                job()
            }
        }
        thread.name = name
        thread.start()
    }

    deinit {
        // Every job added was signalled before this one, so the thread runs them all, then ends.
        jobs.ready.signal()
    }

    /// Runs `job` on the thread after the jobs already given.
    public func async(_ job: @escaping @Sendable () -> Void) {
        jobs.waiting.withLock { $0.append(job) }
        jobs.ready.signal()
    }

    /// Gives the calling thread (only it: on Linux the nice value belongs to each thread) the nice
    /// value `niceness`. Call it from a thread that does only such work: an unprivileged process
    /// cannot give a thread its priority back.
    public static func lowerCurrentThreadPriority() {
        #if os(Linux)
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
        #endif
    }

    /// The calling thread's nice value (0 where threads have none of their own).
    public static var currentThreadNiceness: Int32 {
        #if os(Linux)
            errno = 0
            return getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        #else
            return 0
        #endif
    }
}
