import GRDB

extension Catalog {
    /// Pages whose text matches `query` among the items `filters` allow, best first, with the total
    /// for paging. Words match as in `search(_:limit:offset:)`; only packaged, not withdrawn items at
    /// the allowed access levels are found (never closed ones).
    public func search(
        _ query: String, filters: SearchFilters, limit: Int = 20, offset: Int = 0
    ) throws(CatalogError) -> SearchPage {
        try read { tx throws(CatalogError) in
            try tx.search(query, filters: filters, limit: limit, offset: offset, cache: searchCache)
        }
    }
}

extension CatalogTransaction {
    /// Results are never paged beyond this offset (100 pages of 20: a reader does not page that far,
    /// and it bounds the cost).
    public static let maximumSearchOffset = 2_000

    /// At most this many matching pages are counted and ranked: the first ones in page order when more
    /// match (ranking every page of a very common word costs more than it helps: 10,000 pages take
    /// ~50 ms, 2,000 take ~8 ms). Every reachable result page lies within it.
    static let rankingWindow = maximumSearchOffset + 100

    /// Pages whose text matches `query` among the items `filters` allow, best first (bm25), with the
    /// total for paging; see `Catalog.search(_:filters:limit:offset:)`.
    public func search(
        _ query: String, filters: SearchFilters, limit: Int = 20, offset: Int = 0
    ) throws(CatalogError) -> SearchPage {
        try search(query, filters: filters, limit: limit, offset: offset, cache: nil)
    }

    /// `search(_:filters:limit:offset:)`, taking the ranked matches from `cache` when it has them and
    /// keeping them there when not.
    func search(
        _ query: String, filters: SearchFilters, limit: Int, offset: Int, cache: SearchCache?
    ) throws(CatalogError) -> SearchPage {
        let limit = min(max(0, limit), 100)
        let offset = min(max(0, offset), Self.maximumSearchOffset)
        let parsed = SearchQuery(query)
        guard let match = parsed.matchExpression, limit > 0 else { return .empty(offset: offset, limit: limit) }
        let conditions = filters.itemConditions()
        let holdingsJoin = filters.needsHoldings ? "LEFT JOIN holdings h ON h.id = i.holdingID" : ""
        // FTS5 yields matches in rowid order; the joins are primary-key look-ups per match.
        let matches = """
            FROM page_search
            JOIN pages p ON p.id = page_search.rowid
            JOIN items i ON i.id = p.itemID
            \(holdingsJoin)
            WHERE page_search MATCH ? AND \(conditions.sql)
            LIMIT \(Self.rankingWindow + 1)
            """
        let candidates = """
            SELECT page_search.rowid AS pageID, bm25(page_search) AS score, p.itemID AS itemID, p.name AS name,
                p.sequence AS sequence
            \(matches)
            """
        let arguments = StatementArguments([match] + conditions.arguments)
        let key = ([match, conditions.sql] + conditions.arguments).joined(separator: "\u{1F}")
        return try run {
            let generation = try cache?.generation(db)
            // The snippets depend only on the query's terms, which the match expression spells out.
            if let cache, let generation, let kept = cache.page(key, offset: offset, limit: limit, generation: generation) {
                return kept
            }
            let ranked: SearchCache.Ranked
            if let cache, let generation, let kept = cache.ranked(key, generation: generation) {
                ranked = kept
            } else {
                // One pass over the index: the candidates are counted and ranked here (a COUNT query
                // then a ranking query matched every page twice).
                let rows = try Row.fetchAll(db, sql: candidates, arguments: arguments)
                ranked = SearchCache.Ranked(
                    candidates: rows.map(SearchCandidate.init).sorted(by: SearchCandidate.ranksBefore),
                    total: min(rows.count, Self.rankingWindow), isExact: rows.count <= Self.rankingWindow)
                if let cache, let generation { cache.keep(ranked, for: key, generation: generation) }
            }
            let (total, isExact) = (ranked.total, ranked.isExact)
            var page = SearchPage(total: total, totalIsExact: isExact, offset: offset, limit: limit, results: [])
            if total > offset {
                let shown = ranked.candidates[offset..<min(ranked.candidates.count, offset + limit)]
                page.results = try shown.compactMap { candidate in try result(candidate, query: parsed) }
            }
            if let cache, let generation { cache.keep(page, for: key, generation: generation) }
            return page
        }
    }

    /// Completes one hit with its text's snippet and its item's description.
    private func result(_ candidate: SearchCandidate, query: SearchQuery) throws -> SearchResult? {
        let pageID = candidate.pageID
        let itemID = candidate.itemID
        guard
            let item = try Row.fetchOne(
                // Prepared once per connection: twenty hits a page, each preparing two statements,
                // spent more time preparing them than running them.
                db.cachedStatement(
                    sql: """
                        SELECT i.title, i.libraryCode, i.date, i.language, i.access, COALESCE(h.collectionType, i.type) AS collectionType
                        FROM items i LEFT JOIN holdings h ON h.id = i.holdingID WHERE i.id = ?
                        """),
                arguments: [itemID])
        else { return nil }
        let texts = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT page_texts.text AS text, page_search.folded AS folded
                    FROM page_texts LEFT JOIN page_search ON page_search.rowid = page_texts.pageID
                    WHERE page_texts.pageID = ?
                    """),
            arguments: [pageID])
        let original = texts.map { row -> String in row["text"] } ?? ""
        let folded = texts.flatMap { row -> String? in row["folded"] }
        let snippet = SnippetWindow.snippet(original: original, folded: folded, query: query)
        let hit = SearchHit(
            itemID: itemID, itemTitle: item["title"], pageID: pageID, pageName: candidate.name, sequence: candidate.sequence,
            snippet: snippet.text, highlights: snippet.highlights, score: candidate.score)
        return SearchResult(
            hit: hit, libraryCode: item["libraryCode"], date: item["date"], language: item["language"],
            collectionType: item["collectionType"], access: AccessLevel(rawValue: item["access"]) ?? .closed)
    }
}
