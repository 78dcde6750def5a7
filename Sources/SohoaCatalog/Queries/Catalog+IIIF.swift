import Foundation
import GRDB

extension Catalog {
    /// The items of a library that IIIF may list: packaged, not withdrawn, at one of the `access`
    /// levels; by id.
    public func iiifCollectionItems(libraryCode: String, access: Set<AccessLevel>) throws(CatalogError) -> [ItemRecord] {
        let levels = access.map(\.rawValue).sorted()
        guard !levels.isEmpty else { return [] }
        return try read { tx throws(CatalogError) in
            try tx.run {
                try ItemRecord.fetchAll(
                    tx.db,
                    sql: """
                        SELECT * FROM items
                        WHERE libraryCode = ? AND state = 'packaged' AND withdrawnAt IS NULL
                            AND access IN (\(levels.map { _ in "?" }.joined(separator: ",")))
                        ORDER BY id
                        """,
                    arguments: StatementArguments([libraryCode] + levels))
            }
        }
    }
}
