import GRDB
import Synchronization

/// Where each item's pages lie among page ids: the first and last id and how many pages, kept for
/// the life of the catalog and brought up to date from the pages added since (ids only grow).
///
/// A span whose count equals its width holds no other item's page (ids are never reused and a
/// page never changes item), so a search can tell which pages an item filter allows from the page
/// id alone, without looking each match up. Pages deleted since leave spans too wide or counted
/// too high, which only costs look-ups: a span is trusted only when its count fills it exactly,
/// and a deleted page has no text left to match.
final class PageSpans: Sendable {
    /// One item's pages.
    struct Span: Sendable, Equatable {
        var first: Int64
        var last: Int64
        var count: Int

        /// Whether every id from `first` to `last` was one of this item's pages.
        var isDense: Bool { last - first + 1 == Int64(count) }
    }

    private struct State {
        var spans: [String: Span] = [:]
        /// The highest page id counted.
        var lastPageID: Int64 = 0
    }

    private let state = Mutex(State())

    /// Every item's span, counting the pages `db` sees that were added since the last call.
    func spans(_ db: Database) throws -> [String: Span] {
        let (known, current) = state.withLock { ($0.lastPageID, $0.spans) }
        guard let newest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM pages"), newest > known else {
            return current
        }
        var added: [String: Span] = [:]
        let rows = try Row.fetchCursor(
            db, sql: "SELECT itemID, min(id), max(id), count(*) FROM pages WHERE id > ? AND id <= ? GROUP BY itemID",
            arguments: [known, newest])
        while let row = try rows.next() {
            added[row[0]] = Span(first: row[1], last: row[2], count: row[3])
        }
        return state.withLock { state in
            // Another search may have counted them meanwhile: counting twice would spoil the counts.
            guard state.lastPageID == known else { return current.merging(added, uniquingKeysWith: Self.joined) }
            state.spans.merge(added, uniquingKeysWith: Self.joined)
            state.lastPageID = newest
            return state.spans
        }
    }

    private static func joined(_ a: Span, _ b: Span) -> Span {
        Span(first: min(a.first, b.first), last: max(a.last, b.last), count: a.count + b.count)
    }
}
