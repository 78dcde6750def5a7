import Foundation

/// A thread that calls `body` with 1, 2, 3 … until `stop()`, as another process writing beside a
/// test would (the snapshot tests: holdings added while reports are made). `stop()` waits for the
/// call under way to end, so nothing writes after the test has moved on.
public final class BackgroundLoop: @unchecked Sendable {
    private let lock = NSLock()
    private var stopping = false
    private let ended = DispatchSemaphore(value: 0)

    /// Starts calling `body` at once.
    public init(_ body: @escaping @Sendable (Int) -> Void) {
        let thread = Thread { [self] in
            var number = 0
            while !isStopping {
                number += 1
                body(number)
            }
            ended.signal()
        }
        thread.start()
    }

    private var isStopping: Bool { lock.withLock { stopping } }

    /// Ends the loop and waits for it; calling it again does nothing.
    public func stop() {
        let first = lock.withLock { () -> Bool in
            defer { stopping = true }
            return !stopping
        }
        if first { ended.wait() }
    }
}
