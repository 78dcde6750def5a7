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
