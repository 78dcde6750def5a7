import Dispatch
import Foundation

/// Renews a lease every third of its duration on a timer of its own while the page is worked on, so
/// a long page keeps its lease and a dead worker's lease runs out.
final class LeaseHeartbeat {
    private let timer: any DispatchSourceTimer

    init(queue: any PageQueue, lease: PageQueueLease, duration: Duration) {
        let seconds = max(0.05, (Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18) / 3)
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "sohoa.worker.heartbeat"))
        timer.schedule(deadline: .now() + seconds, repeating: seconds)
        timer.setEventHandler {
            // A lost lease (or a queue out of reach) changes nothing here: the completion will say so.
            _ = try? queue.heartbeat(lease, extendBy: duration)
        }
        timer.resume()
        self.timer = timer
    }

    /// Stops renewing.
    func stop() { timer.cancel() }
}
