import Foundation

extension Catalog {
    /// The items of a library that IIIF may list: packaged, not withdrawn, at one of the `access`
    /// levels; by id.
    public func iiifCollectionItems(libraryCode: String, access: Set<AccessLevel>) throws(CatalogError) -> [ItemRecord] {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        let levels = access.map(\.rawValue).sorted()
        guard !levels.isEmpty else { return [] }
        return try read { tx throws(CatalogError) in
            let rows = try tx.statements.fetch(
                """
                SELECT * FROM items
                WHERE libraryCode = ? AND state = 'packaged' AND withdrawnAt IS NULL
                    AND access IN (\(levels.map { _ in "?" }.joined(separator: ",")))
                ORDER BY id
                """,
                [.text(libraryCode)] + levels.map { .text($0) })
            var items: [ItemRecord] = []
            for row in rows { items.append(try row.decode(ItemRecord.self)) }
            return items
        }
    }
}
