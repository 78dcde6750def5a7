import Dispatch
import Hummingbird
import NIOPosix
import SohoaSharing
import Synchronization

/// A few threads of its own for slow blocking work (bcrypt, full-text searches), with a bounded
/// waiting line: such work never runs on Swift's cooperative pool nor on the thread pool that serves
/// files, and when more is asked than the line holds the request is refused at once (503 with
/// `Retry-After`) instead of piling up.
final class BoundedThreadPool: Sendable {
    /// What the pool is for, in messages.
    let name: String
    /// Jobs running or waiting at most; one more is refused.
    let capacity: Int
    private let pool: NIOThreadPool
    private let load = Mutex(0)

    /// A pool of `threads` threads that holds at most `capacity` jobs (running and waiting); with
    /// `lowPriority`, its threads run at `LowPriorityThread.niceness` (work anyone can ask for in
    /// bulk, such as password checks, then gets a small share of the CPU while other work wants it).
    init(name: String, threads: Int, capacity: Int, lowPriority: Bool = false) {
        self.name = name
        self.capacity = max(capacity, threads)
        let count = max(1, threads)
        pool = NIOThreadPool(numberOfThreads: count)
        pool.start()
        if lowPriority {
            // One job per thread, each held until all have started: so each thread runs exactly one.
            let started = DispatchSemaphore(value: 0)
            let release = DispatchSemaphore(value: 0)
            for _ in 0..<count {
                pool.submit { _ in
                    LowPriorityThread.lowerCurrentThreadPriority()
                    started.signal()
                    release.wait()
                }
            }
            for _ in 0..<count { started.wait() }
            for _ in 0..<count { release.signal() }
        }
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
        return try await pool.runIfActive(work)
    }

    /// 503: the server is busy with this kind of work; try again in a few seconds.
    var busy: HTTPError {
        HTTPError(
            .serviceUnavailable, headers: [.retryAfter: "5"],
            message:
                "Máy chủ đang bận (\(name)); xin thử lại sau vài giây. (The server is busy (\(name)); try again in a few seconds.)")
    }
}
