import Foundation

extension Catalog {
    /// Stores holdings in one transaction (all or none), updating known ids in place; returns what
    /// happened to each, in order.
    public func importHoldings(_ holdings: [HoldingRecord], at date: Date = Date()) throws(CatalogError) -> [HoldingChange] {
        try write { tx throws(CatalogError) in
            var changes: [HoldingChange] = []
            changes.reserveCapacity(holdings.count)
            for holding in holdings { changes.append(try tx.importHolding(holding, at: date)) }
            return changes
        }
    }

    /// The holding with this id.
    public func holding(id: String) throws(CatalogError) -> HoldingRecord? {
        try read { tx throws(CatalogError) in try tx.holding(id: id) }
    }

    /// The number of holdings in the register.
    public func holdingCount() throws(CatalogError) -> Int {
        try read { tx throws(CatalogError) in try tx.holdingCount() }
    }

    /// Links between items and the register that need correcting.
    public func holdingsCheck(limit: Int = 200) throws(CatalogError) -> HoldingsCheck {
        try read { tx throws(CatalogError) in try tx.holdingsCheck(limit: limit) }
    }

    /// How many archived items (a version written), not withdrawn, at the `access` levels name the
    /// holding `holdingID`: volumes or duplicates of one register record give more than one. An
    /// item whose re-run failed still counts, so a MARC `001` does not change with a run's outcome.
    public func archivedItemCount(holdingID: String, access: Set<AccessLevel>) throws(CatalogError) -> Int {
        try read { tx throws(CatalogError) in try tx.archivedItemCount(holdingID: holdingID, access: access) }
    }
}

extension CatalogTransaction {
    /// Stores a holding by its id, updating it in place when it is known; says what changed.
    @discardableResult
    public func importHolding(_ holding: HoldingRecord, at date: Date = Date()) throws(CatalogError) -> HoldingChange {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        var holding = holding
        if let existing = try self.holding(id: holding.id) {
            if existing.hasSameContent(as: holding) { return .unchanged }
            holding.importedAt = existing.importedAt
            holding.updatedAt = date
            try updateRecord(holding, in: "holdings", key: ["id"])
            return .changed
        }
        holding.importedAt = date
        holding.updatedAt = date
        try insertRecord(holding, into: "holdings")
        return .added
    }

    /// The holding with this id.
    public func holding(id: String) throws(CatalogError) -> HoldingRecord? {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try statements.fetchOne("SELECT * FROM holdings WHERE id = ?", [.text(id)])?.decode(HoldingRecord.self)
    }

    /// The number of holdings in the register.
    public func holdingCount() throws(CatalogError) -> Int {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try statements.fetchOne("SELECT COUNT(*) AS n FROM holdings")?.int("n") ?? 0
    }

    /// How many archived items, not withdrawn, at the `access` levels name the holding `holdingID`.
    public func archivedItemCount(holdingID: String, access: Set<AccessLevel>) throws(CatalogError) -> Int {
        let levels = access.map(\.rawValue).sorted()
        guard !levels.isEmpty else { return 0 }
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        return try statements.fetchOne(
            """
            SELECT COUNT(*) AS n FROM items WHERE holdingID = ? AND ocflVersion IS NOT NULL AND withdrawnAt IS NULL
            AND access IN (\(levels.map { _ in "?" }.joined(separator: ", ")))
            """, ([holdingID] + levels).map { .text($0) })?.int("n") ?? 0
    }

    /// Items whose `holdingID` names no holding in the register, and items with no `holdingID`.
    public func holdingsCheck(limit: Int = 200) throws(CatalogError) -> HoldingsCheck {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        var dangling: [HoldingsCheck.ItemLink] = []
        for row in try statements.fetch(
            """
            SELECT i.id, i.holdingID FROM items i
            WHERE i.holdingID IS NOT NULL AND NOT EXISTS (SELECT 1 FROM holdings h WHERE h.id = i.holdingID)
            ORDER BY i.id LIMIT ?
            """, [.integer(limit)])
        {
            dangling.append(HoldingsCheck.ItemLink(itemID: try row.string("id"), holdingID: try row.string("holdingID")))
        }
        var unlinked: [String] = []
        for row in try statements.fetch("SELECT id FROM items WHERE holdingID IS NULL ORDER BY id LIMIT ?", [.integer(limit)]) {
            unlinked.append(try row.string("id"))
        }
        var shared: [HoldingsCheck.SharedHolding] = []
        for row in try statements.fetch(
            """
            SELECT holdingID, \(statements.dialect.joined("id", separator: " ")) AS ids FROM
                (SELECT holdingID, id FROM items WHERE holdingID IS NOT NULL ORDER BY id) AS linked
            GROUP BY holdingID HAVING COUNT(*) > 1 ORDER BY holdingID LIMIT ?
            """, [.integer(limit)])
        {
            let ids = try row.string("ids")
            shared.append(
                HoldingsCheck.SharedHolding(holdingID: try row.string("holdingID"), itemIDs: ids.split(separator: " ").map(String.init)))
        }
        return HoldingsCheck(
            holdingCount: try holdingCount(), itemCount: try statements.fetchOne("SELECT COUNT(*) AS n FROM items")?.int("n") ?? 0,
            itemsWithUnknownHolding: dangling, itemsWithoutHolding: unlinked, holdingsWithSeveralItems: shared)
    }
}
