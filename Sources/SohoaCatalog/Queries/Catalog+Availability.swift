import Foundation

extension Catalog {
    /// The item with its access level and withdrawal, or `nil` when the catalog has no such item.
    public func itemAvailability(id: String) throws(CatalogError) -> ItemAvailability? {
        try read { tx throws(CatalogError) in try tx.itemAvailability(id: id) }
    }

    /// The servable items at the `access` levels, counted by library, collection type and language.
    public func collectionOverview(access: Set<AccessLevel>) throws(CatalogError) -> CollectionOverview {
        try read { tx throws(CatalogError) in try tx.collectionOverview(access: access, cache: searchCache) }
    }
}

extension CatalogTransaction {
    /// The item with its access level and withdrawal, or `nil` when the catalog has no such item.
    public func itemAvailability(id: String) throws(CatalogError) -> ItemAvailability? {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        guard let item = try item(id: id),
            let row = try statements.fetchOne(
                """
                SELECT i.access, i.withdrawnAt, COALESCE(h.collectionType, i.type) AS collectionType
                FROM items i LEFT JOIN holdings h ON h.id = i.holdingID WHERE i.id = ?
                """, [.text(id)])
        else { return nil }
        // An access level this sohoa does not know is treated as closed.
        return ItemAvailability(
            item: item, access: AccessLevel(rawValue: try row.string("access")) ?? .closed,
            withdrawnAt: try row.optionalDate("withdrawnAt"), collectionType: try row.optionalString("collectionType"))
    }

    /// The servable items at the `access` levels, counted by library, collection type and language.
    public func collectionOverview(access: Set<AccessLevel>) throws(CatalogError) -> CollectionOverview {
        try collectionOverview(access: access, cache: nil)
    }

    /// `collectionOverview(access:)`, from `cache` when it has it (and kept there when not). Ported to
    /// `CatalogStatements`: runs on SQLite and on PostgreSQL; the cache (emptied by `search_version`,
    /// read through GRDB) is used on SQLite only.
    func collectionOverview(access: Set<AccessLevel>, cache: SearchCache?) throws(CatalogError) -> CollectionOverview {
        let filters = SearchFilters(access: access)
        // No level served: no item counts (SQLite's `WHERE 0`, which PostgreSQL refuses).
        guard !filters.servedAccessValues.isEmpty else { return CollectionOverview(libraries: [], types: [], languages: []) }
        let cache = dialect == .sqlite ? cache : nil
        var generation: Int?
        if let cache { generation = try run { try cache.generation(db) } }
        if let cache, let generation, let kept = cache.overview(access, generation: generation) { return kept }
        let conditions = filters.itemConditions()
        func counts(_ key: String) throws(CatalogError) -> [CollectionOverview.Count] {
            let rows = try statements.fetch(
                """
                SELECT COALESCE(\(key), '') AS key, COUNT(*) AS items, COALESCE(SUM(i.pageCount), 0) AS pages
                FROM items i LEFT JOIN holdings h ON h.id = i.holdingID
                WHERE \(conditions.sql)
                GROUP BY 1 ORDER BY 2 DESC, 1
                """, conditions.arguments.map { .text($0) })
            var counts: [CollectionOverview.Count] = []
            for row in rows {
                counts.append(.init(key: try row.string("key"), items: try row.int("items"), pages: try row.int("pages")))
            }
            return counts
        }
        let overview = CollectionOverview(
            libraries: try counts("i.libraryCode"), types: try counts("COALESCE(h.collectionType, i.type)"),
            languages: try counts("i.language"))
        if let cache, let generation { cache.keep(overview, for: access, generation: generation) }
        return overview
    }
}
