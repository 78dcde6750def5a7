import Foundation

/// An error from the catalog on PostgreSQL: what went wrong, in plain words (Vietnamese first), and
/// what to do about it. The address in messages never shows the password.
public struct PostgresCatalogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, broadly; `message` says it in words.
    public enum Kind: String, Sendable, Equatable, Codable {
        /// `--catalog` / `SOHOA_CATALOG` is not a PostgreSQL address sohoa can use.
        case badAddress
        /// No PostgreSQL server answers at the address (down, wrong host or port, firewall).
        case unreachable
        /// The encrypted (TLS) connection failed: the server offers no TLS that `sslmode` requires, or its
        /// certificate is not trusted (`verify-ca`, `verify-full`).
        case tlsFailed
        /// The server refused the user name or password.
        case authenticationFailed
        /// The server has no database of that name.
        case noSuchDatabase
        /// The database holds tables that are not a sohoa catalog's.
        case notACatalog
        /// The catalog was migrated by a newer sohoa; this one does not know its schema.
        case newerThanThisSohoa
        /// A write broke a schema constraint (missing item, duplicate key, value out of range).
        case constraintViolated
        /// A write waited longer than the lock timeout for another writer (another process, or a
        /// client that stopped inside its transaction), as SQLite's busy timeout.
        case locked
        /// A copy's destination already holds a catalog, and `--replace` was not given.
        case destinationNotEmpty
        /// The two catalogs of a copy do not have the same tables or schema changes.
        case schemaMismatch
        /// A copy ended with different row counts on the two sides.
        case countMismatch
        /// Any other failure of the server or the connection.
        case failed
    }

    /// What went wrong, broadly.
    public var kind: Kind
    /// What is wrong and what to do about it: Vietnamese, then English after " / ".
    public var message: String
    /// The SQL statement that failed, when there is one.
    public var sql: String?
    /// PostgreSQL's SQLSTATE code, when the server reported the error.
    public var sqlState: String?

    /// Makes an error; `message` should say what to do next.
    public init(kind: Kind, message: String, sql: String? = nil, sqlState: String? = nil) {
        self.kind = kind
        self.message = message
        self.sql = sql
        self.sqlState = sqlState
    }

    public var description: String {
        var text = message
        if let sqlState { text += " [SQLSTATE \(sqlState)]" }
        if let sql { text += " [SQL: \(sql)]" }
        return text
    }
}
