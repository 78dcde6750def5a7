import Foundation
import Synchronization

/// Collects page outcomes from any worker and hands an item on once every page it expects has
/// finished or failed (and at least one finished). Holds only small records (never images or text), so memory stays flat.
final class ItemAssembler: Sendable {
    private struct Pending {
        var work: ItemWork
        var expected: Int
        var accounted = 0
    }

    private let pending: Mutex<[String: Pending]>
    private let output: BoundedQueue<ItemWork>

    init(items: [ItemWork], expected: [String: Int], output: BoundedQueue<ItemWork>) {
        var table: [String: Pending] = [:]
        for item in items { table[item.item.id] = Pending(work: item, expected: expected[item.item.id] ?? 0) }
        pending = Mutex(table)
        self.output = output
    }

    /// A page finished all page stages.
    func finished(_ page: PageJob) {
        complete(page.item.id) { $0.work.pages.append(page) }
    }

    /// A page turned into `count` more pages than planned (a spread split into two).
    func expect(_ count: Int, more itemID: String) {
        pending.withLock { table in table[itemID]?.expected += count }
    }

    /// A page failed in some stage.
    func failed(itemID: String, failure: StageFailure) {
        complete(itemID) { $0.work.failures.append(failure) }
    }

    /// Items that never completed (the run was stopped): they are not packaged.
    var unfinishedItems: [String] {
        pending.withLock { Array($0.keys).sorted() }
    }

    private func complete(_ itemID: String, _ change: (inout Pending) -> Void) {
        let ready: ItemWork? = pending.withLock { table in
            guard var entry = table[itemID] else { return nil }
            change(&entry)
            entry.accounted += 1
            if entry.accounted >= entry.expected {
                table[itemID] = nil
                entry.work.pages.sort { ($0.page.sequence, $0.page.name) < ($1.page.sequence, $1.page.name) }
                return entry.work
            }
            table[itemID] = entry
            return nil
        }
        // An item none of whose pages could be read is not packaged: each page's failure is reported
        // already, and an archived earlier version stays as it is.
        if let ready, !ready.pages.isEmpty { output.put(ready) }
    }
}
