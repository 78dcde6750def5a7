/// One page that matches a search, best first.
public struct SearchHit: Sendable, Equatable {
    public var itemID: String
    /// The item's title, when it has one.
    public var itemTitle: String?
    public var pageID: Int64
    /// The page's name in the archive (e.g. `p001`, `scan-p0003`).
    public var pageName: String
    /// The page's 1-based position in the item.
    public var sequence: Int
    /// The original text (NFC, with diacritics) around the first match, on one line; `…` marks
    /// where text was cut.
    public var snippet: String
    /// The matched words in `snippet` (a phrase is one range), in order.
    public var highlights: [Range<String.Index>]
    /// FTS5's bm25 score: lower is a better match.
    public var score: Double

    /// Makes a hit.
    public init(
        itemID: String, itemTitle: String?, pageID: Int64, pageName: String, sequence: Int, snippet: String,
        highlights: [Range<String.Index>], score: Double
    ) {
        self.itemID = itemID
        self.itemTitle = itemTitle
        self.pageID = pageID
        self.pageName = pageName
        self.sequence = sequence
        self.snippet = snippet
        self.highlights = highlights
        self.score = score
    }

    /// The snippet with each highlight wrapped in `open` and `close`, e.g. `"…của [Thư] [viện] tỉnh…"`.
    public func markedSnippet(open: String = "[", close: String = "]") -> String {
        var marked = ""
        var position = snippet.startIndex
        for range in highlights {
            marked += snippet[position..<range.lowerBound]
            marked += open + snippet[range] + close
            position = range.upperBound
        }
        marked += snippet[position...]
        return marked
    }
}
