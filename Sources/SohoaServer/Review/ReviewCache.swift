import Crypto
import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaCollection
import SohoaSharing
import Synchronization

/// What the review screens read again and again, kept for a few seconds: the queue's figures (counts,
/// libraries, lists, the page after another), each a scan of every waiting page (~0.5 s with 100,000
/// pages), and parsed ALTO pages. Archivists open pages far more often than the queue changes: every
/// save, approval or rescan request made here empties the figures (`changed()`); changes made by
/// another process (a batch run) show after `lifetime`. One per server; safe to use from any task.
final class ReviewCache: Sendable {
    /// What is kept.
    enum Key: Hashable, Sendable {
        case counts(ReviewQueueFilter)
        case libraries(AccessScope)
        case queue(ReviewQueueSection, ReviewQueueFilter, limit: Int, offset: Int)
        case next(pageID: Int64, section: ReviewQueueSection, filter: ReviewQueueFilter)
    }

    private struct Entry {
        var value: any Sendable
        var expires: ContinuousClock.Instant
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        /// Moved on by `changed()`: a figure computed before a change is not kept after it.
        var generation = 0
    }

    /// How long a figure is used.
    let lifetime: Duration
    /// Figures kept at most (beyond, all are dropped: they are cheap to make again, one by one).
    static let maximumEntries = 2_000
    private let state = Mutex(State())
    /// Parsed ALTO pages, keyed by the digest of their text (a saved draft changes the text).
    private let altoPages = IIIFCache<ALTOPage>(budget: 32 << 20)

    init(lifetime: Duration = .seconds(60)) {
        self.lifetime = lifetime
    }

    /// The figure under `key`: kept if it was made less than `lifetime` ago and nothing changed
    /// since, else made now by `make` (and kept).
    func value<T: Sendable, E: Error>(_ key: Key, _ make: () throws(E) -> T) throws(E) -> T {
        let now = ContinuousClock.now
        let (kept, generation) = state.withLock { state -> (T?, Int) in
            guard let entry = state.entries[key], entry.expires > now else { return (nil, state.generation) }
            return (entry.value as? T, state.generation)
        }
        if let kept { return kept }
        let value = try make()
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.entries.count >= Self.maximumEntries { state.entries.removeAll() }
            state.entries[key] = Entry(value: value, expires: now + lifetime)
        }
        return value
    }

    /// The queue changed (a page was saved, approved or sent to be rescanned): figures are made again.
    func changed() {
        state.withLock { state in
            state.generation += 1
            state.entries.removeAll()
        }
    }

    /// `alto` parsed, from the cache when the same text was parsed before.
    func page(parsing alto: String) throws -> ALTOPage {
        let key = SHA256.hash(data: Data(alto.utf8)).map { String(format: "%02x", $0) }.joined()
        if let page = altoPages.value(for: key) { return page }
        let page = try ALTOPage(parsing: alto)
        altoPages.insert(page, for: key, cost: alto.utf8.count)
        return page
    }
}
