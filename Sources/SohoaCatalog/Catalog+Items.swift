import Foundation

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
