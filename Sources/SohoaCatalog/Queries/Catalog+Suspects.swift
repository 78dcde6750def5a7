extension Catalog {
    /// Suspect pages (issue 11), those still waiting for review first, then by item and page order.
    public func suspectPages(limit: Int = 100) throws(CatalogError) -> [SuspectPageRecord] {
        try read { tx throws(CatalogError) in try tx.suspectPages(limit: limit) }
    }
}

extension CatalogTransaction {
    /// Records whether the page's recognized text looks wrong (`reason`, nil when it does not) and the
    /// share of its words that are Vietnamese syllables.
    public func setPageSuspicion(pageID: Int64, reason: String?, syllableShare: Double?) throws(CatalogError) {
        let share = syllableShare.map { min(1, max(0, $0)) }
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        let changed = try statements.execute(
            "UPDATE pages SET suspectReason = ?, syllableShare = ? WHERE id = ?",
            [.text(reason.flatMap { $0.isEmpty ? nil : $0 }), share.map { .real($0) } ?? .null, .integer(pageID)])
        if changed == 0 { throw .notFound("page \(pageID)", file: file) }
    }

    /// Suspect pages of items in `scope`, those still waiting for review first, then by item and page order.
    public func suspectPages(limit: Int = 100, scope: AccessScope = .everything) throws(CatalogError) -> [SuspectPageRecord] {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        let (condition, scopeArguments) = scope.itemCondition(column: "itemID")
        let rows = try statements.fetch(
            """
            SELECT id, itemID, name, sequence, suspectReason, reviewState FROM pages
            WHERE suspectReason IS NOT NULL AND \(condition)
            ORDER BY reviewState <> 'pending', itemID, sequence, name LIMIT ?
            """, scopeArguments + [.integer(max(0, limit))])
        var pages: [SuspectPageRecord] = []
        for row in rows {
            pages.append(
                SuspectPageRecord(
                    pageID: Int64(try row.int("id")), itemID: try row.string("itemID"), pageName: try row.string("name"),
                    sequence: try row.int("sequence"), reason: try row.string("suspectReason"),
                    reviewState: ReviewState(rawValue: try row.string("reviewState")) ?? .pending))
        }
        return pages
    }

    /// How many pages of items in `scope` are suspect, reviewed or not.
    public func suspectPageCount(scope: AccessScope = .everything) throws(CatalogError) -> Int {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        let (condition, arguments) = scope.itemCondition(column: "itemID")
        return try statements.fetchOne(
            "SELECT COUNT(*) AS n FROM pages WHERE suspectReason IS NOT NULL AND \(condition)", arguments)?.int("n") ?? 0
    }
}
