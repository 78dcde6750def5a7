/// What one worker process did with the pages on the work queue of distributed runs now
/// (`WorkQueue.workerFigures` in SohoaPostgres), for `sohoa status --queue` and the dashboard.
public struct QueueWorkerFigures: Sendable, Equatable, Codable {
    /// The worker process (`host:pid`, or its `--name`), without its thread number.
    public var worker: String
    /// Pages it completed.
    public var done: Int
    /// Pages it holds now.
    public var claimed: Int
    /// Pages that failed on its last attempt.
    public var failed: Int
    /// Pages completed per minute, from its first claim to its last completion of those pages; `nil`
    /// before its second page.
    public var pagesPerMinute: Double?

    public init(worker: String, done: Int, claimed: Int, failed: Int, pagesPerMinute: Double?) {
        self.worker = worker
        self.done = done
        self.claimed = claimed
        self.failed = failed
        self.pagesPerMinute = pagesPerMinute
    }
}
