/// The SQL fragments that differ between the catalog's two engines (docs/architecture.md,
/// "Dialect differences found").
public enum CatalogDialect: String, Sendable {
    case sqlite
    case postgres

    /// The literal `true` for a `BOOLEAN` column (SQLite's are 0/1, and its partial indexes say `= 1`).
    public var trueValue: String {
        switch self {
        case .sqlite: "1"
        case .postgres: "true"
        }
    }

    /// The year of the date `expression` as four-digit text (`'2025'`).
    public func year(of expression: String) -> String {
        switch self {
        case .sqlite: "strftime('%Y', \(expression))"
        case .postgres: "to_char(\(expression), 'YYYY')"
        }
    }

    /// The month of the date `expression` as an integer (1…12).
    public func month(of expression: String) -> String {
        switch self {
        case .sqlite: "CAST(strftime('%m', \(expression)) AS INTEGER)"
        case .postgres: "CAST(EXTRACT(MONTH FROM \(expression)) AS INTEGER)"
        }
    }

    /// True when the JSON text `column`'s top-level boolean `key` is false or absent.
    public func jsonFlagIsNotSet(_ column: String, key: String) -> String {
        switch self {
        case .sqlite: "COALESCE(json_extract(\(column), '$.\(key)'), 0) = 0"
        case .postgres: "COALESCE((\(column)::jsonb ->> '\(key)')::boolean, false) = false"
        }
    }

    /// The aggregate joining `column`'s text with `separator` (a literal without quotes) in the order
    /// the rows come (SQLite's `group_concat` over an ordered subquery) or by `column` (PostgreSQL's
    /// `string_agg`, which promises no order otherwise).
    public func joined(_ column: String, separator: String) -> String {
        switch self {
        case .sqlite: "group_concat(\(column), '\(separator)')"
        case .postgres: "string_agg(\(column), '\(separator)' ORDER BY \(column))"
        }
    }
}
