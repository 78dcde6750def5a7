import Dispatch
import Foundation
import Synchronization

/// Renews a lease every third of its duration on a timer of its own while the page is worked on, so
/// a long page keeps its lease and a dead worker's lease runs out; remembers when a renewal found the
/// lease lost (another worker claimed the page after it ran out), so the worker writes nothing more.
///
/// A lease can be lost only after it ran out, and it runs out no sooner than its duration after the
/// claim or renewal that set it was sent. So `stillHeld()` asks the queue only once half the lease
/// has passed since the last claim or renewal it knows succeeded; before, the lease is surely held and
/// the write goes on without a round trip (a page of a few seconds under a 60 s lease asks none).
final class LeaseHeartbeat {
    /// Whether a renewal found the lease lost, and until when the lease is surely held; shared with
    /// the timer's thread.
    private final class Loss: Sendable {
        let lost = Atomic<Bool>(false)
        let surelyHeldUntil: Mutex<ContinuousClock.Instant>

        init(surelyHeldUntil: ContinuousClock.Instant) {
            self.surelyHeldUntil = Mutex(surelyHeldUntil)
        }

        /// A renewal sent at `sent` succeeded.
        func renewed(sentAt sent: ContinuousClock.Instant, duration: Duration) {
            surelyHeldUntil.withLock { $0 = max($0, sent + duration / 2) }
        }
    }

    private let timer: any DispatchSourceTimer
    private let queue: any PageQueue
    private let lease: PageQueueLease
    private let duration: Duration
    private let loss: Loss

    /// Renews `lease`, claimed by a request sent at `claimSent`, for `duration` each time.
    init(queue: any PageQueue, lease: PageQueueLease, duration: Duration, claimSent: ContinuousClock.Instant) {
        self.queue = queue
        self.lease = lease
        self.duration = duration
        loss = Loss(surelyHeldUntil: claimSent + duration / 2)
        let seconds = max(0.05, (Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18) / 3)
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "sohoa.worker.heartbeat"))
        timer.schedule(deadline: .now() + seconds, repeating: seconds)
        timer.setEventHandler { [loss] in
            // A queue out of reach changes nothing here: the completion will say whether the lease held.
            let sent = ContinuousClock.now
            switch try? queue.heartbeat(lease, extendBy: duration) {
            case true?: loss.renewed(sentAt: sent, duration: duration)
            case false?: loss.lost.store(true, ordering: .sequentiallyConsistent)
            case nil: break
            }
        }
        timer.resume()
        self.timer = timer
    }

    /// Whether the lease still holds: false once a renewal found it lost; true without asking while
    /// half the lease has not passed since the last claim or renewal; else renewing it now. A queue
    /// out of reach counts as held (the work goes on; the completion decides).
    func stillHeld() -> Bool {
        guard !loss.lost.load(ordering: .sequentiallyConsistent) else { return false }
        let sent = ContinuousClock.now
        if sent < loss.surelyHeldUntil.withLock({ $0 }) { return true }
        switch try? queue.heartbeat(lease, extendBy: duration) {
        case true?: loss.renewed(sentAt: sent, duration: duration)
        case false?:
            loss.lost.store(true, ordering: .sequentiallyConsistent)
            return false
        case nil: break
        }
        return true
    }

    /// Stops renewing.
    func stop() { timer.cancel() }
}
