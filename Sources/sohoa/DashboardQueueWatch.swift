import Foundation
import SohoaCatalog
import SohoaPipeline
import SohoaPostgres
import SohoaServer
import Synchronization

/// The work queue whose figures `sohoa serve --queue` shows on the dashboard: connected when first
/// read (the server starts even when PostgreSQL does not answer yet), read without migrating, and
/// connected again after the connection broke.
///
/// A dashboard view waits on it on one of the server's two page threads, which readers' item pages
/// need too: so each wait is short (`timeout`), and after a failed reading the next ones within
/// `quietAfterFailure` answer the same failure at once instead of waiting on the queue again.
final class DashboardQueueWatch: WorkQueueWatch {
    let address: String
    /// The address as shown to people: never the password (the address as given when it cannot be parsed).
    let description: String
    /// The longest wait for connecting and for each reading.
    static let timeout = Duration.seconds(2)
    /// How long a failed reading is answered again without asking the queue.
    let quietAfterFailure: Duration
    private let opened = Mutex<PostgresPageQueue?>(nil)
    private let lastFailure = Mutex<(at: ContinuousClock.Instant, error: PageQueueError)?>(nil)

    /// A watch over the queue at `address` (checked now: a malformed address is the user's mistake).
    init(address: String, quietAfterFailure: Duration = .seconds(30)) throws(PostgresCatalogError) {
        self.address = address
        self.quietAfterFailure = quietAfterFailure
        description = try PostgresCatalogAddress(address).description
    }

    func figures() throws -> (counts: WorkQueueCounts, workers: [QueueWorkerFigures]) {
        if let failure = lastFailure.withLock({ $0 }), failure.at.duration(to: .now) < quietAfterFailure { throw failure.error }
        do throws(PageQueueError) {
            let figures = try queue().figures()
            lastFailure.withLock { $0 = nil }
            return figures
        } catch {
            lastFailure.withLock { $0 = (.now, error) }
            throw error
        }
    }

    /// The open queue, opened now if it is not yet.
    private func queue() throws(PageQueueError) -> PostgresPageQueue {
        if let queue = opened.withLock({ $0 }) { return queue }
        let fresh: PostgresPageQueue
        do {
            fresh = try PostgresPageQueue(url: address, migrating: false, timeout: Self.timeout)
        } catch {
            throw PageQueueError(error.description)
        }
        let kept = opened.withLock { current -> PostgresPageQueue in
            if let current { return current }
            current = fresh
            return fresh
        }
        if kept !== fresh { fresh.close() }
        return kept
    }

    /// Closes the connection, if one is open.
    func close() { opened.withLock { $0 }?.close() }
}
