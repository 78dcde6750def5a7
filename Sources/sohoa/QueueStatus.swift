import Foundation
import SohoaCatalog
import SohoaCollection
import SohoaPostgres

/// The work queue's part of `sohoa status --queue`: pages by state, and each worker's.
struct QueueStatus: Encodable {
    /// The queue's address (never the password).
    var address: String
    var queued: Int
    var claimed: Int
    var done: Int
    var failed: Int
    var workers: [QueueWorkerFigures]

    /// For people: one line for the queue, one per worker.
    var text: String {
        var lines = [
            Messages.text(
                "Hàng đợi công việc \(address): \(queued) trang chờ, \(claimed) đang làm, \(done) xong, \(failed) lỗi",
                "Work queue \(address): \(queued) pages waiting, \(claimed) being worked on, \(done) done, \(failed) failed")
        ]
        for worker in workers {
            let rate = worker.pagesPerMinute.map { String(format: "%.1f", $0) } ?? "–"
            lines.append(
                Messages.text(
                    "  \(worker.worker): \(worker.done) trang xong, \(worker.claimed) đang làm, \(worker.failed) lỗi, \(rate) trang/phút",
                    "  \(worker.worker): \(worker.done) pages done, \(worker.claimed) in hand, \(worker.failed) failed, \(rate) pages/min"))
        }
        return lines.joined(separator: "\n")
    }
}

/// `sohoa status --queue --json`: the catalog's status and the queue's.
struct CatalogAndQueueStatus: Encodable {
    var catalog: CatalogStatus
    var queue: QueueStatus
}
