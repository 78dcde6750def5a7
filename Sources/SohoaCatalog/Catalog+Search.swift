extension Catalog {
    /// Pages whose text matches `query`, best first, each with a snippet of the original text.
    /// Diacritics, `đ/Đ` and case do not matter; `"quoted words"` match as a phrase; any text is a
    /// valid query (one without words finds nothing).
    public func search(_ query: String, limit: Int = 20, offset: Int = 0) throws(CatalogError) -> [SearchHit] {
        try read { tx throws(CatalogError) in try tx.search(query, limit: limit, offset: offset) }
    }
}

extension Catalog {
    /// A search uses at most this many words (words of quoted phrases included); more are ignored.
    public static let maximumSearchWords = SearchQuery.maximumWords

    /// How many words `query` has as a search reads them (to refuse, with a message, a query longer
    /// than `maximumSearchWords` instead of silently ignoring its last words).
    public static func searchWordCount(_ query: String) -> Int {
        SearchQuery(query).wordCount
    }
}
