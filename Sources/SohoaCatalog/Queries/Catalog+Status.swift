import GRDB

extension Catalog {
    /// The catalog's state for `sohoa status`.
    public func status(recentBatches: Int = 5, recentFailures: Int = 10) throws(CatalogError) -> CatalogStatus {
        try read { tx throws(CatalogError) in
            var status = try tx.status(recentBatches: recentBatches, recentFailures: recentFailures)
            status.lastAudit = try tx.audits(limit: 1).first
            status.rescanRequests = try tx.rescanRequests()
            status.suspectPages = try tx.suspectPages(limit: 20)
            status.suspectPageCount = try tx.suspectPageCount()
            return status
        }
    }
}

extension CatalogTransaction {
    /// The catalog's state for `sohoa status`.
    public func status(recentBatches: Int = 5, recentFailures: Int = 10) throws(CatalogError) -> CatalogStatus {
        let batches = try batches(limit: recentBatches)
        let failures = try failures(limit: recentFailures)
        return try run {
            var itemsByState: [ItemRecord.State: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM items GROUP BY state") {
                if let state = ItemRecord.State(rawValue: row["state"]) { itemsByState[state] = row["n"] }
            }
            var pagesByState: [PageRecord.State: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM pages GROUP BY state") {
                if let state = PageRecord.State(rawValue: row["state"]) { pagesByState[state] = row["n"] }
            }
            var pagesByStage: [PipelineStage: [PageStageRecord.State: Int]] = [:]
            let stageRows = try Row.fetchAll(
                db, sql: "SELECT stage, state, COUNT(*) AS n FROM page_stages GROUP BY stage, state")
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
                    FROM pages
                    """)
            return CatalogStatus(
                recentBatches: batches,
                itemCount: itemsByState.values.reduce(0, +),
                itemsByState: itemsByState,
                pageCount: pages?["n"] ?? 0,
                pagesByState: pagesByState,
                pagesByStage: pagesByStage,
                blankPageCount: pages?["blank"] ?? 0,
                meanConfidence: pages?["confidence"],
                failureCount: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM failures") ?? 0,
                recentFailures: failures)
        }
    }
}
