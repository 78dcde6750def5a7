extension Catalog {
    /// Suspect pages (issue 11), those still waiting for review first, then by item and page order.
    public func suspectPages(limit: Int = 100) throws(CatalogError) -> [SuspectPageRecord] {
        try read { tx throws(CatalogError) in try tx.suspectPages(limit: limit) }
    }
}
