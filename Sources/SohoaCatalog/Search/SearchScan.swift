import Foundation
import GRDBSQLite

/// One pass of a filtered search over the full-text index, as the rank function sees it: which
/// pages count (others get no score, before any work) and how the terms weigh. Made per search
/// and used on the searching thread only, while its statement runs.
final class SearchScan {
    /// bm25's parameters, as FTS5's `bm25()` has them.
    static let k1 = 1.2
    static let b = 0.75

    let scope: PageScope
    /// Pages matching each term over the whole index, in the order of the query's phrases; `nil`
    /// weighs the terms alike (one term: the order is bm25's whatever its weight).
    private let termCounts: [Int]?
    private var weights: [Double] = []
    private var averageLength = 1.0
    private var frequencies: [Double] = []
    private var isPrepared = false

    init(scope: PageScope, termCounts: [Int]?) {
        self.scope = scope
        self.termCounts = termCounts
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
        guard columnSize(fts, -1, &tokens) == SQLITE_OK else { return nil }
        let norm = Self.k1 * (1 - Self.b + Self.b * Double(tokens) / averageLength)
        var score = 0.0
        for (weight, frequency) in zip(weights, frequencies) {
            score += weight * frequency * (Self.k1 + 1) / (frequency + norm)
        }
        return -score
    }

    /// The index's average page length and each phrase's weight (bm25's idf), once per pass.
    private func prepare(_ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer) {
        isPrepared = true
        let phrases = Int(api.pointee.xPhraseCount?(fts) ?? 0)
        frequencies = Array(repeating: 0, count: phrases)
        weights = Array(repeating: 1, count: phrases)
        var rows: Int64 = 0
        var tokens: Int64 = 0
        if api.pointee.xRowCount?(fts, &rows) == SQLITE_OK, api.pointee.xColumnTotalSize?(fts, -1, &tokens) == SQLITE_OK,
            rows > 0, tokens > 0
        {
            averageLength = Double(tokens) / Double(rows)
        }
        if let termCounts, termCounts.count == phrases {
            weights = termCounts.map { count in
                let idf = log((Double(rows) - Double(count) + 0.5) / (Double(count) + 0.5))
                return idf > 0 ? idf : 1e-6
            }
        }
    }
}
