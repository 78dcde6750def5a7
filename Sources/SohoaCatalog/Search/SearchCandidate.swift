import GRDB

/// A page matching a search, before its snippet and item are looked up.
struct SearchCandidate: Sendable {
    var pageID: Int64
    var score: Double
    var itemID: String
    var name: String
    var sequence: Int

    init(_ row: Row) {
        pageID = row["pageID"]
        score = row["score"]
        itemID = row["itemID"]
        name = row["name"]
        sequence = row["sequence"]
    }

    /// Best first (lowest bm25), then by item (as SQLite orders text: by bytes) and page.
    static func ranksBefore(_ a: SearchCandidate, _ b: SearchCandidate) -> Bool {
        if a.score != b.score { return a.score < b.score }
        if a.itemID != b.itemID { return a.itemID.utf8.lexicographicallyPrecedes(b.itemID.utf8) }
        return a.sequence < b.sequence
    }
}
