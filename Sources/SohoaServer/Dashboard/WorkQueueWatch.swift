import SohoaCatalog

/// The work queue of distributed runs as the dashboard reads it: pages by state and each worker
/// process's figures. `sohoa serve --queue postgresql://…` (or `SOHOA_QUEUE`) gives one over
/// PostgreSQL; without it the dashboard has no queue section.
///
/// `figures()` blocks until the queue answers (or fails): the dashboard calls it on the server's
/// page threads, never on Swift's cooperative pool.
public protocol WorkQueueWatch: Sendable {
    /// The queue's address as shown to people (never the password).
    var description: String { get }
    /// Pages by state, and each worker process's figures.
    func figures() throws -> (counts: WorkQueueCounts, workers: [QueueWorkerFigures])
}
