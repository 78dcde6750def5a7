extension Catalog {
    /// The catalog's state for `sohoa status`, of the items in `scope` (batches that ingested them,
    /// their pages, failures, rescan requests and suspect pages).
    public func status(
        recentBatches: Int = 5, recentFailures: Int = 10, scope: AccessScope = .everything
    ) throws(CatalogError) -> CatalogStatus {
        try read { tx throws(CatalogError) in
            var status = try tx.status(recentBatches: recentBatches, recentFailures: recentFailures, scope: scope)
            status.lastAudit = try tx.audits(limit: 1).first
            status.rescanRequests = try tx.rescanRequests(scope: scope)
            status.suspectPages = try tx.suspectPages(limit: 20, scope: scope)
            status.suspectPageCount = try tx.suspectPageCount(scope: scope)
            return status
        }
    }
}

// Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
extension CatalogTransaction {
    /// The catalog's state for `sohoa status`, of the items in `scope`.
    public func status(
        recentBatches: Int = 5, recentFailures: Int = 10, scope: AccessScope = .everything
    ) throws(CatalogError) -> CatalogStatus {
        let batches = try batches(limit: recentBatches, scope: scope)
        let failures = try failures(limit: recentFailures, scope: scope)
        let (items, itemArguments) = scope.libraryCondition(column: "libraryCode")
        let (itemsPages, pageArguments) = scope.itemCondition(column: "itemID")
        // A split spread's own record (beside its halves, which hold its text) is not a page.
        let pagesInScope = "\(itemsPages) AND \(Self.notASplitSpread("pages"))"
        var itemsByState: [ItemRecord.State: Int] = [:]
        for row in try statements.fetch("SELECT state, COUNT(*) AS n FROM items WHERE \(items) GROUP BY state", itemArguments) {
            if let state = ItemRecord.State(rawValue: try row.string("state")) { itemsByState[state] = try row.int("n") }
        }
        var pagesByState: [PageRecord.State: Int] = [:]
        for row in try statements.fetch("SELECT state, COUNT(*) AS n FROM pages WHERE \(pagesInScope) GROUP BY state", pageArguments) {
            if let state = PageRecord.State(rawValue: try row.string("state")) { pagesByState[state] = try row.int("n") }
        }
        var pagesByStage: [PipelineStage: [PageStageRecord.State: Int]] = [:]
        let stageRows = try statements.fetch(
            """
            SELECT stage, state, COUNT(*) AS n FROM page_stages
            WHERE pageID IN (SELECT id FROM pages WHERE \(pagesInScope))
            GROUP BY stage, state
            """, pageArguments)
        for row in stageRows {
            if let stage = PipelineStage(rawValue: try row.string("stage")),
                let state = PageStageRecord.State(rawValue: try row.string("state"))
            {
                pagesByStage[stage, default: [:]][state] = try row.int("n")
            }
        }
        let pages = try statements.fetchOne(
            """
            SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN isBlank THEN 1 ELSE 0 END), 0) AS blank, AVG(meanConfidence) AS confidence
            FROM pages WHERE \(pagesInScope)
            """, pageArguments)
        let failureCount = try statements.fetchOne("SELECT COUNT(*) AS n FROM failures WHERE \(itemsPages)", pageArguments)
        return CatalogStatus(
            recentBatches: batches,
            itemCount: itemsByState.values.reduce(0, +),
            itemsByState: itemsByState,
            pageCount: try pages?.int("n") ?? 0,
            pagesByState: pagesByState,
            pagesByStage: pagesByStage,
            blankPageCount: try pages?.int("blank") ?? 0,
            meanConfidence: try pages?.optionalDouble("confidence"),
            failureCount: try failureCount?.int("n") ?? 0,
            recentFailures: failures)
    }
}
