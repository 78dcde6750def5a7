import Foundation
import SohoaCatalog
import SohoaPipeline
import SohoaPostgres
import SohoaServer
import Synchronization

/// The work queue whose figures `sohoa serve --queue` shows on the dashboard: connected when first
/// read (the server starts even when PostgreSQL does not answer yet), read without migrating, and
/// connected again after the connection broke.
final class DashboardQueueWatch: WorkQueueWatch {
    let address: String
    /// The address as shown to people: never the password (the address as given when it cannot be parsed).
    let description: String
    private let opened = Mutex<PostgresPageQueue?>(nil)

    /// A watch over the queue at `address` (checked now: a malformed address is the user's mistake).
    init(address: String) throws(PostgresCatalogError) {
        self.address = address
        description = try PostgresCatalogAddress(address).description
    }

    func figures() throws -> (counts: WorkQueueCounts, workers: [QueueWorkerFigures]) {
        try queue().figures()
    }

    /// The open queue, opened now if it is not yet.
    private func queue() throws -> PostgresPageQueue {
        if let queue = opened.withLock({ $0 }) { return queue }
        let fresh: PostgresPageQueue
        do {
            fresh = try PostgresPageQueue(url: address, migrating: false)
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
