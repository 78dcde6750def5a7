import Synchronization

/// Tells a render that nobody waits for it any more (the client went away, or the task was
/// cancelled); the render checks it between steps and stops. Once cancelled, it stays cancelled.
public final class IIIFCancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    /// Whether the render should stop.
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }

    /// Asks the render to stop.
    public func cancel() {
        flag.store(true, ordering: .relaxed)
    }

    /// Throws `cancelled` when the render should stop.
    public func check() throws(IIIFError) {
        if isCancelled { throw IIIFError(.cancelled, "the request was cancelled before its image was made") }
    }
}
