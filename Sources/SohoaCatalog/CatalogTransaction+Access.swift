import Foundation
import GRDB

extension CatalogTransaction {
    /// Sets who may see the item; `notFound` when the catalog has no such item.
    public func setAccess(itemID: String, _ access: AccessLevel, at date: Date = Date()) throws(CatalogError) {
        try run {
            try db.execute(
                sql: "UPDATE items SET access = ?, updatedAt = ? WHERE id = ?", arguments: [access.rawValue, date, itemID])
        }
        if db.changesCount == 0 { throw .notFound("item '\(itemID)'", file: file) }
    }

    /// Who may see the item, or `nil` when the catalog has no such item.
    public func access(itemID: String) throws(CatalogError) -> AccessLevel? {
        try run {
            try String.fetchOne(db, sql: "SELECT access FROM items WHERE id = ?", arguments: [itemID])
                .flatMap(AccessLevel.init(rawValue:))
        }
    }
}
