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
}
