import GRDB
import Synchronization

/// What recent searches found, kept until the catalog changes: the ranked matches of a query under
/// its filters (so that page 2 of a search, or the same search again, ranks nothing), the result
/// pages shown (so that the same page again builds no snippets) and the collection overview shown
/// beside results.
///
/// A change to what searches return or show, by this process or another (a `sohoa run` beside
/// `sohoa serve`), empties it: the catalog's `search_version` (migration `v-search-marks`) is counted
/// up by triggers on texts, pages, items and holdings, and each search reads it in its snapshot.
/// Other commits (sign-ins, sessions, usage counts, reviews' notes) leave it alone: a sign-in flood
/// used to empty it 40 times a minute. Entries made from a snapshot older than the newest version
/// seen are never kept, nor found.
final class SearchCache: Sendable {
    /// Searches (query and filters) kept at most; the least recently asked goes first.
    static let capacity = 128
    /// Result pages kept at most (a few per search kept); the least recently asked goes first.
    static let pageCapacity = 4 * capacity

    /// A search's matches, best first, as many as the ranking window holds.
    struct Ranked: Sendable {
        var candidates: [SearchCandidate]
        /// Matches counted (at most the ranking window).
        var total: Int
        /// Whether `total` is all the matches.
        var isExact: Bool
    }

    private struct State {
        /// The newest `search_version` seen; entries carry the generation they were made in.
        var generation = 0
        var ranked: [String: (generation: Int, added: Int, value: Ranked)] = [:]
        /// By search, then offset and length; only pages of searches in `ranked`.
        var pages: [String: [PageSpan: (generation: Int, added: Int, value: SearchPage)]] = [:]
        var overviews: [Set<AccessLevel>: (generation: Int, value: CollectionOverview)] = [:]
        /// The pages that item filters allow, by the filters' SQL and arguments.
        var scopes: [String: (generation: Int, value: PageScope)] = [:]
        /// Counts insertions and hits, to find the entry asked for least recently.
        var added = 0
        var hits = 0
        var pageHits = 0
        var misses = 0
    }

    /// Where a result page starts and how many results it holds at most.
    private struct PageSpan: Hashable {
        var offset: Int
        var limit: Int
    }

    private let state = Mutex(State())
    /// Where each item's pages lie; kept across changes (brought up to date by each search).
    let pageSpans = PageSpans()
    /// How many pages match each term; kept across changes for a while.
    let termCounts = TermCounts()
    /// The index's pages and folded tokens as the PostgreSQL search last read them, and their generation
    /// (FTS5 keeps its own; PostgreSQL sums `page_texts.searchLength`, which reads every page).
    private let indexSizes = Mutex<(generation: Int, rows: Int64, tokens: Int64)?>(nil)

    /// The index's size read in `generation`, if kept.
    func indexSize(generation: Int) -> (rows: Int64, tokens: Int64)? {
        indexSizes.withLock { kept in kept.flatMap { $0.generation == generation ? ($0.rows, $0.tokens) : nil } }
    }

    /// Keeps the index's size read in `generation` (an older generation's is never kept over a newer one's).
    func keep(indexSize size: (rows: Int64, tokens: Int64), generation: Int) {
        indexSizes.withLock { kept in
            if (kept?.generation ?? Int.min) <= generation { kept = (generation, size.rows, size.tokens) }
        }
    }

    /// The generation the snapshot of `db` belongs to; call inside a read transaction, before reading
    /// what will be cached.
    func generation(_ db: Database) throws -> Int {
        let version = try Int.fetchOne(db.cachedStatement(sql: "SELECT version FROM search_version WHERE id = 1")) ?? 0
        return generation(version: version)
    }

    /// The generation of a snapshot whose `search_version` is `version` (read by the caller, in the
    /// transaction that reads what will be cached: the PostgreSQL search reads it so).
    func generation(version: Int) -> Int {
        state.withLock { state in
            if version > state.generation {
                state.generation = version
                if SearchTrace.isOn { SearchTrace.write("flush", "generation=\(state.generation)") }
                state.ranked = [:]
                state.pages = [:]
                state.overviews = [:]
                state.scopes = [:]
            }
            return version
        }
    }

