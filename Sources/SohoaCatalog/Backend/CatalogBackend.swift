import Foundation

/// A catalog engine other than the built-in SQLite one, injected with `Catalog(backend:)`: today
/// PostgreSQL (`PostgresCatalogBackend` in `SohoaPostgres`). It gives transactions of
/// `CatalogStatements`; the catalog's ported queries run on them unchanged.
public protocol CatalogBackend: Sendable {
    /// Where the catalog is, for messages (a `postgresql://` address without its password).
    var location: URL { get }

    /// Runs `body` in one write transaction: all of its statements are kept, or none if it throws.
    func write<T>(_ body: (any CatalogStatements) throws(CatalogError) -> T) throws(CatalogError) -> T

    /// Runs `body` in one read-only transaction that sees one snapshot of the catalog.
    func read<T>(_ body: (any CatalogStatements) throws(CatalogError) -> T) throws(CatalogError) -> T
}
