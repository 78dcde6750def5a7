import Foundation

extension Catalog {
    /// One page of an OAI list, in (datestamp, id) order, at most `limit` records.
    public func oaiRecords(_ query: OAIListQuery, limit: Int) throws(CatalogError) -> [OAIRecordRow] {
        try read { tx throws(CatalogError) in try tx.oaiRecords(query, limit: limit) }
    }

    /// A page of an OAI list with the list's size and how many records come at or before
    /// `query.after`, read from one snapshot of the catalog.
    public func oaiPage(
        _ query: OAIListQuery, limit: Int
    ) throws(CatalogError) -> (records: [OAIRecordRow], total: Int, before: Int) {
        try read { tx throws(CatalogError) in
            let records = try tx.oaiRecords(query, limit: limit)
            let counts = try tx.oaiCounts(query)
            return (records, counts.total, counts.through)
        }
    }

    /// The item's OAI record, whatever its access level or state.
    public func oaiRecord(itemID: String) throws(CatalogError) -> OAIRecordRow? {
        try read { tx throws(CatalogError) in try tx.oaiRecord(itemID: itemID) }
    }

    /// The earliest datestamp among the records with these access levels, or nil when there are none.
    public func oaiEarliestDatestamp(access: Set<AccessLevel>) throws(CatalogError) -> Date? {
        try read { tx throws(CatalogError) in try tx.oaiEarliestDatestamp(access: access) }
    }

    /// The libraries and types among the records with these access levels.
    public func oaiSetValues(access: Set<AccessLevel>) throws(CatalogError) -> OAISetValues {
        try read { tx throws(CatalogError) in try tx.oaiSetValues(access: access) }
    }

    /// Withdraws an item (see `CatalogTransaction.withdrawItem`); nothing leaves the archive.
    public func withdrawItem(id: String, reason: String, agent: String, at date: Date = Date()) throws(CatalogError) {
        try write { tx throws(CatalogError) in try tx.withdrawItem(id: id, reason: reason, agent: agent, at: date) }
    }

    /// Puts a withdrawn item back; false when it was not withdrawn.
    @discardableResult
    public func restoreItem(id: String, agent: String, at date: Date = Date()) throws(CatalogError) -> Bool {
        try write { tx throws(CatalogError) in try tx.restoreItem(id: id, agent: agent, at: date) }
    }
}
