import GRDB
import GRDBSQLite

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

extension Catalog {
    /// Whether a recent search kept the result page `search(query, filters:limit:offset:)` would
    /// give, so that asking for it costs next to nothing: a hint for scheduling (it reads nothing
    /// from the catalog, so a change made since may still make the search run in full).
    public func hasKeptResults(_ query: String, filters: SearchFilters, limit: Int = 20, offset: Int = 0) -> Bool {
        let (limit, offset) = CatalogTransaction.bounded(limit: limit, offset: offset)
        guard let key = CatalogTransaction.searchKey(SearchQuery(query), filters: filters) else { return false }
        return searchCache.holdsPage(key, offset: offset, limit: limit)
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

    /// A scope of at most this many page-id ranges is searched range by range.
    static let rangeByRangeLimit = 64

    /// The pass over the index: ?1 the match expression, ?2 the `SearchScan`, ?3...?4 page ids.
    static let scanSQL = """
        SELECT rowid, \(SearchRanking.functionName)(page_search, ?2) FROM page_search
        WHERE page_search MATCH ?1 AND rowid BETWEEN ?3 AND ?4
        """

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
        let (limit, offset) = Self.bounded(limit: limit, offset: offset)
        let parsed = SearchQuery(query)
        guard let match = parsed.matchExpression, let key = Self.searchKey(parsed, filters: filters), limit > 0 else {
            return .empty(offset: offset, limit: limit)
        }
        if dialect == .postgres {
            return try searchOnPostgres(parsed, key: key, filters: filters, limit: limit, offset: offset, cache: cache)
        }
        let start = SearchTrace.isOn ? SearchTrace.Mark.now : nil
        var trace = ""
        defer {
            if let start {
                SearchTrace.write("search", "\(start.elapsed) \(trace) offset=\(offset) \(parsed.traceKind) q=\(match)")
            }
        }
        return try run {
            let generation = try cache?.generation(db)
            // The snippets depend only on the query's terms, which the match expression spells out.
            if let cache, let generation, let kept = cache.page(key, offset: offset, limit: limit, generation: generation) {
                trace = "outcome=page"
                return kept
            }
            let ranked: SearchCache.Ranked
            if let cache, let generation, let kept = cache.ranked(key, generation: generation) {
                ranked = kept
                trace = "outcome=ranked"
            } else {
                let scoped = start.map { _ in SearchTrace.Mark.now }
                let scope = try pageScope(filters, cache: cache, generation: generation)
                let scanned = start.map { _ in SearchTrace.Mark.now }
                ranked = try rankedMatches(parsed, match: match, scope: scope, termCounts: cache?.termCounts)
                if let cache, let generation { cache.keep(ranked, for: key, generation: generation) }
                if let scoped, let scanned, let now = start.map({ _ in SearchTrace.Mark.now }) {
                    trace = String(
                        format: "outcome=miss scope=%.2f scan=%.2f scancpu=%.2f ranges=%d matches=%d", scanned.wall - scoped.wall,
                        now.wall - scanned.wall, now.cpu - scanned.cpu, scope.ranges.count, ranked.candidates.count)
                }
            }
            let (total, isExact) = (ranked.total, ranked.isExact)
            var page = SearchPage(total: total, totalIsExact: isExact, offset: offset, limit: limit, results: [])
            let built = start.map { _ in SearchTrace.Mark.now }
            if total > offset {
                let shown = ranked.candidates[offset..<min(ranked.candidates.count, offset + limit)]
                page.results = try shown.compactMap { candidate in try result(candidate, query: parsed) }
            }
            if let built { trace += " results=" + built.elapsed.replacingOccurrences(of: " ", with: "/") }
            if let cache, let generation { cache.keep(page, for: key, generation: generation) }
            return page
        }
    }

    /// `limit` and `offset` as a search takes them: at most 100 results a page, never beyond
    /// `maximumSearchOffset`.
    static func bounded(limit: Int, offset: Int) -> (limit: Int, offset: Int) {
        (min(max(0, limit), 100), min(max(0, offset), maximumSearchOffset))
    }

    /// What `SearchCache` keeps a search's matches under: its match expression and its filters' SQL
    /// and arguments (`nil` for a query without words).
    static func searchKey(_ query: SearchQuery, filters: SearchFilters) -> String? {
        guard let match = query.matchExpression else { return nil }
        let conditions = filters.itemConditions()
        return ([match, conditions.sql] + conditions.arguments).joined(separator: "\u{1F}")
    }

