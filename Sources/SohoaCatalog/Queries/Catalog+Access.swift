import Foundation

extension Catalog {
    /// Sets who may see the item (`items.access`); `notFound` when the catalog has no such item.
    /// A change is recorded as the item's access change (OAI-PMH datestamp) unless `recordingChange`
    /// is false (the level an item is archived with).
    public func setAccess(
        itemID: String, _ access: AccessLevel, at date: Date = Date(), recordingChange: Bool = true
    ) throws(CatalogError) {
        try write { tx throws(CatalogError) in try tx.setAccess(itemID: itemID, access, at: date, recordingChange: recordingChange) }
    }

    /// Who may see the item, or `nil` when the catalog has no such item.
    public func access(itemID: String) throws(CatalogError) -> AccessLevel? {
        try read { tx throws(CatalogError) in try tx.access(itemID: itemID) }
    }
}

extension CatalogTransaction {
    /// Sets who may see the item; `notFound` when the catalog has no such item. When the level
    /// really changes and `recordingChange` is true, `accessChangedAt` records the moment (harvesters
    /// then get a `deleted` record for an item they may no longer see).
    public func setAccess(
        itemID: String, _ access: AccessLevel, at date: Date = Date(), recordingChange: Bool = true
    ) throws(CatalogError) {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        let changed = try statements.execute(
            """
            UPDATE items SET
                accessChangedAt = CASE WHEN ? AND access <> ? THEN ? ELSE accessChangedAt END,
                access = ?, updatedAt = ?
            WHERE id = ?
            """,
            [
                .bool(recordingChange), .text(access.rawValue), .date(date), .text(access.rawValue), .date(date),
                .text(itemID),
            ])
        if changed == 0 { throw .notFound("item '\(itemID)'", file: file) }
    }

    /// Who may see the item, or `nil` when the catalog has no such item.
    public func access(itemID: String) throws(CatalogError) -> AccessLevel? {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try statements.fetchOne("SELECT access FROM items WHERE id = ?", [.text(itemID)]).map { row throws(CatalogError) in
            try row.string("access")
        }.flatMap(AccessLevel.init(rawValue:))
    }
}
