import Foundation
import GRDB

/// One row of a catalog statement's answer, on either backend. Columns are found by name without
/// regard to case (PostgreSQL folds unquoted names to lower case: `pageCount` comes back as
/// `pagecount`), and read with typed accessors that throw a `CatalogError` naming the column when the
/// value is missing or of another type.
public struct CatalogRow: Sendable {
    /// The values by lower-cased column name.
    private let values: [String: CatalogValue]
    /// Where the row came from, for errors.
    let file: URL

    /// A row of `columns` (name and value), read from the catalog at `file`.
    public init(_ columns: [(name: String, value: CatalogValue)], file: URL) {
        var values: [String: CatalogValue] = [:]
        for column in columns { values[column.name.lowercased()] = column.value }
        self.values = values
        self.file = file
    }

    /// The value of `column` (`.null` for a NULL).
    ///
    /// - Throws: `CatalogError` (`.databaseFailed`) when the row has no such column.
    public func value(_ column: String) throws(CatalogError) -> CatalogValue {
        guard let value = values[column.lowercased()] else {
            throw mismatch(column, "is not among the columns of the answer")
        }
        return value
    }

    /// `column` as an integer; nil for NULL. A real number with no fraction (PostgreSQL's `numeric`
    /// sums) and a boolean (0 or 1) count as integers.
    public func optionalInt(_ column: String) throws(CatalogError) -> Int? {
        switch try value(column) {
        case .null: return nil
        case .integer(let number): return Int(number)
        case .bool(let flag): return flag ? 1 : 0
        case .real(let number) where number == number.rounded() && abs(number) < 9e15: return Int(number)
        case let other: throw mismatch(column, "holds \(other), not an integer")
        }
    }

    /// `column` as an integer; NULL is an error.
    public func int(_ column: String) throws(CatalogError) -> Int {
        guard let number = try optionalInt(column) else { throw mismatch(column, "is NULL, not an integer") }
        return number
    }

    /// `column` as a real number; nil for NULL.
    public func optionalDouble(_ column: String) throws(CatalogError) -> Double? {
        switch try value(column) {
        case .null: return nil
        case .integer(let number): return Double(number)
        case .real(let number): return number
        case let other: throw mismatch(column, "holds \(other), not a number")
        }
    }

    /// `column` as text; nil for NULL.
    public func optionalString(_ column: String) throws(CatalogError) -> String? {
        switch try value(column) {
        case .null: return nil
        case .text(let text): return text
        case .integer(let number): return String(number)
        case let other: throw mismatch(column, "holds \(other), not text")
        }
    }

    /// `column` as text; NULL is an error.
    public func string(_ column: String) throws(CatalogError) -> String {
        guard let text = try optionalString(column) else { throw mismatch(column, "is NULL, not text") }
        return text
    }

    /// `column` as a boolean; NULL is an error. SQLite's 0 and 1 are false and true.
    public func bool(_ column: String) throws(CatalogError) -> Bool {
        switch try value(column) {
        case .bool(let flag): return flag
        case .integer(let number): return number != 0
        case let other: throw mismatch(column, "holds \(other), not a boolean")
        }
    }

    /// `column` as a date; nil for NULL. SQLite's dates are GRDB's text (`YYYY-MM-DD HH:MM:SS.SSS`, UTC).
    public func optionalDate(_ column: String) throws(CatalogError) -> Date? {
        switch try value(column) {
        case .null: return nil
        case .date(let date): return date
        case .text(let text):
            guard let date = Date.fromDatabaseValue(text.databaseValue) else { throw mismatch(column, "holds '\(text)', not a date") }
            return date
        case let other: throw mismatch(column, "holds \(other), not a date")
        }
    }

    /// `column` as a date; NULL is an error.
    public func date(_ column: String) throws(CatalogError) -> Date {
        guard let date = try optionalDate(column) else { throw mismatch(column, "is NULL, not a date") }
        return date
    }

    private func mismatch(_ column: String, _ problem: String) -> CatalogError {
        CatalogError(
            kind: .databaseFailed, file: file,
            message: "câu trả lời của danh mục \(file.absoluteString) không như mong đợi / in the answer of the catalog at "
                + "\(file.absoluteString), column \(column) \(problem); report it")
    }
}
