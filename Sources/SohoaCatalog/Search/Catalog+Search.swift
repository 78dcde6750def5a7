import GRDB

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

extension CatalogTransaction {
    /// Pages whose text matches `query`, best first (bm25), each with a snippet of the original text.
    /// A marked word found as written counts ten times a folded match (bm25's column weights), so
    /// pages with the exact words come first here too, as a rule rather than always.
    ///
    /// Words match with or without diacritics and in any case (`dai hoc`, `ĐẠI HỌC` and `Đại học` are
    /// the same); all plain words must match, in any order, and the last one may be the start of a word;
    /// `"quoted words"` must match as a phrase. Nothing in `query` is FTS syntax, so no query fails:
    /// a query without words finds nothing. On PostgreSQL, `TSVectorSearch` gives the same hits in
    /// the same order (bm25 computed as FTS5 computes it).
    public func search(_ query: String, limit: Int = 20, offset: Int = 0) throws(CatalogError) -> [SearchHit] {
        let parsed = SearchQuery(query)
        guard let match = parsed.matchExpression, limit > 0 else { return [] }
        if dialect == .postgres {
            return try TSVectorSearch(statements: statements, file: file).hits(parsed, limit: limit, offset: offset)
        }
        let rows = try run {
            try Row.fetchAll(
                db,
                sql: """
                    SELECT page_search.rowid AS pageID, bm25(page_search, 1.0, 10.0) AS score, page_texts.text AS text,
                        pages.itemID AS itemID, pages.name AS name, pages.sequence AS sequence, items.title AS title
                    FROM page_search
                    JOIN page_texts ON page_texts.pageID = page_search.rowid
                    JOIN pages ON pages.id = page_texts.pageID
                    JOIN items ON items.id = pages.itemID
                    WHERE page_search MATCH ?
                    ORDER BY score, pages.itemID, pages.sequence
                    LIMIT ? OFFSET ?
                    """,
                arguments: [match, min(limit, 1000), max(0, offset)])
        }
        return rows.map { row in
            let snippet = Snippet(original: row["text"], query: parsed)
            return SearchHit(
                itemID: row["itemID"], itemTitle: row["title"], pageID: row["pageID"], pageName: row["name"],
                sequence: row["sequence"], snippet: snippet.text, highlights: snippet.highlights, score: row["score"])
        }
    }
}
