import Dispatch
import SohoaCatalog
import Synchronization

/// The one writer of a run's catalog (DESIGN §3). Workers hand it writes and go on; it applies them
/// on its own serial queue, in the order they came, gathering those that arrive together into one
/// transaction (up to `batchLimit`). A call that needs an answer (`now`) runs on the same queue after
/// every write handed in before it, so it sees them.
///
/// A batch whose transaction fails is applied again one write per transaction, so one failing write
/// loses only itself. Each write that could not be made is kept as a problem of the run, once. A
/// batch whose outcome is unknown (`CatalogError.Kind.outcomeUnknown`: the connection to PostgreSQL
/// broke while it was being committed) is not applied again, which would record it twice if the
/// commit had landed: each of its writes is kept as a problem instead.
final class CatalogWriter: Sendable {
    /// One write: what it records (for the message when it fails) and the change itself.
    struct Write: Sendable {
        var what: String
        var apply: @Sendable (CatalogTransaction) throws(CatalogError) -> Void
    }

    /// Most writes in one transaction.
    static let batchLimit = 64
    /// How long the first write of a batch waits for others to join it.
    static let gathering: DispatchTimeInterval = .milliseconds(5)

    let catalog: Catalog
    private let queue = DispatchQueue(label: "sohoa.catalog-writer")
    private let pending = Mutex<(writes: [Write], scheduled: Bool)>(([], false))
    /// The catalog's path as messages name it.
    private let path: String
    private let problemList = Mutex<[String]>([])
    /// Told about every write that failed; answers whether it failed because the disk is full.
    private let outOfSpace: @Sendable (String) -> Bool

    init(catalog: Catalog, path: String, outOfSpace: @escaping @Sendable (String) -> Bool) {
        self.catalog = catalog
        self.path = path
        self.outOfSpace = outOfSpace
    }

    /// Writes that could not be made, each once.
    var problems: [String] { problemList.withLock { $0 } }

    /// Keeps the problem of a write (`what`) that failed with `error`.
    func failed(_ what: String, _ error: any Error) {
        let message = "catalog \(path): could not record \(what): \(error)"
        _ = outOfSpace(message)
        problemList.withLock { list in if !list.contains(message) { list.append(message) } }
    }

    /// Hands in a write and returns at once; it is applied after every write handed in before it.
    func record(_ what: String, _ apply: @escaping @Sendable (CatalogTransaction) throws(CatalogError) -> Void) {
        let schedule = pending.withLock { state in
            state.writes.append(Write(what: what, apply: apply))
            defer { state.scheduled = true }
            return !state.scheduled
        }
        if schedule {
            queue.asyncAfter(deadline: .now() + Self.gathering) { self.flush() }
        }
    }

    /// Runs `body` on the writer once every write handed in so far is applied, and returns its answer.
    func now<T>(_ body: () -> T) -> T {
        queue.sync {
            flush()
            return body()
        }
    }

    /// Waits until every write handed in so far is applied.
    func drain() { now {} }

    /// Applies the writes waiting now, `batchLimit` to a transaction. Runs on `queue` only.
    private func flush() {
        let writes = pending.withLock { state in
            defer { state = ([], false) }
            return state.writes
        }
        var start = 0
        while start < writes.count {
            let batch = Array(writes[start..<min(start + Self.batchLimit, writes.count)])
            start += batch.count
            apply(batch)
        }
    }

    private func apply(_ batch: [Write]) {
        do {
            try catalog.write { tx throws(CatalogError) in
                for write in batch { try write.apply(tx) }
            }
        } catch {
            guard error.kind != .outcomeUnknown, batch.count > 1 else {
                for write in batch { failed(write.what, error) }
                return
            }
            guard batch.count > 1 else {
                failed(batch[0].what, error)
                return
            }
            for write in batch {
                do {
                    try catalog.write { tx throws(CatalogError) in try write.apply(tx) }
                } catch {
                    failed(write.what, error)
                }
            }
        }
    }
}
