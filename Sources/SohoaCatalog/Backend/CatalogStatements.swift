import Foundation

/// The statements a catalog query needs from a backend, inside one transaction: the seam between
/// the catalog's queries and the database engine (SQLite through GRDB, or PostgreSQL in
/// `SohoaPostgres`). SQL is written once in the dialect both engines share (`?` placeholders,
/// unquoted names, `CASE` instead of summing comparisons, `1 = 1` instead of `1`); where they really
/// differ, `dialect` gives the fragment.
public protocol CatalogStatements {
    /// Which engine runs the statements, for the fragments that differ.
    var dialect: CatalogDialect { get }

    /// Runs `sql` with `arguments` bound to its `?`s in order, and returns its rows.
    func fetch(_ sql: String, _ arguments: [CatalogValue]) throws(CatalogError) -> [CatalogRow]

    /// Runs `sql` with `arguments` bound to its `?`s in order; returns how many rows it changed.
    @discardableResult
    func execute(_ sql: String, _ arguments: [CatalogValue]) throws(CatalogError) -> Int

    /// Runs the `INSERT` statement `sql` and returns the new row's `id`.
    func insertReturningID(_ sql: String, _ arguments: [CatalogValue]) throws(CatalogError) -> Int64
}

extension CatalogStatements {
    /// The first row of `sql`'s answer, or nil when it has none.
    public func fetchOne(_ sql: String, _ arguments: [CatalogValue] = []) throws(CatalogError) -> CatalogRow? {
        try fetch(sql, arguments).first
    }
}
