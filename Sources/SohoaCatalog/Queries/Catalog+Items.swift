import Foundation
import GRDB

extension Catalog {
    /// Stores an item, replacing what was stored under its id (its pages stay); returns it as stored.
    @discardableResult
    public func upsertItem(_ item: ItemRecord, at date: Date = Date()) throws(CatalogError) -> ItemRecord {
        try write { tx throws(CatalogError) in try tx.upsertItem(item, at: date) }
    }

    /// The item with this id.
    public func item(id: String) throws(CatalogError) -> ItemRecord? {
        try read { tx throws(CatalogError) in try tx.item(id: id) }
    }

    /// All items, or those in one state, by id.
    public func items(state: ItemRecord.State? = nil) throws(CatalogError) -> [ItemRecord] {
        try read { tx throws(CatalogError) in try tx.items(state: state) }
    }

    /// Records that the item's OCFL object version `version` (e.g. `v1`) is written at `objectPath`.
    public func markItemPackaged(
        id: String, version: String, objectPath: String, at date: Date = Date()
    ) throws(CatalogError) {
        try write { tx throws(CatalogError) in
            try tx.markItemPackaged(id: id, version: version, objectPath: objectPath, at: date)
        }
    }

    /// Records that packaging the item failed, and why.
    public func markItemFailed(id: String, reason: String, at date: Date = Date()) throws(CatalogError) {
        try write { tx throws(CatalogError) in try tx.markItemFailed(id: id, reason: reason, at: date) }
    }
}

extension CatalogTransaction {
    /// Stores an item, replacing what was stored under its id (its pages stay); returns it as stored.
    /// `objectID` is derived again from `libraryCode` and `id`; `createdAt` of a known item is kept.
    @discardableResult
    public func upsertItem(_ item: ItemRecord, at date: Date = Date()) throws(CatalogError) -> ItemRecord {
        var item = item
        item.objectID = ItemRecord.objectID(libraryCode: item.libraryCode, itemID: item.id)
        item.updatedAt = date
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        if let existing = try statements.fetchOne("SELECT createdAt FROM items WHERE id = ?", [.text(item.id)]) {
            item.createdAt = try existing.date("createdAt")
            try updateRecord(item, in: "items", key: ["id"])
        } else {
            item.createdAt = date
            try insertRecord(item, into: "items")
        }
        // Read back, so that the caller gets the values as stored (dates to the millisecond).
        return try self.item(id: item.id) ?? item
    }

    /// The item with this id.
    public func item(id: String) throws(CatalogError) -> ItemRecord? {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try statements.fetchOne("SELECT * FROM items WHERE id = ?", [.text(id)])?.decode(ItemRecord.self)
    }

    /// All items, or those in one state, by id.
    public func items(state: ItemRecord.State? = nil) throws(CatalogError) -> [ItemRecord] {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        let rows =
            if let state {
                try statements.fetch("SELECT * FROM items WHERE state = ? ORDER BY id", [.text(state.rawValue)])
            } else {
                try statements.fetch("SELECT * FROM items ORDER BY id", [])
            }
        var items: [ItemRecord] = []
        for row in rows { items.append(try row.decode(ItemRecord.self)) }
        return items
    }

    /// Records that the item's OCFL object version `version` (e.g. `v1`) is written at `objectPath`;
    /// `pageCount`, when given, is the number of pages the version holds (a split spread's two halves
    /// count two; the planned count, of scans, stays otherwise).
    public func markItemPackaged(
        id: String, version: String, objectPath: String, pageCount: Int? = nil, at date: Date = Date()
    ) throws(CatalogError) {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        let changed = try statements.execute(
            """
            UPDATE items SET state = 'packaged', ocflVersion = ?, objectPath = ?, packagedAt = ?,
                failureReason = NULL, updatedAt = ?, pageCount = COALESCE(?, pageCount)
            WHERE id = ?
            """, [.text(version), .text(objectPath), .date(date), .date(date), pageCount.map { .integer(Int64($0)) } ?? .null, .text(id)])
        if changed == 0 { throw .notFound("item '\(id)'", file: file) }
    }

    /// Records that packaging the item failed, and why.
    public func markItemFailed(id: String, reason: String, at date: Date = Date()) throws(CatalogError) {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        let changed = try statements.execute(
            "UPDATE items SET state = 'failed', failureReason = ?, updatedAt = ? WHERE id = ?", [.text(reason), .date(date), .text(id)])
        if changed == 0 { throw .notFound("item '\(id)'", file: file) }
    }
}
