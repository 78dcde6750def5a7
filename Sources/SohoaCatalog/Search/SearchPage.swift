/// One page of filtered search results, with the number of matching pages for paging.
public struct SearchPage: Sendable, Equatable {
    /// Pages matching the words and the filters, in all; when more match than are ranked (over
    /// `CatalogTransaction.maximumSearchOffset`), the number ranked, and `totalIsExact` is false.
    public var total: Int
    /// Whether `total` is the exact count (false: "more than `total`").
    public var totalIsExact: Bool
    /// How many results were skipped before these.
    public var offset: Int
    /// How many results a page holds at most.
    public var limit: Int
    /// The results, best first.
    public var results: [SearchResult]

    /// Makes a result page.
    public init(total: Int, totalIsExact: Bool = true, offset: Int, limit: Int, results: [SearchResult]) {
        self.total = total
        self.totalIsExact = totalIsExact
        self.offset = offset
        self.limit = limit
        self.results = results
    }

    /// No results (a query without words, or nothing the reader may see).
    public static func empty(offset: Int, limit: Int) -> SearchPage {
        SearchPage(total: 0, offset: offset, limit: limit, results: [])
    }
}
