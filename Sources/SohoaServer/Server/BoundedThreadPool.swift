import Dispatch
import Hummingbird
import NIOPosix
import SohoaCatalog
import SohoaSharing
import Synchronization

/// A few threads of its own for slow blocking work (bcrypt, full-text searches, pages built from many
/// rows), at one CPU priority (`WorkPriority`), with a bounded waiting line: such work never runs on
/// Swift's cooperative pool nor on the thread pool that serves files, and when more is asked than
/// the line holds the request is refused at once (503 with `Retry-After`) instead of piling up.
final class BoundedThreadPool: Sendable {
    /// What the pool is for, in messages.
    let name: String
    /// Jobs running or waiting at most; one more is refused.
    let capacity: Int
    /// The CPU priority its threads run at.
    let priority: WorkPriority
    private let pool: NIOThreadPool
    private let load = Mutex(0)

    /// A pool of `threads` threads that holds at most `capacity` jobs (running and waiting), whose
    /// threads run at `priority` (below `interactive`, the work gets a smaller share of the CPU
    /// while other work wants it: pages built from many rows, harvests, password checks).
    init(name: String, threads: Int, capacity: Int, priority: WorkPriority = .interactive) {
        self.name = name
        self.capacity = max(capacity, threads)
        self.priority = priority
        let count = max(1, threads)
        pool = NIOThreadPool(numberOfThreads: count)
        pool.start()
        // One job per thread, each held until all have started: so each thread runs exactly one,
        // and every thread runs at the pool's priority whatever it had from the thread that made it.
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        for _ in 0..<count {
            pool.submit { _ in
                PriorityThread.setCurrentThreadPriority(priority)
                started.signal()
                release.wait()
            }
        }
        for _ in 0..<count { started.wait() }
        for _ in 0..<count { release.signal() }
    }

    deinit {
        pool.shutdownGracefully { _ in }
    }

    /// Jobs running or waiting now.
    var jobs: Int { load.withLock { $0 } }

    /// Runs `work` on one of the pool's threads; throws 503 (with `Retry-After`) when the pool is full.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let admitted = load.withLock { load in
            guard load < capacity else { return false }
            load += 1
            return true
        }
        guard admitted else { throw busy }
        defer { load.withLock { $0 -= 1 } }
        guard SearchTrace.isOn else { return try await pool.runIfActive(work) }
        let asked = SearchTrace.Mark.now
        let name = name
        return try await pool.runIfActive {
            let start = SearchTrace.Mark.now
            defer { SearchTrace.write("pool", String(format: "wait=%.2f ", start.wall - asked.wall) + start.elapsed + " pool=\(name)") }
            return try work()
        }
    }

    /// 503: the server is busy with this kind of work; try again in a few seconds.
    var busy: HTTPError {
        HTTPError(
            .serviceUnavailable, headers: [.retryAfter: "5"],
            message:
                "Máy chủ đang bận (\(name)); xin thử lại sau vài giây. (The server is busy (\(name)); try again in a few seconds.)")
    }
}
