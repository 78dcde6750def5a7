extension Catalog {
    /// The item with its access level and withdrawal, or `nil` when the catalog has no such item.
    public func itemAvailability(id: String) throws(CatalogError) -> ItemAvailability? {
        try read { tx throws(CatalogError) in try tx.itemAvailability(id: id) }
    }

    /// The servable items at the `access` levels, counted by library, collection type and language.
    public func collectionOverview(access: Set<AccessLevel>) throws(CatalogError) -> CollectionOverview {
        try read { tx throws(CatalogError) in try tx.collectionOverview(access: access, cache: searchCache) }
    }
}
