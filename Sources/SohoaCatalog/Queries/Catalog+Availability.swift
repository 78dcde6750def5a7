import Foundation
import GRDB

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
        try run {
            guard let item = try ItemRecord.fetchOne(db, key: id) else { return nil }
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT i.access, i.withdrawnAt, COALESCE(h.collectionType, i.type) AS collectionType
                        FROM items i LEFT JOIN holdings h ON h.id = i.holdingID WHERE i.id = ?
                        """,
                    arguments: [id])
            else { return nil }
            let accessText: String = row["access"]
            let withdrawnAt: Date? = row["withdrawnAt"]
            let collectionType: String? = row["collectionType"]
            // An access level this sohoa does not know is treated as closed.
            return ItemAvailability(
                item: item, access: AccessLevel(rawValue: accessText) ?? .closed, withdrawnAt: withdrawnAt,
                collectionType: collectionType)
        }
    }

    /// The servable items at the `access` levels, counted by library, collection type and language.
    public func collectionOverview(access: Set<AccessLevel>) throws(CatalogError) -> CollectionOverview {
        try collectionOverview(access: access, cache: nil)
    }

    /// `collectionOverview(access:)`, from `cache` when it has it (and kept there when not).
    func collectionOverview(access: Set<AccessLevel>, cache: SearchCache?) throws(CatalogError) -> CollectionOverview {
        let generation = try run { try cache?.generation(db) }
        if let cache, let generation, let kept = cache.overview(access, generation: generation) { return kept }
        let conditions = SearchFilters(access: access).itemConditions()
        func counts(_ key: String) throws -> [CollectionOverview.Count] {
            try Row.fetchAll(
                db,
                sql: """
                    SELECT COALESCE(\(key), '') AS key, COUNT(*) AS items, COALESCE(SUM(i.pageCount), 0) AS pages
                    FROM items i LEFT JOIN holdings h ON h.id = i.holdingID
                    WHERE \(conditions.sql)
                    GROUP BY 1 ORDER BY 2 DESC, 1
                    """,
                arguments: StatementArguments(conditions.arguments)
            ).map { CollectionOverview.Count(key: $0["key"], items: $0["items"], pages: $0["pages"]) }
        }
        let overview = try run {
            CollectionOverview(
                libraries: try counts("i.libraryCode"), types: try counts("COALESCE(h.collectionType, i.type)"),
                languages: try counts("i.language"))
        }
        if let cache, let generation { cache.keep(overview, for: access, generation: generation) }
        return overview
    }
}
