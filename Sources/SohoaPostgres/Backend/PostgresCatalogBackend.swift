import Foundation
import PostgresNIO
import SohoaCatalog

/// The catalog on PostgreSQL as a `CatalogBackend`: `Catalog(backend:)` over one connection, its
/// schema brought up to date by `PostgresCatalogSchema.migrate` when opened. Transactions run one at
/// a time on the connection (its lock); reads see one snapshot (`REPEATABLE READ, READ ONLY`).
/// The session's time zone is UTC, so dates bound as `timestamptz` compare with the catalog's
/// `TIMESTAMP(3)` columns (UTC) as SQLite's text dates do.
public final class PostgresCatalogBackend: CatalogBackend {
    /// The connection the catalog's statements run on.
    public let connection: PostgresCatalogConnection
    public let location: URL

    /// Connects to the catalog at `address` and brings its schema up to date; with `creating` false
    /// (the commands that only read it), an empty database is refused instead of made a catalog.
    ///
    /// - Throws: `PostgresCatalogError`: the connection's errors, `.notACatalog`, `.newerThanThisSohoa`.
    @available(*, noasync, message: "blocks the calling thread: call it from a thread of your own, not from async code")
    public init(_ address: PostgresCatalogAddress, creating: Bool = true) throws(PostgresCatalogError) {
        let connection = try PostgresCatalogConnection(address)
        do throws(PostgresCatalogError) {
            let isCatalog = { () throws(PostgresCatalogError) -> Bool in
                let rows = try connection.query("SELECT to_regclass('grdb_migrations') IS NOT NULL")
                return (try? rows.first?.decode(Bool.self)) == true
            }
            if !creating, try !isCatalog() {
                throw PostgresCatalogError(
                    kind: .notACatalog,
                    message: "cơ sở dữ liệu \(address) chưa có danh mục sohoa: chép một danh mục vào bằng `sohoa catalog copy "
                        + "--from … --to \(address)`, hoặc kiểm tra tên cơ sở dữ liệu / the database at \(address) holds no "
                        + "sohoa catalog: copy one into it with `sohoa catalog copy --from … --to \(address)`, or check the "
                        + "database's name")
            }
            try PostgresCatalogSchema.migrate(connection)
            try connection.query("SET TIME ZONE 'UTC'")
        } catch {
            connection.close()
            throw error
        }
        self.connection = connection
        location = URL(string: address.description) ?? URL(fileURLWithPath: address.database)
    }

    deinit {
        // Closed and waited for: PostgresNIO wants its connections closed before they go away.
        connection.close()
    }

    /// The catalog at `address`, opened on PostgreSQL (see `init(_:)`).
    @available(*, noasync, message: "blocks the calling thread: call it from a thread of your own, not from async code")
    public static func catalog(_ address: PostgresCatalogAddress) throws(PostgresCatalogError) -> Catalog {
        Catalog(backend: try PostgresCatalogBackend(address))
    }

    public func write<T>(_ body: (any CatalogStatements) throws(CatalogError) -> T) throws(CatalogError) -> T {
        try transaction(readOnly: false, body)
    }

    public func read<T>(_ body: (any CatalogStatements) throws(CatalogError) -> T) throws(CatalogError) -> T {
        try transaction(readOnly: true, body)
    }

    /// Runs `body` in one transaction; rolls it back when `body` throws, and throws `body`'s error.
    private func transaction<T>(
        readOnly: Bool, _ body: (any CatalogStatements) throws(CatalogError) -> T
    ) throws(CatalogError) -> T {
        let location = self.location
        var bodyError: CatalogError?
        do throws(PostgresCatalogError) {
            return try connection.transaction { tx throws(PostgresCatalogError) -> T in
                if readOnly { try tx.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY") }
                do throws(CatalogError) {
                    return try body(PostgresCatalogStatements(transaction: tx, location: location))
                } catch {
                    bodyError = error
                    throw PostgresCatalogError(kind: .failed, message: error.message)
                }
            }
        } catch {
            if let bodyError { throw bodyError }
            throw PostgresCatalogStatements.catalogError(error, location: location)
        }
    }
}
