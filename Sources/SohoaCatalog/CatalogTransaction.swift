import Foundation
import GRDB

/// The catalog inside one transaction, given to `Catalog.write(_:)`: several writes made through it
/// are kept together or not at all. Do not keep it after the closure returns.
///
/// The same on both backends: ported queries go through `statements` (`CatalogStatements`); the
/// others still use GRDB's `db`, which a catalog on PostgreSQL refuses with `.notOnThisBackend`.
public struct CatalogTransaction {
    /// GRDB's connection on the SQLite catalog; nil on another backend.
    private let sqlite: Database?
    /// The backend-neutral statements: SQLite's or PostgreSQL's.
    public let statements: any CatalogStatements
    /// The catalog file, for errors.
    public let file: URL

    /// The SQLite catalog's transaction.
    init(db: Database, file: URL) {
        sqlite = db
        statements = SQLiteCatalogStatements(db: db, file: file)
        self.file = file
    }

    /// A transaction on another backend.
    init(statements: any CatalogStatements, file: URL) {
        sqlite = nil
        self.statements = statements
        self.file = file
    }

    /// Which engine the transaction runs on.
    public var dialect: CatalogDialect { statements.dialect }

    /// GRDB's connection, for queries not yet ported to `statements`.
    ///
    /// - Throws: `CatalogError` (`.notOnThisBackend`) on a catalog on PostgreSQL.
    var db: Database {
        get throws(CatalogError) {
            guard let sqlite else { throw CatalogError.notOnThisBackend("a query not yet ported", file: file) }
            return sqlite
        }
    }

    /// Runs a GRDB operation, turning its errors into `CatalogError`; on a catalog on PostgreSQL it
    /// throws `.notOnThisBackend` naming `function` (the query not yet ported) without running it.
    func run<T>(function: String = #function, _ body: () throws -> T) throws(CatalogError) -> T {
        guard sqlite != nil else { throw CatalogError.notOnThisBackend(function, file: file) }
        do {
            return try body()
        } catch {
            throw CatalogError(error, file: file)
        }
    }
}
