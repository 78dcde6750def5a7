import Foundation

/// Search on a catalog on PostgreSQL (issue 16), giving SQLite's results: the same pages, in the same
/// order, with the same scores, snippets and totals.
///
/// PostgreSQL only finds the pages: `page_texts.search @@ tsquery` over the generated `tsvector` and
/// its GIN index (`sohoa_fold`, the folding SQLite's index has, `v1-fts`), or for a word with marks its
/// exact form's token in `page_marks` (`PageMarkTokens`, FTS5's `marks` column), with the filters as an
/// SQL join, in page-id order. The ranking is done here, never by `ts_rank_cd`: each page's text is read
/// word by word as FTS5 holds it (`PageWords`: folded words and exact-form tokens), and the counts FTS5
/// would give its rank functions are fed to the same formulas — `SearchScan.score` for the filtered
/// search, FTS5's `bm25(page_search, 1.0, 10.0)` for the unfiltered one — with the index's size (rows,
/// and tokens from `page_texts.searchLength`, `v-search-lengths`) and the terms' page counts
/// (`TermCounts`' sample and estimate) read from PostgreSQL as FTS5 reads them from its index. A page
/// PostgreSQL finds but whose words do not match is dropped.
///
/// Equal to SQLite for text in Latin script (Vietnamese): `sohoa_fold` folds other scripts otherwise
/// (docs/architecture.md, "PostgreSQL"), and PostgreSQL's phrase positions stop at 16,383 words a page.
struct TSVectorSearch {
    let statements: any CatalogStatements
    /// The catalog, for errors.
    let file: URL

    /// bm25's parameters, as FTS5's `bm25()` has them.
    private static let k1 = 1.2
    private static let b = 0.75
    /// The unfiltered search's column weights, as `bm25(page_search, 1.0, 10.0)` gives them.
    private static let foldedWeight = 1.0
    private static let marksWeight = 10.0

    /// The longest word, in UTF-8 bytes, that PostgreSQL takes in a `tsquery` (it refuses longer
    /// ones, "operand is too long in tsquery", and does not index them in a `tsvector` either).
    static let longestWord = 2_047

    /// Whether a word of `query` is longer than `longestWord`: no page on PostgreSQL can hold it, so the
    /// search finds nothing instead of failing (a letter with a thousand combining marks is one
    /// Character, within the search form's limit).
    static func hasOverlongWord(_ query: SearchQuery) -> Bool {
        query.terms.contains { term in
            switch term {
            case .word(let word), .prefix(let word): word.utf8.count > longestWord
            case .phrase(let words): words.contains { $0.utf8.count > longestWord }
            }
        }
    }

    /// `query`'s terms as one `tsquery` (all must match).
    static func tsquery(_ query: SearchQuery) -> String {
        query.terms.map(tsquery).joined(separator: " & ")
    }

    /// One term as a `tsquery`: a word, a prefix (`'dai':*`) or a phrase (`'dai' <-> 'hoc'`).
    static func tsquery(_ term: SearchQuery.Term) -> String {
        switch term {
        case .word(let word): lexeme(word)
        case .prefix(let word): lexeme(word) + ":*"
        case .phrase(let words): "(" + words.map(lexeme).joined(separator: " <-> ") + ")"
        }
    }

