import Foundation

extension Catalog {
    /// Runs several progress queries on one read-only snapshot, so that they agree with each other.
    public func progressSnapshot<T>(_ body: (CatalogTransaction) throws(CatalogError) -> T) throws(CatalogError) -> T {
        try read(body)
    }
}
