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

extension CatalogDialect {
    /// The literal `false` for a `BOOLEAN` column (SQLite's 0).
    public var falseValue: String {
        switch self {
        case .sqlite: "0"
        case .postgres: "false"
        }
    }

    /// The greatest of `expressions` (SQLite's scalar `max`, PostgreSQL's `GREATEST`); give no NULLs.
    public func greatest(_ expressions: [String]) -> String {
        switch self {
        case .sqlite: "max(\(expressions.joined(separator: ", ")))"
        case .postgres: "GREATEST(\(expressions.joined(separator: ", ")))"
        }
    }

    /// The date `expression` as the text SQLite stores (`YYYY-MM-DD HH:MM:SS.SSS`), for positions
    /// kept outside the catalog (OAI resumption tokens) that compare the same on both engines.
    public func dateText(of expression: String) -> String {
        switch self {
        case .sqlite: expression
        case .postgres: "to_char(\(expression), 'YYYY-MM-DD HH24:MI:SS.MS')"
        }
    }

    /// The integer the text `expression` starts with, as SQLite's `CAST(x AS INTEGER)` reads it:
    /// `12a` → 12, text without leading digits → 0, NULL → NULL (at most 18 digits on PostgreSQL).
    public func leadingInteger(of expression: String) -> String {
        switch self {
        case .sqlite: "CAST(\(expression) AS INTEGER)"
        case .postgres:
            "CASE WHEN \(expression) IS NULL THEN NULL ELSE "
                + "COALESCE(CAST(substring(\(expression) from '^\\s*[-+]?[0-9]{1,18}') AS BIGINT), 0) END"
        }
    }
}

extension CatalogDialect {
    /// A `?` compared without regard to case with a case-insensitive column (`users.name`: SQLite's
    /// `COLLATE NOCASE` column decides alone; PostgreSQL's `citext` only when the value is `citext`
    /// too, as a bound `text` would compare as text).
    public var caseInsensitivePlaceholder: String {
        switch self {
        case .sqlite: "?"
        case .postgres: "CAST(? AS citext)"
        }
    }
}
