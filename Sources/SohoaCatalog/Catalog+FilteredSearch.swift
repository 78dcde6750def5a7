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
