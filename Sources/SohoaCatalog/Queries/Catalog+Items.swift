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
        let stored = item
        return try run {
            var item = stored
            if let existing = try ItemRecord.fetchOne(db, key: item.id) {
                item.createdAt = existing.createdAt
                try item.update(db)
            } else {
                item.createdAt = date
                try item.insert(db)
            }
            // Read back, so that the caller gets the values as stored (dates to the millisecond).
            return try ItemRecord.fetchOne(db, key: item.id) ?? item
        }
    }

    /// The item with this id.
    public func item(id: String) throws(CatalogError) -> ItemRecord? {
        try run { try ItemRecord.fetchOne(db, key: id) }
    }

    /// All items, or those in one state, by id.
    public func items(state: ItemRecord.State? = nil) throws(CatalogError) -> [ItemRecord] {
        try run {
            if let state {
                return try ItemRecord.fetchAll(
                    db, sql: "SELECT * FROM items WHERE state = ? ORDER BY id", arguments: [state.rawValue])
            }
            return try ItemRecord.fetchAll(db, sql: "SELECT * FROM items ORDER BY id")
        }
    }

    /// Records that the item's OCFL object version `version` (e.g. `v1`) is written at `objectPath`.
    public func markItemPackaged(
        id: String, version: String, objectPath: String, at date: Date = Date()
    ) throws(CatalogError) {
        try run {
            try db.execute(
                sql: """
                    UPDATE items SET state = 'packaged', ocflVersion = ?, objectPath = ?, packagedAt = ?,
                        failureReason = NULL, updatedAt = ?
                    WHERE id = ?
                    """,
                arguments: [version, objectPath, date, date, id])
        }
        if try db.changesCount == 0 { throw .notFound("item '\(id)'", file: file) }
    }

    /// Records that packaging the item failed, and why.
    public func markItemFailed(id: String, reason: String, at date: Date = Date()) throws(CatalogError) {
        try run {
            try db.execute(
                sql: "UPDATE items SET state = 'failed', failureReason = ?, updatedAt = ? WHERE id = ?",
                arguments: [reason, date, id])
        }
        if try db.changesCount == 0 { throw .notFound("item '\(id)'", file: file) }
    }
}
