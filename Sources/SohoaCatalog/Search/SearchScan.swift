import Foundation
import GRDBSQLite

/// One pass of a filtered search over the full-text index, as the rank function sees it: which
/// pages count (others get no score, before any work) and how the terms weigh. Made per search
/// and used on the searching thread only, while its statement runs.
///
/// A page's score is bm25's over the folded text, plus `exactTermWeight` for each marked term whose
/// exact form the page has (`SearchQuery.phrases`): the pages with more of the marked words as
/// written come first, and bm25 orders the pages alike in that. A marked prefix counts as written
/// also where it starts a longer word (whose marks the index cannot tell).
final class SearchScan {
    /// bm25's parameters, as FTS5's `bm25()` has them.
    static let k1 = 1.2
    static let b = 0.75
    /// What a term found as written adds to a score: more than bm25 gives any page (a term adds at
    /// most its idf × (k1 + 1), about 30 on a million pages, and a search has at most 16 terms).
    static let exactTermWeight = 1_000.0

    let scope: PageScope
    /// Pages matching each term over the whole index, in the order of the query's terms; `nil`
    /// weighs the terms alike (one term: the order is bm25's whatever its weight).
    private let termCounts: [Int]?
    /// The match expression's phrases, in order: which term each is, and whether its exact form.
    private let phrases: [SearchQuery.Phrase]
    private var weights: [Double] = []
    private var averageLength = 1.0
    private var frequencies: [Double] = []
    private var isPrepared = false

    init(scope: PageScope, termCounts: [Int]?, phrases: [SearchQuery.Phrase]) {
        self.scope = scope
        self.termCounts = termCounts
        self.phrases = phrases
    }

    /// The current match's score (lower is better, as bm25's), or `nil` when its page is out of scope.
    func score(_ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer) -> Double? {
        guard let rowid = api.pointee.xRowid, scope.membership(rowid(fts)) != .outside else { return nil }
        if !isPrepared { prepare(api, fts) }
        guard let instanceCount = api.pointee.xInstCount, let instance = api.pointee.xInst,
            let columnSize = api.pointee.xColumnSize
        else { return nil }
        for index in frequencies.indices { frequencies[index] = 0 }
        var instances: Int32 = 0
        guard instanceCount(fts, &instances) == SQLITE_OK else { return nil }
        for index in 0..<instances {
            var phrase: Int32 = 0
            var column: Int32 = 0
            var offset: Int32 = 0
            if instance(fts, index, &phrase, &column, &offset) == SQLITE_OK, frequencies.indices.contains(Int(phrase)) {
                frequencies[Int(phrase)] += 1
            }
        }
        var tokens: Int32 = 0
        guard columnSize(fts, Self.foldedColumn, &tokens) == SQLITE_OK else { return nil }
        return Self.score(
            roles: roles, frequencies: frequencies, weights: weights, tokens: Double(tokens), averageLength: averageLength)
    }

    /// A page's score from its counts (lower is better): bm25 over the folded text for each `.folded`
    /// phrase, `exactTermWeight` for each `.exact` one found. The one formula of both engines: FTS5's
    /// `sohoa_rank` and the PostgreSQL search (`TSVectorSearch`) call it with the same counts, so
    /// their scores are equal to the bit.
    static func score(
        roles: [SearchQuery.Phrase], frequencies: [Double], weights: [Double], tokens: Double, averageLength: Double
    ) -> Double {
        let norm = k1 * (1 - b + b * tokens / averageLength)
        var score = 0.0
        for (phrase, frequency) in zip(roles, frequencies) {
            switch phrase.role {
            case .folded: score += weights[phrase.term] * frequency * (k1 + 1) / (frequency + norm)
            case .exact: if frequency > 0 { score += exactTermWeight }
            }
        }
        return -score
    }

    /// The index's average page length in tokens, as `prepare` takes it (1 for an empty index).
    static func averageLength(rows: Int64, tokens: Int64) -> Double {
        rows > 0 && tokens > 0 ? Double(tokens) / Double(rows) : 1.0
    }

    /// Each term's weight (bm25's idf) from the pages it matches among `rows`.
    static func weights(termCounts: [Int], rows: Int64) -> [Double] {
        termCounts.map { count in
            let idf = log((Double(rows) - Double(count) + 0.5) / (Double(count) + 0.5))
            return idf > 0 ? idf : 1e-6
        }
    }

    /// The folded text's column in the index (the other, `marks`, holds the exact forms' tokens).
    private static let foldedColumn: Int32 = 0
    /// The phrases' roles as the pass found them (`phrases`, or each phrase a term of its own if the
    /// index's count of phrases does not agree).
    private var roles: [SearchQuery.Phrase] = []

    /// The index's average page length and each term's weight (bm25's idf), once per pass.
    private func prepare(_ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer) {
        isPrepared = true
        let count = Int(api.pointee.xPhraseCount?(fts) ?? 0)
        roles = phrases.count == count ? phrases : (0..<count).map { SearchQuery.Phrase(term: $0, role: .folded) }
        let terms = (roles.map(\.term).max() ?? -1) + 1
        frequencies = Array(repeating: 0, count: count)
        weights = Array(repeating: 1, count: terms)
        var rows: Int64 = 0
        var tokens: Int64 = 0
        if api.pointee.xRowCount?(fts, &rows) == SQLITE_OK,
            api.pointee.xColumnTotalSize?(fts, Self.foldedColumn, &tokens) == SQLITE_OK
        {
            averageLength = Self.averageLength(rows: rows, tokens: tokens)
        }
        if let termCounts, termCounts.count == terms {
            weights = Self.weights(termCounts: termCounts, rows: rows)
        }
    }
}
