import GRDB

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
        try run {
            try db.execute(
                sql: "UPDATE pages SET suspectReason = ?, syllableShare = ? WHERE id = ?",
                arguments: [reason.flatMap { $0.isEmpty ? nil : $0 }, share, pageID])
        }
        if db.changesCount == 0 { throw .notFound("page \(pageID)", file: file) }
    }

    /// Suspect pages of items in `scope`, those still waiting for review first, then by item and page order.
    public func suspectPages(limit: Int = 100, scope: AccessScope = .everything) throws(CatalogError) -> [SuspectPageRecord] {
        let (condition, scopeArguments) = scope.itemSQL(column: "itemID")
        var arguments = scopeArguments
        arguments += [max(0, limit)]
        return try run {
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, itemID, name, sequence, suspectReason, reviewState FROM pages
                    WHERE suspectReason IS NOT NULL AND \(condition)
                    ORDER BY reviewState <> 'pending', itemID, sequence, name LIMIT ?
                    """,
                arguments: arguments)
            return rows.map { row in
                SuspectPageRecord(
                    pageID: row["id"], itemID: row["itemID"], pageName: row["name"], sequence: row["sequence"],
                    reason: row["suspectReason"], reviewState: ReviewState(rawValue: row["reviewState"]) ?? .pending)
            }
        }
    }

    /// How many pages of items in `scope` are suspect, reviewed or not.
    public func suspectPageCount(scope: AccessScope = .everything) throws(CatalogError) -> Int {
        let (condition, arguments) = scope.itemSQL(column: "itemID")
        return try run {
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM pages WHERE suspectReason IS NOT NULL AND \(condition)", arguments: arguments) ?? 0
        }
    }
}
