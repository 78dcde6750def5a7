import GRDB

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

extension CatalogTransaction {
    /// The catalog's state for `sohoa status`, of the items in `scope`.
    public func status(
        recentBatches: Int = 5, recentFailures: Int = 10, scope: AccessScope = .everything
    ) throws(CatalogError) -> CatalogStatus {
        let batches = try batches(limit: recentBatches, scope: scope)
        let failures = try failures(limit: recentFailures, scope: scope)
        let (items, itemArguments) = scope.sql(column: "libraryCode")
        let (pagesInScope, pageArguments) = scope.itemSQL(column: "itemID")
        let (failuresInScope, failureArguments) = scope.itemSQL(column: "itemID")
        return try run {
            var itemsByState: [ItemRecord.State: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT state, COUNT(*) AS n FROM items WHERE \(items) GROUP BY state", arguments: itemArguments)
            {
                if let state = ItemRecord.State(rawValue: row["state"]) { itemsByState[state] = row["n"] }
            }
            var pagesByState: [PageRecord.State: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT state, COUNT(*) AS n FROM pages WHERE \(pagesInScope) GROUP BY state", arguments: pageArguments)
            {
                if let state = PageRecord.State(rawValue: row["state"]) { pagesByState[state] = row["n"] }
            }
            var pagesByStage: [PipelineStage: [PageStageRecord.State: Int]] = [:]
            let stageRows = try Row.fetchAll(
                db,
                sql: """
                    SELECT stage, state, COUNT(*) AS n FROM page_stages
                    WHERE \(scope.isEverything ? "1" : "pageID IN (SELECT id FROM pages WHERE \(pagesInScope))")
                    GROUP BY stage, state
                    """, arguments: pageArguments)
            for row in stageRows {
                if let stage = PipelineStage(rawValue: row["stage"]),
                    let state = PageStageRecord.State(rawValue: row["state"])
                {
                    pagesByStage[stage, default: [:]][state] = row["n"]
                }
            }
            let pages = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) AS n, COALESCE(SUM(isBlank), 0) AS blank, AVG(meanConfidence) AS confidence
                    FROM pages WHERE \(pagesInScope)
                    """, arguments: pageArguments)
            return CatalogStatus(
                recentBatches: batches,
                itemCount: itemsByState.values.reduce(0, +),
                itemsByState: itemsByState,
                pageCount: pages?["n"] ?? 0,
                pagesByState: pagesByState,
                pagesByStage: pagesByStage,
                blankPageCount: pages?["blank"] ?? 0,
                meanConfidence: pages?["confidence"],
                failureCount: try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM failures WHERE \(failuresInScope)", arguments: failureArguments) ?? 0,
                recentFailures: failures)
        }
    }
}
