import SohoaCatalog

/// The dashboard's view of the work queue of distributed runs: its figures, or why they could not be
/// read (the rest of the dashboard is shown either way).
enum DashboardQueue {
    case figures(address: String, counts: WorkQueueCounts, workers: [QueueWorkerFigures])
    case unreadable(address: String, reason: String)

    /// Reads `watch`'s figures now; a queue that does not answer is `.unreadable`, not an error page.
    static func load(_ watch: any WorkQueueWatch) -> DashboardQueue {
        do {
            let (counts, workers) = try watch.figures()
            return .figures(address: watch.description, counts: counts, workers: workers)
        } catch {
            return .unreadable(address: watch.description, reason: "\(error)")
        }
    }
}
