/// A column of a catalog table as PostgreSQL has it: how a copy reads and writes its values as text.
struct CatalogTableColumn: Sendable, Equatable {
    /// The column's name (lower case on PostgreSQL; SQLite compares names without case).
    var name: String
    /// Its PostgreSQL type, as `format_type` writes it (`bigint`, `timestamp(3) without time zone`, …).
    var type: String

    /// What a value of this column is in SQLite.
    enum SQLiteKind {
        case integer, real, boolean, text
    }

    /// What a value of this column is in SQLite.
    var sqliteKind: SQLiteKind {
        switch type {
        case "bigint", "integer", "smallint": .integer
        case "double precision", "real": .real
        case "boolean": .boolean
        default: .text
        }
    }

    /// An expression reading the column as the text SQLite holds: timestamps in GRDB's format
    /// (`2026-12-06 17:57:43.123`, UTC), booleans as 0 or 1, everything else as PostgreSQL writes it
    /// (floating point numbers in their shortest exact form).
    var selectExpression: String {
        if type.hasPrefix("timestamp") && !type.contains("with time zone") {
            return "to_char(\(name), 'YYYY-MM-DD HH24:MI:SS.MS')"
        }
        if type == "boolean" {
            return "\(name)::int::text"
        }
        return "\(name)::text"
    }
}
