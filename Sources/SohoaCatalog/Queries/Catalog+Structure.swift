import Foundation

extension Catalog {
    /// The item's page labels and table of contents as JSON (`ItemStructure`), or `nil` when it has none.
    public func structureJSON(itemID: String) throws(CatalogError) -> String? {
        try read { tx throws(CatalogError) in try tx.structureJSON(itemID: itemID) }
    }

    /// The structures of those of `itemIDs` that have one (item id → JSON), in one read: a page of
    /// search results asks once, not once per item.
    public func structureJSONs(itemIDs: Set<String>) throws(CatalogError) -> [String: String] {
        guard !itemIDs.isEmpty else { return [:] }
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        return try read { tx throws(CatalogError) in
            let ids = itemIDs.sorted()
            let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
            var found: [String: String] = [:]
            for row in try tx.statements.fetch(
                "SELECT itemID, structureJSON FROM item_structures WHERE itemID IN (\(marks))", ids.map { .text($0) })
            {
                found[try row.string("itemID")] = try row.string("structureJSON")
            }
            return found
        }
    }
}

extension CatalogTransaction {
    /// Stores the item's page labels and table of contents (`nil` removes them); `notFound` when the
    /// catalog has no such item.
    public func setStructureJSON(itemID: String, _ json: String?, at date: Date = Date()) throws(CatalogError) {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        guard try statements.fetchOne("SELECT 1 AS found FROM items WHERE id = ?", [.text(itemID)]) != nil else {
            throw .notFound("item '\(itemID)'", file: file)
        }
        if let json {
            try statements.execute(
                """
                INSERT INTO item_structures (itemID, structureJSON, updatedAt) VALUES (?, ?, ?)
                ON CONFLICT(itemID) DO UPDATE SET structureJSON = excluded.structureJSON, updatedAt = excluded.updatedAt
                """, [.text(itemID), .text(json), .date(date)])
        } else {
            try statements.execute("DELETE FROM item_structures WHERE itemID = ?", [.text(itemID)])
        }
    }

    /// The item's page labels and table of contents as JSON, or `nil` when it has none.
    public func structureJSON(itemID: String) throws(CatalogError) -> String? {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try statements.fetchOne("SELECT structureJSON FROM item_structures WHERE itemID = ?", [.text(itemID)])?.string("structureJSON")
    }
}