    /// The pages of the items `filters` allow (as page-id ranges, from the items' spans).
    private func pageScope(_ filters: SearchFilters, cache: SearchCache?, generation: Int?) throws -> PageScope {
        let conditions = filters.itemConditions()
        let key = ([conditions.sql] + conditions.arguments).joined(separator: "\u{1F}")
        if let cache, let generation, let kept = cache.scope(key, generation: generation) { return kept }
        let spans = try (cache?.pageSpans ?? PageSpans()).spans(db)
        let holdingsJoin = filters.needsHoldings ? "LEFT JOIN holdings h ON h.id = i.holdingID" : ""
        let items = try String.fetchSet(
            db, sql: "SELECT i.id FROM items i \(holdingsJoin) WHERE \(conditions.sql)",
            arguments: StatementArguments(conditions.arguments))
        let scope = PageScope(items: items, spans: spans)
        if let cache, let generation { cache.keep(scope, for: key, generation: generation) }
        return scope
    }

    /// The first `rankingWindow` matches in scope (and one more, to tell whether there are more), in
    /// page-id order, then ranked: one pass over the index, each match scored by `sohoa_rank` (which
    /// skips pages out of scope), with no look-up per match but for pages of interleaved items.
    private func rankedMatches(
        _ query: SearchQuery, match: String, scope: PageScope, termCounts: TermCounts?
    ) throws -> SearchCache.Ranked {
        guard let first = scope.ranges.first, let last = scope.ranges.last else {
            return SearchCache.Ranked(candidates: [], total: 0, isExact: true)
        }
        // One term ranks the same whatever its weight; several are weighed by how rare they are.
        let counts = query.terms.count > 1 ? try (termCounts ?? TermCounts()).counts(query.termExpressions, db) : nil
        let scan = SearchScan(scope: scope, termCounts: counts, phrases: query.phrases)
        // A few ranges are read one by one (FTS5 skips to each); many, or a prefix FTS5 gathers
        // afresh in each statement, in one pass from the first to the last.
        let spans =
            scope.ranges.count <= Self.rangeByRangeLimit && !query.hasUnindexedPrefix
            ? scope.ranges.map { ($0.first, $0.last) } : [(first.first, last.last)]
        let sql = Self.scanSQL
        let statement = try db.makeStatement(sql: sql)
        let check = try db.cachedStatement(sql: "SELECT itemID FROM pages WHERE id = ?")
        let handle = statement.sqliteStatement
        var candidates: [SearchCandidate] = []
        try withExtendedLifetime(scan) {
            let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
            sqlite3_bind_text(handle, 1, match, -1, transient)
            sqlite3_bind_pointer(
                handle, 2, Unmanaged.passUnretained(scan).toOpaque(), SearchRanking.cString(SearchRanking.scanPointerType),
                nil)
            scanning: for (low, high) in spans {
                sqlite3_reset(handle)
                sqlite3_bind_int64(handle, 3, low)
                sqlite3_bind_int64(handle, 4, high)
                while true {
                    let code = sqlite3_step(handle)
                    if code == SQLITE_DONE { break }
                    guard code == SQLITE_ROW else {
                        throw DatabaseError(
                            resultCode: ResultCode(rawValue: code),
                            message: try db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }, sql: sql)
                    }
                    guard sqlite3_column_type(handle, 1) != SQLITE_NULL else { continue }
                    let page = sqlite3_column_int64(handle, 0)
                    if scope.membership(page) == .unsure {
                        guard let item = try String.fetchOne(check, arguments: [page]), scope.items.contains(item) else {
                            continue
                        }
                    }
                    candidates.append(SearchCandidate(pageID: page, score: sqlite3_column_double(handle, 1)))
                    if candidates.count > Self.rankingWindow { break scanning }
                }
            }
            sqlite3_reset(handle)
        }
        return SearchCache.Ranked(
            candidates: candidates.sorted(by: SearchCandidate.ranksBefore),
            total: min(candidates.count, Self.rankingWindow), isExact: candidates.count <= Self.rankingWindow)
    }

    /// Completes one hit with its page, its item's description and its text's snippet.
    private func result(_ candidate: SearchCandidate, query: SearchQuery) throws -> SearchResult? {
        let pageID = candidate.pageID
        guard
            let row = try Row.fetchOne(
                // Prepared once per connection: twenty hits a page, each preparing two statements,
                // spent more time preparing them than running them.
                db.cachedStatement(
                    sql: """
                        SELECT p.itemID, p.name, p.sequence, i.title, i.libraryCode, i.date, i.language, i.access,
                            COALESCE(h.collectionType, i.type) AS collectionType
                        FROM pages p JOIN items i ON i.id = p.itemID LEFT JOIN holdings h ON h.id = i.holdingID
                        WHERE p.id = ?
                        """),
                arguments: [pageID])
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
            itemID: row["itemID"], itemTitle: row["title"], pageID: pageID, pageName: row["name"], sequence: row["sequence"],
            snippet: snippet.text, highlights: snippet.highlights, score: candidate.score)
        return SearchResult(
            hit: hit, libraryCode: row["libraryCode"], date: row["date"], language: row["language"],
            collectionType: row["collectionType"], access: AccessLevel(rawValue: row["access"]) ?? .closed)
    }
}
