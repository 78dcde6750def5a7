import Dispatch
import Synchronization

/// Where Image API work runs: a few serial lanes, each a thread of its own at one priority (never
/// Swift's cooperative pool), at most one job per lane at a time, and a bounded waiting line. Work
/// for one master always goes to the same lane, so the tiles a viewer asks for at once wait for one
/// decode instead of each decoding.
/// A job whose request is cancelled leaves the line at once and is skipped when its turn comes.
public final class IIIFRenderQueue: Sendable {
    private let lanes: [PriorityThread]
    /// Jobs admitted (running or waiting) that have not finished.
    private let admitted = Mutex(0)
    /// Running plus waiting jobs allowed; beyond, `busy`.
    public let capacity: Int
    /// The priority the lanes' work runs at.
    public let priority: WorkPriority

    /// - Parameters:
    ///   - lanes: jobs running at once.
    ///   - waiting: jobs waiting for a lane before new ones are refused.
    ///   - priority: the CPU priority of the lanes' threads (`interactive` for tiles; `background`
    ///     for work that must not slow the rest down).
    ///   - label: the lanes' name, numbered (as `top -H` shows their threads: 13 characters at most).
    public init(lanes: Int, waiting: Int, priority: WorkPriority = .interactive, label: String = "iiif.tile") {
        self.lanes = (0..<max(1, lanes)).map { PriorityThread(name: "\(label).\($0)", priority: priority) }
        capacity = max(1, lanes) + max(0, waiting)
        self.priority = priority
    }

    /// Jobs running or waiting now.
    public var load: Int { admitted.withLock { $0 } }

    /// Runs `work` on the lane for `key` and returns its result. Throws `busy` at once when the line is
    /// full, and `cancelled` as soon as `cancellation` is cancelled while the job waits (the job then
    /// does nothing when its turn comes; a running job sees the cancellation through its argument).
    public func run<T: Sendable>(
        key: String, cancellation: IIIFCancellation, _ work: @escaping @Sendable (IIIFCancellation) throws(IIIFError) -> T
    ) async throws(IIIFError) -> T {
        let entered = admitted.withLock { count in
            guard count < capacity else { return false }
            count += 1
            return true
        }
        guard entered else {
            throw IIIFError(.busy, "the image server is busy; try again in a few seconds")
        }
        let job = Job<T>(cancellation: cancellation, queue: self)
        var hasher = Hasher()
        hasher.combine(key)
        let lane = lanes[Int(UInt(bitPattern: hasher.finalize()) % UInt(lanes.count))]
        let result: Result<T, IIIFError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                job.start(continuation)
                lane.async {
                    guard !cancellation.isCancelled else {
                        job.finish(.failure(IIIFError(.cancelled, "the request was cancelled before its image was made")))
                        return
                    }
                    do throws(IIIFError) {
                        job.finish(.success(try work(cancellation)))
                    } catch {
                        job.finish(.failure(error))
                    }
                }
            }
        } onCancel: {
            cancellation.cancel()
            job.abandon()
        }
        return try result.get()
    }

    fileprivate func leave() {
        admitted.withLock { $0 -= 1 }
    }

    /// One admitted job: its caller is resumed exactly once, by the lane when the work ends, or at
    /// once when the request is cancelled; the admission is given back when both have happened.
    private final class Job<T: Sendable>: Sendable {
        private struct State {
            var continuation: CheckedContinuation<Result<T, IIIFError>, Never>?
            var resumed = false
            var abandoned = false
            var finished = false

            /// The continuation if nobody resumed it yet; afterwards nil.
            mutating func takeContinuation() -> CheckedContinuation<Result<T, IIIFError>, Never>? {
                guard !resumed, let continuation else { return nil }
                resumed = true
                self.continuation = nil
                return continuation
            }
        }

        private let state = Mutex(State())
        private let cancellation: IIIFCancellation
        private let queue: IIIFRenderQueue

        init(cancellation: IIIFCancellation, queue: IIIFRenderQueue) {
            self.cancellation = cancellation
            self.queue = queue
        }

        func start(_ continuation: CheckedContinuation<Result<T, IIIFError>, Never>) {
            let resumeNow = state.withLock { state -> Bool in
                if state.abandoned || state.finished { return true }
                state.continuation = continuation
                return false
            }
            if resumeNow { continuation.resume(returning: .failure(IIIFError(.cancelled, "the request was cancelled"))) }
        }

        /// The lane is done with the job (ran it or skipped it). The admission is given back before
        /// the caller resumes, so a caller that has its answer never sees its own job still counted.
        func finish(_ result: Result<T, IIIFError>) {
            let continuation = state.withLock { state in
                state.finished = true
                return state.takeContinuation()
            }
            queue.leave()
            continuation?.resume(returning: result)
        }

        /// The caller no longer waits: resume it now; the lane skips or stops the work.
        func abandon() {
            let continuation = state.withLock { state in
                state.abandoned = true
                return state.takeContinuation()
            }
            continuation?.resume(returning: .failure(IIIFError(.cancelled, "the request was cancelled")))
        }
    }
}
