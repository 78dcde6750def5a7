import GRDB
import Synchronization

/// How many pages match each search term, over the whole index: what weighs the terms of a search
/// of several (a rare word counts for more than a common one, as in bm25). Counting a common word
/// would read its whole list of pages, so a term matching more than `sample` pages is counted on
/// its first `sample` pages and the rest estimated from how far into the index they reach (counted
/// in full near half the pages, where bm25's weight drops to nothing); counts
/// are kept for a while across catalog changes (a weight a few minutes old ranks as well).
final class TermCounts: Sendable {
    /// How long a count is used before it is made again.
    static let lifetime: Duration = .seconds(600)
    /// Terms kept at most; all are dropped when there are more.
    static let capacity = 4_096
    /// Pages counted at most per term; more are estimated.
    static let sample = 2_000
    /// Estimates closer than this share of the pages to half of them are counted exactly.
    static let exactBand = 0.15

    private let counts = Mutex<[String: (count: Int, at: ContinuousClock.Instant)]>([:])

    /// The pages matching each of `expressions` (FTS5 `MATCH` expressions), from those kept or counted now.
    func counts(_ expressions: [String], _ db: Database) throws -> [Int] {
        try counts(expressions) { expression in try Self.count(expression, db) }
    }

    /// The pages matching each of `expressions`, from those kept or counted now by `count` (the
    /// PostgreSQL search counts its `tsquery` terms so, `TSVectorSearch.count`).
    func counts(_ expressions: [String], count: (String) throws -> Int) throws -> [Int] {
        let now = ContinuousClock.now
        let kept = counts.withLock { counts in expressions.map { counts[$0] } }
        var result: [Int] = []
        var fresh: [String: Int] = [:]
        for (expression, entry) in zip(expressions, kept) {
            if let entry, now - entry.at < Self.lifetime {
                result.append(entry.count)
                continue
            }
            let count = try count(expression)
            fresh[expression] = count
            result.append(count)
        }
        if !fresh.isEmpty {
            counts.withLock { counts in
                if counts.count + fresh.count > Self.capacity { counts = [:] }
                for (expression, count) in fresh { counts[expression] = (count, now) }
            }
        }
        return result
    }

    /// The pages matching `expression`: exact up to `sample`, else estimated.
    private static func count(_ expression: String, _ db: Database) throws -> Int {
        let sampled = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT count(*) AS count, max(rowid) AS last FROM
                    (SELECT rowid FROM page_search WHERE page_search MATCH ? LIMIT \(sample))
                    """),
            arguments: [expression])
        let count: Int = sampled?["count"] ?? 0
        guard count >= sample, let last: Int64 = sampled?["last"] else { return count }
        let bounds = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT (SELECT rowid FROM page_search ORDER BY rowid LIMIT 1) AS first,
                        (SELECT rowid FROM page_search ORDER BY rowid DESC LIMIT 1) AS last
                    """))
        guard let first: Int64 = bounds?["first"], let end: Int64 = bounds?["last"], last > first else { return count }
        if let estimate = estimate(sampled: count, last: last, first: first, end: end) { return estimate }
        return try Int.fetchOne(
            db.cachedStatement(sql: "SELECT count(*) FROM page_search WHERE page_search MATCH ?"), arguments: [expression]) ?? 0
    }

    /// The pages a term matches, estimated from the `sampled` first ones (ending at page id `last`) in
    /// an index of page ids `first...end`; `nil` when the estimate is near half the pages and the
    /// term must be counted in full.
    static func estimate(sampled count: Int, last: Int64, first: Int64, end: Int64) -> Int? {
        let pages = Double(end - first + 1)
        let estimate = Double(count) * pages / Double(last - first + 1)
        // bm25 weighs a term on more than half the pages as nothing: near that line an estimate
        // could give a term weight that bm25 gives none (or none that it gives some), so count it.
        guard abs(estimate - pages / 2) < pages * Self.exactBand else { return Int(estimate) }
        return nil
    }
}
