import Foundation

/// A value bound to, or read from, a catalog statement on either backend (SQLite or PostgreSQL).
/// Dates and booleans are their own cases so that each backend binds them natively: SQLite as
/// GRDB's `YYYY-MM-DD HH:MM:SS.SSS` text and 0/1, PostgreSQL as `TIMESTAMP(3)` (UTC) and `boolean`.
public enum CatalogValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case date(Date)
    case bool(Bool)

    /// `value`, or `.null` when nil.
    public static func integer(_ value: Int?) -> CatalogValue { value.map { .integer(Int64($0)) } ?? .null }
    /// `value`, or `.null` when nil.
    public static func text(_ value: String?) -> CatalogValue { value.map { .text($0) } ?? .null }
    /// `value`, or `.null` when nil.
    public static func date(_ value: Date?) -> CatalogValue { value.map { .date($0) } ?? .null }
}