    /// The ranked matches of the search `key`, when made in `generation`.
    func ranked(_ key: String, generation: Int) -> Ranked? {
        state.withLock { state in
            guard let entry = state.ranked[key], entry.generation == generation else {
                state.misses += 1
                return nil
            }
            state.hits += 1
            state.added += 1
            state.ranked[key]?.added = state.added
            return entry.value
        }
    }

    /// Keeps the ranked matches of the search `key`, made in `generation` (dropped if the catalog has
    /// changed since).
    func keep(_ value: Ranked, for key: String, generation: Int) {
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.ranked.count >= Self.capacity,
                let oldest = state.ranked.min(by: { $0.value.added < $1.value.added })?.key
            {
                state.ranked[oldest] = nil
                state.pages[oldest] = nil
            }
            state.added += 1
            state.ranked[key] = (generation, state.added, value)
        }
    }

    /// The result page of the search `key` from `offset`, `limit` results at most, when made in
    /// `generation`.
    func page(_ key: String, offset: Int, limit: Int, generation: Int) -> SearchPage? {
        let span = PageSpan(offset: offset, limit: limit)
        return state.withLock { state in
            guard let entry = state.pages[key]?[span], entry.generation == generation else { return nil }
            state.hits += 1
            state.pageHits += 1
            state.added += 1
            state.pages[key]?[span]?.added = state.added
            return entry.value
        }
    }

    /// Whether the result page of the search `key` from `offset` is kept, in the newest generation
    /// seen (a hint: a change not seen yet may still make it stale).
    func holdsPage(_ key: String, offset: Int, limit: Int) -> Bool {
        let span = PageSpan(offset: offset, limit: limit)
        return state.withLock { state in state.pages[key]?[span]?.generation == state.generation }
    }

    /// Keeps the result page `page` of the search `key`, made in `generation` (dropped if the catalog
    /// has changed since, or the search's ranking is no longer kept).
    func keep(_ page: SearchPage, for key: String, generation: Int) {
        let span = PageSpan(offset: page.offset, limit: page.limit)
        state.withLock { state in
            guard state.generation == generation, state.ranked[key] != nil else { return }
            if state.pages.values.reduce(0, { $0 + $1.count }) >= Self.pageCapacity,
                let oldest = state.pages.flatMap({ search, spans in spans.map { (search, $0.key, $0.value.added) } })
                    .min(by: { $0.2 < $1.2 })
            {
                state.pages[oldest.0]?[oldest.1] = nil
            }
            state.added += 1
            state.pages[key, default: [:]][span] = (generation, state.added, page)
        }
    }

    /// The overview for readers allowed `access`, when made in `generation`.
    func overview(_ access: Set<AccessLevel>, generation: Int) -> CollectionOverview? {
        state.withLock { state in
            guard let entry = state.overviews[access], entry.generation == generation else { return nil }
            return entry.value
        }
    }

    /// Keeps the overview for `access`, made in `generation` (dropped if the catalog has changed since).
    func keep(_ overview: CollectionOverview, for access: Set<AccessLevel>, generation: Int) {
        state.withLock { state in
            guard state.generation == generation else { return }
            state.overviews[access] = (generation, overview)
        }
    }

    /// The pages the item filters `key` allow, when found in `generation`.
    func scope(_ key: String, generation: Int) -> PageScope? {
        state.withLock { state in
            guard let entry = state.scopes[key], entry.generation == generation else { return nil }
            return entry.value
        }
    }

    /// Keeps the pages the item filters `key` allow, found in `generation` (dropped if the catalog
    /// has changed since).
    func keep(_ scope: PageScope, for key: String, generation: Int) {
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.scopes.count >= Self.capacity { state.scopes = [:] }
            state.scopes[key] = (generation, scope)
        }
    }

    /// Searches answered without ranking (`pages` of them with their result page as kept) and
    /// searches ranked, since the catalog was opened.
    var counts: (hits: Int, pages: Int, misses: Int) {
        state.withLock { ($0.hits, $0.pageHits, $0.misses) }
    }
}
