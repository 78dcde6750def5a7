import Dispatch
import Foundation
import Synchronization

/// Renews a lease every third of its duration on a timer of its own while the page is worked on, so
/// a long page keeps its lease and a dead worker's lease runs out; remembers when a renewal found the
/// lease lost (another worker claimed the page after it ran out), so the worker writes nothing more.
final class LeaseHeartbeat {
    /// Whether a renewal found the lease lost; shared with the timer's thread.
    private final class Loss: Sendable {
        let lost = Atomic<Bool>(false)
    }

    private let timer: any DispatchSourceTimer
    private let queue: any PageQueue
    private let lease: PageQueueLease
    private let duration: Duration
    private let loss = Loss()

    init(queue: any PageQueue, lease: PageQueueLease, duration: Duration) {
        self.queue = queue
        self.lease = lease
        self.duration = duration
        let seconds = max(0.05, (Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18) / 3)
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "sohoa.worker.heartbeat"))
        timer.schedule(deadline: .now() + seconds, repeating: seconds)
        timer.setEventHandler { [loss] in
            // A queue out of reach changes nothing here: the completion will say whether the lease held.
            if (try? queue.heartbeat(lease, extendBy: duration)) == false { loss.lost.store(true, ordering: .sequentiallyConsistent) }
        }
        timer.resume()
        self.timer = timer
    }

    /// Whether the lease still holds, renewing it now: false once a renewal found it lost. A queue
    /// out of reach counts as held (the work goes on; the completion decides).
    func stillHeld() -> Bool {
        guard !loss.lost.load(ordering: .sequentiallyConsistent) else { return false }
        if (try? queue.heartbeat(lease, extendBy: duration)) == false {
            loss.lost.store(true, ordering: .sequentiallyConsistent)
            return false
        }
        return true
    }

    /// Stops renewing.
    func stop() { timer.cancel() }
}
