import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A thread of its own that runs jobs one at a time, in order, at one `WorkPriority`: below
/// `interactive`, work that anyone can ask for in bulk (whole images at the largest size) gets a
/// small share of the CPU while readers' requests want it, and all of it when the server is
/// otherwise idle.
public final class PriorityThread: Sendable {
    /// The priority the thread runs at.
    public let priority: WorkPriority

    private final class Jobs: Sendable {
        let waiting = Mutex<[@Sendable () -> Void]>([])
        /// Signalled once per job added, and once more to end the thread.
        let ready = DispatchSemaphore(value: 0)
    }

    private let jobs = Jobs()

    /// Starts the thread, named `name` (as `top -H` shows it), at `priority`.
    public init(name: String, priority: WorkPriority) {
        self.priority = priority
        let jobs = self.jobs
        let thread = Thread {
            Self.setCurrentThreadPriority(priority)
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
    /// value of `priority` above the server's own (`serverNiceness`), whatever the thread had from
    /// the thread that started it (libdispatch gives its threads a nice value of their own by
    /// quality of service when it may). Call it from a thread that does only such work: an
    /// unprivileged process cannot give a thread a higher priority back.
    public static func setCurrentThreadPriority(_ priority: WorkPriority) {
        #if os(Linux)
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness(of: priority))
        #endif
    }

    /// The nice value threads of `priority` run at in this process.
    public static func niceness(of priority: WorkPriority) -> Int32 {
        min(19, serverNiceness + priority.niceness)
    }

    /// The nice value the server was started at (its main thread's, as `nice -n` gave it).
    public static var serverNiceness: Int32 {
        #if os(Linux)
            errno = 0
            let value = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(getpid()))
            return errno == 0 ? value : 0
        #else
            return 0
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
