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
