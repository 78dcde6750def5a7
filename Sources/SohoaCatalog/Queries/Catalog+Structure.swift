import Foundation
import GRDB

extension Catalog {
    /// The item's page labels and table of contents as JSON (`ItemStructure`), or `nil` when it has none.
    public func structureJSON(itemID: String) throws(CatalogError) -> String? {
        try read { tx throws(CatalogError) in try tx.structureJSON(itemID: itemID) }
    }

    /// The structures of those of `itemIDs` that have one (item id → JSON), in one read: a page of
    /// search results asks once, not once per item.
    public func structureJSONs(itemIDs: Set<String>) throws(CatalogError) -> [String: String] {
        guard !itemIDs.isEmpty else { return [:] }
        return try read { tx throws(CatalogError) in
            try tx.run {
                let ids = Array(itemIDs)
                let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
                let rows = try Row.fetchAll(
                    tx.db, sql: "SELECT itemID, structureJSON FROM item_structures WHERE itemID IN (\(marks))",
                    arguments: StatementArguments(ids))
                var found: [String: String] = [:]
                for row in rows { found[row["itemID"]] = row["structureJSON"] }
                return found
            }
        }
    }
}

extension CatalogTransaction {
    /// Stores the item's page labels and table of contents (`nil` removes them); `notFound` when the
    /// catalog has no such item.
    public func setStructureJSON(itemID: String, _ json: String?, at date: Date = Date()) throws(CatalogError) {
        try run {
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM items WHERE id = ?", arguments: [itemID]) != nil else { return }
            if let json {
                try db.execute(
                    sql: """
                        INSERT INTO item_structures (itemID, structureJSON, updatedAt) VALUES (?, ?, ?)
                        ON CONFLICT(itemID) DO UPDATE SET structureJSON = excluded.structureJSON, updatedAt = excluded.updatedAt
                        """,
                    arguments: [itemID, json, date])
            } else {
                try db.execute(sql: "DELETE FROM item_structures WHERE itemID = ?", arguments: [itemID])
            }
        }
        if try item(id: itemID) == nil { throw .notFound("item '\(itemID)'", file: file) }
    }

    /// The item's page labels and table of contents as JSON, or `nil` when it has none.
    public func structureJSON(itemID: String) throws(CatalogError) -> String? {
        try run {
            try String.fetchOne(db, sql: "SELECT structureJSON FROM item_structures WHERE itemID = ?", arguments: [itemID])
        }
    }
}
