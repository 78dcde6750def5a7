/// How many pages of the work queue of distributed runs are in each state (`WorkQueue.counts` in
/// SohoaPostgres), for `sohoa status --queue` and the dashboard.
public struct WorkQueueCounts: Sendable, Equatable {
    /// Waiting for a worker.
    public var queued = 0
    /// Held by a worker (including leases that expired and wait to be reclaimed).
    public var claimed = 0
    /// Finished.
    public var done = 0
    /// Given up on after their last attempt.
    public var failed = 0

    /// Makes counts.
    public init(queued: Int = 0, claimed: Int = 0, done: Int = 0, failed: Int = 0) {
        self.queued = queued
        self.claimed = claimed
        self.done = done
        self.failed = failed
    }
}