    /// A `tsquery` lexeme: quoted, with quotes doubled and backslashes escaped (nothing typed is syntax).
    private static func lexeme(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// The condition that the page `alias` (a `page_texts` row) matches every term of `query`, and its
    /// arguments: FTS5's match expression. A term with an exact form is its folded form or its exact
    /// form's tokens (`page_marks`), as `(folded : … OR marks : …)` is: the tokens add the pages where a
    /// word of another exact form shares the token, as on SQLite.
    static func matchCondition(_ query: SearchQuery, alias: String) -> (sql: String, arguments: [CatalogValue]) {
        let exact = exactTokens(query)
        guard exact.contains(where: { $0 != nil }) else {
            return ("\(alias).search @@ CAST(? AS tsquery)", [.text(tsquery(query))])
        }
        var conditions: [String] = []
        var arguments: [CatalogValue] = []
        for (term, tokens) in zip(query.terms, exact) {
            arguments.append(.text(tsquery(term)))
            guard let tokens else {
                conditions.append("\(alias).search @@ CAST(? AS tsquery)")
                continue
            }
            // A union of the two indexes' pages (an `OR` across the tables would read every page).
            conditions.append(
                "\(alias).pageID IN (SELECT pageID FROM page_texts WHERE search @@ CAST(? AS tsquery) "
                    + "UNION ALL SELECT pageID FROM page_marks WHERE marks @@ CAST(? AS tsquery))")
            arguments.append(.text(PageMarkTokens.tsquery(tokens)))
        }
        return (conditions.joined(separator: " AND "), arguments)
    }

    /// `search_version`, for `SearchCache`.
    func searchVersion() throws(CatalogError) -> Int {
        try statements.fetchOne("SELECT version FROM search_version WHERE id = 1")?.int("version") ?? 0
    }

    /// The index's pages and the words of their folded texts, as FTS5's `xRowCount` and
    /// `xColumnTotalSize` give them.
    private func indexSize() throws(CatalogError) -> (rows: Int64, tokens: Int64) {
        let row = try statements.fetchOne("SELECT COUNT(*) AS n, COALESCE(SUM(searchLength), 0) AS tokens FROM page_texts")
        return (Int64(try row?.int("n") ?? 0), Int64(try row?.int("tokens") ?? 0))
    }

    /// The pages the `tsquery` `term` matches, as `TermCounts` counts them on SQLite: exact up to
    /// `TermCounts.sample`, else estimated from the first ones alike.
    func count(_ term: String) throws(CatalogError) -> Int {
        let sampled = try statements.fetchOne(
            """
            SELECT COUNT(*) AS n, MAX(pageID) AS last FROM
            (SELECT pageID FROM page_texts WHERE search @@ CAST(? AS tsquery) ORDER BY pageID LIMIT \(TermCounts.sample)) s
            """, [.text(term)])
        let count = try sampled?.int("n") ?? 0
        guard count >= TermCounts.sample, let last = try sampled?.optionalInt("last") else { return count }
        let bounds = try statements.fetchOne("SELECT MIN(pageID) AS first, MAX(pageID) AS last FROM page_texts")
        guard let first = try bounds?.optionalInt("first"), let end = try bounds?.optionalInt("last"), last > first else {
            return count
        }
        if let estimate = TermCounts.estimate(sampled: count, last: Int64(last), first: Int64(first), end: Int64(end)) {
            return estimate
        }
        return try exactCount(term)
    }

    /// The pages the `tsquery` `term` matches, all counted.
    private func exactCount(_ term: String) throws(CatalogError) -> Int {
        try statements.fetchOne("SELECT COUNT(*) AS n FROM page_texts WHERE search @@ CAST(? AS tsquery)", [.text(term)])?
            .int("n") ?? 0
    }

    /// The exact-form tokens of each term of `query` (`nil` for a term without marks).
    private static func exactTokens(_ query: SearchQuery) -> [[Unicode.Scalar]?] {
        query.exactTokens.map { tokens in tokens.map { Array($0.unicodeScalars.filter { $0 != " " }) } }
    }

    /// A page's counts of each phrase of `roles` (folded instances, or exact-form instances), or `nil`
    /// when a term is on the page in neither form (no match).
    private static func frequencies(
        _ words: PageWords, query: SearchQuery, roles: [SearchQuery.Phrase], exact: [[Unicode.Scalar]?]
    ) -> [Int]? {
        var counts: [Int] = []
        counts.reserveCapacity(roles.count)
        var found = Array(repeating: false, count: query.terms.count)
        for role in roles {
            let count =
                switch role.role {
                case .folded: words.frequency(of: query.terms[role.term])
                case .exact: exact[role.term].map { words.frequency(ofTokens: $0) } ?? 0
                }
            if count > 0 { found[role.term] = true }
            counts.append(count)
        }
        return found.allSatisfy { $0 } ? counts : nil
    }

    // MARK: The filtered search

    /// The first `rankingWindow` matches in `filters`' scope (and one more, to tell whether there are
    /// more), in page-id order, then ranked by `SearchScan.score`: `rankedMatches` of SQLite.
    /// `cache` (with the snapshot's `generation`) keeps the term counts and the index's size.
    func ranked(
        _ query: SearchQuery, filters: SearchFilters, cache: SearchCache?, generation: Int?
    ) throws(CatalogError) -> SearchCache.Ranked {
        let termCounts = cache?.termCounts
        let conditions = filters.itemConditions(.postgres)
        let holdingsJoin = filters.needsHoldings ? "LEFT JOIN holdings h ON h.id = i.holdingID" : ""
        let match = Self.matchCondition(query, alias: "t")
        let rows = try statements.fetch(
            """
            SELECT t.pageID AS pageID, t.text AS text FROM page_texts t JOIN items i ON i.id = t.itemID \(holdingsJoin)
            WHERE \(match.sql) AND \(conditions.sql)
            ORDER BY t.pageID LIMIT \(CatalogTransaction.rankingWindow + 1)
            """, match.arguments + conditions.arguments.map { .text($0) })
        let terms = query.terms.count
        let size: (rows: Int64, tokens: Int64)
        if let cache, let generation, let kept = cache.indexSize(generation: generation) {
            size = kept
        } else {
            size = try indexSize()
            if let cache, let generation { cache.keep(indexSize: size, generation: generation) }
        }
        var weights = Array(repeating: 1.0, count: terms)
        if terms > 1 {
            let counts: [Int]
            do {
                counts = try (termCounts ?? TermCounts()).counts(query.terms.map(Self.tsquery)) { term in try count(term) }
            } catch {
                throw CatalogError(error, file: file)
            }
            weights = SearchScan.weights(termCounts: counts, rows: size.rows)
        }
        let averageLength = SearchScan.averageLength(rows: size.rows, tokens: size.tokens)
        let roles = query.phrases
        let exact = Self.exactTokens(query)
        let memo = exact.contains { $0 != nil } ? ExactTokenMemo() : nil
        var candidates: [SearchCandidate] = []
        for row in rows {
            let words = PageWords(try row.string("text"), tokens: memo)
            guard let counts = Self.frequencies(words, query: query, roles: roles, exact: exact) else { continue }
            let score = SearchScan.score(
                roles: roles, frequencies: counts.map(Double.init), weights: weights, tokens: Double(words.count),
                averageLength: averageLength)
            candidates.append(SearchCandidate(pageID: Int64(try row.int("pageID")), score: score))
        }
        let window = CatalogTransaction.rankingWindow
        return SearchCache.Ranked(
            candidates: candidates.sorted(by: SearchCandidate.ranksBefore), total: min(candidates.count, window),
            isExact: candidates.count <= window)
    }

    /// Completes one hit with its page, its item's description and its text's snippet: `result` of SQLite.
    func result(_ candidate: SearchCandidate, query: SearchQuery) throws(CatalogError) -> SearchResult? {
        guard
            let row = try statements.fetchOne(
                """
                SELECT p.itemID AS itemID, p.name AS name, p.sequence AS sequence, i.title AS title,
                    i.libraryCode AS libraryCode, i.date AS date, i.language AS language, i.access AS access,
                    COALESCE(h.collectionType, i.type) AS collectionType, t.text AS text
                FROM pages p JOIN items i ON i.id = p.itemID LEFT JOIN holdings h ON h.id = i.holdingID
                LEFT JOIN page_texts t ON t.pageID = p.id
                WHERE p.id = ?
                """, [.integer(candidate.pageID)])
        else { return nil }
        let original = try row.optionalString("text") ?? ""
        let snippet = SnippetWindow.snippet(original: original, folded: DiacriticFolding.fold(original), query: query)
        let hit = SearchHit(
            itemID: try row.string("itemID"), itemTitle: try row.optionalString("title"), pageID: candidate.pageID,
            pageName: try row.string("name"), sequence: try row.int("sequence"), snippet: snippet.text,
            highlights: snippet.highlights, score: candidate.score)
        return SearchResult(
            hit: hit, libraryCode: try row.string("libraryCode"), date: try row.optionalString("date"),
            language: try row.optionalString("language"), collectionType: try row.optionalString("collectionType"),
            access: AccessLevel(rawValue: try row.string("access")) ?? .closed)
    }

    // MARK: The unfiltered search

    /// Every matching page ranked as FTS5's `bm25(page_search, 1.0, 10.0)` ranks it (the folded column
    /// weighed 1, the exact forms' column 10), then by item and sequence: SQLite's
    /// `search(_:limit:offset:)`.
    func hits(_ query: SearchQuery, limit: Int, offset: Int) throws(CatalogError) -> [SearchHit] {
        guard !Self.hasOverlongWord(query) else { return [] }
        let match = Self.matchCondition(query, alias: "t")
        let rows = try statements.fetch(
            """
            SELECT t.pageID AS pageID, t.text AS text, p.itemID AS itemID, p.name AS name, p.sequence AS sequence,
                i.title AS title
            FROM page_texts t JOIN pages p ON p.id = t.pageID JOIN items i ON i.id = p.itemID
            WHERE \(match.sql)
            """, match.arguments)
        let roles = query.phrases
        let exact = Self.exactTokens(query)
        let memo = exact.contains { $0 != nil } ? ExactTokenMemo() : nil
        struct Match {
            var row: CatalogRow
            var text: String
            /// The page's words in the folded column (its length for bm25).
            var wordCount: Int
            var counts: [Int]
        }
        var matches: [Match] = []
        for row in rows {
            let text = try row.string("text")
            let words = PageWords(text, tokens: memo)
            guard let counts = Self.frequencies(words, query: query, roles: roles, exact: exact) else { continue }
            matches.append(Match(row: row, text: text, wordCount: words.count, counts: counts))
        }
        guard !matches.isEmpty else { return [] }
        // FTS5 reads the index's size over both columns: the exact forms' column has one token per word.
        let size = try indexSize()
        let averageLength = Double(2 * size.tokens) / Double(size.rows)
        var idf: [Double] = []
        for (index, role) in roles.enumerated() {
            let hits: Int
            if query.terms.count == 1 {
                hits = matches.reduce(0) { $0 + ($1.counts[index] > 0 ? 1 : 0) }
            } else {
                switch role.role {
                case .folded: hits = try exactCount(Self.tsquery(query.terms[role.term]))
                case .exact:
                    hits =
                        try statements.fetchOne(
                            "SELECT COUNT(*) AS n FROM page_marks WHERE marks @@ CAST(? AS tsquery)",
                            [.text(PageMarkTokens.tsquery(exact[role.term] ?? []))])?
                        .int("n") ?? 0
                }
            }
            let value = log((Double(size.rows - Int64(hits)) + 0.5) / (Double(hits) + 0.5))
            idf.append(value <= 0 ? 1e-6 : value)
        }
        var scored: [(score: Double, match: Match)] = []
        scored.reserveCapacity(matches.count)
        for match in matches {
            let length = Double(2 * match.wordCount)
            var score = 0.0
            for (index, role) in roles.enumerated() {
                let frequency = Double(match.counts[index]) * (role.role == .folded ? Self.foldedWeight : Self.marksWeight)
                score +=
                    idf[index]
                    * ((frequency * (Self.k1 + 1.0)) / (frequency + Self.k1 * (1 - Self.b + Self.b * length / averageLength)))
            }
            scored.append((-1.0 * score, match))
        }
        var ordered: [(score: Double, itemID: String, sequence: Int, match: Match)] = []
        for entry in scored {
            ordered.append((entry.score, try entry.match.row.string("itemID"), try entry.match.row.int("sequence"), entry.match))
        }
        ordered.sort { a, b in
            if a.score != b.score { return a.score < b.score }
            if a.itemID != b.itemID { return a.itemID.utf8.lexicographicallyPrecedes(b.itemID.utf8) }
            return a.sequence < b.sequence
        }
        let start = max(0, offset)
        guard start < ordered.count else { return [] }
        var hits: [SearchHit] = []
        for entry in ordered[start..<min(ordered.count, start + min(limit, 1000))] {
            let snippet = Snippet(original: entry.match.text, query: query)
            hits.append(
                SearchHit(
                    itemID: entry.itemID, itemTitle: try entry.match.row.optionalString("title"),
                    pageID: Int64(try entry.match.row.int("pageID")), pageName: try entry.match.row.string("name"),
                    sequence: entry.sequence, snippet: snippet.text, highlights: snippet.highlights, score: entry.score))
        }
        return hits
    }
}

extension CatalogTransaction {
    /// `search(_:filters:limit:offset:cache:)` on a catalog on PostgreSQL (`TSVectorSearch`), with
    /// the same cache: its generation read from the same `search_version`.
    func searchOnPostgres(
        _ query: SearchQuery, key: String, filters: SearchFilters, limit: Int, offset: Int, cache: SearchCache?
    ) throws(CatalogError) -> SearchPage {
        guard !TSVectorSearch.hasOverlongWord(query) else {
            return SearchPage(total: 0, totalIsExact: true, offset: offset, limit: limit, results: [])
        }
        let index = TSVectorSearch(statements: statements, file: file)
        let generation = try cache.map { cache throws(CatalogError) in cache.generation(version: try index.searchVersion()) }
        if let cache, let generation, let kept = cache.page(key, offset: offset, limit: limit, generation: generation) {
            return kept
        }
        let ranked: SearchCache.Ranked
        if let cache, let generation, let kept = cache.ranked(key, generation: generation) {
            ranked = kept
        } else {
            ranked = try index.ranked(query, filters: filters, cache: cache, generation: generation)
            if let cache, let generation { cache.keep(ranked, for: key, generation: generation) }
        }
        var page = SearchPage(total: ranked.total, totalIsExact: ranked.isExact, offset: offset, limit: limit, results: [])
        if ranked.total > offset {
            for candidate in ranked.candidates[offset..<min(ranked.candidates.count, offset + limit)] {
                if let result = try index.result(candidate, query: query) { page.results.append(result) }
            }
        }
        if let cache, let generation { cache.keep(page, for: key, generation: generation) }
        return page
    }
}
