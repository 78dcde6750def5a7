/// A page matching a search, before its snippet, page and item are looked up.
struct SearchCandidate: Sendable, Equatable {
    var pageID: Int64
    /// Lower is a better match (bm25).
    var score: Double

    /// Best first, then in page-id order (the order pages were catalogued).
    static func ranksBefore(_ a: SearchCandidate, _ b: SearchCandidate) -> Bool {
        a.score != b.score ? a.score < b.score : a.pageID < b.pageID
    }
}
