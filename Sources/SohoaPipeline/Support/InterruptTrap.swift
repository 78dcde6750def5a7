import Dispatch
import Foundation
import SohoaCollection
import Synchronization

/// Turns the first Ctrl-C (SIGINT) or SIGTERM into an orderly stop; a second one quits at once
/// (safe: every finished page is saved, and the archive only ever receives whole objects).
public final class InterruptTrap {
    private let sources: [any DispatchSourceSignal]

    /// Installs the trap; `onFirst` is called once, on a background queue.
    public init(onFirst: @escaping @Sendable () -> Void) {
        let queue = DispatchQueue(label: "sohoa.signals")
        let fired = Mutex(false)
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                let first = fired.withLock { value -> Bool in
                    defer { value = true }
                    return !value
                }
                if first { onFirst() } else { _exit(ExitStatus.interrupted.rawValue) }
            }
            source.resume()
            return source
        }
    }

    deinit {
        for source in sources { source.cancel() }
    }
}
