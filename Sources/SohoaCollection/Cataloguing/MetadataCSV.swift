import Foundation

/// The metadata CSV of `sohoa metadata export` and `import`: one row per item, an `item` column and
/// one column per `MetadataField` under the headers `items.csv` takes at ingest, UTF-8 with a BOM
/// (so spreadsheet programs read the tone marks), CRLF line ends.
public enum MetadataCSV {
    /// The header row: `item`, then every field.
    public static let headers = ["item"] + MetadataField.allCases.map(\.header)

    /// The CSV of `items` (item id and description), in the order given.
    public static func export(_ items: [(itemID: String, description: ItemDescription)]) -> String {
        let rows = items.map { item in [item.itemID] + MetadataField.allCases.map { $0.text(of: item.description) } }
        return "\u{FEFF}" + ReportCSV.csv([headers] + rows)
    }

    /// One row of an imported CSV: its line, item id, and the values of the columns it has.
    public struct Row: Sendable, Equatable {
        /// The row's first line in the file (1 is the header).
        public var line: Int
        public var itemID: String
        /// The values by field, with the 1-based column each came from.
        public var values: [MetadataField: (column: Int, text: String)]

        public static func == (lhs: Row, rhs: Row) -> Bool {
            lhs.line == rhs.line && lhs.itemID == rhs.itemID
                && lhs.values.mapValues(\.text) == rhs.values.mapValues(\.text)
                && lhs.values.mapValues(\.column) == rhs.values.mapValues(\.column)
        }
    }

    /// The rows of `text` (a BOM, `,` `;` or tab as separator, as spreadsheets save); throws for a
    /// header without an `item` column or with a column it does not know.
    public static func rows(_ text: String) throws(MetadataCSVProblem) -> [Row] {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let records = CSVReader.records(body, separator: CSVReader.separator(guessedFrom: body))
        guard let header = records.first?.fields else {
            throw MetadataCSVProblem(line: 1, column: nil, message: "the file is empty; export one with `sohoa metadata export`")
        }
        var itemColumn: Int?
        var fields: [Int: MetadataField] = [:]
        for (index, name) in header.enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            if ["item", "item-id", "thư mục"].contains(key) {
                itemColumn = index
            } else if let field = MetadataField(header: name) {
                guard !fields.values.contains(field) else {
                    throw MetadataCSVProblem(line: 1, column: index + 1, message: "column '\(name)' repeats the \(field.header) column")
                }
                fields[index] = field
            } else if !key.isEmpty {
                throw MetadataCSVProblem(
                    line: 1, column: index + 1,
                    message: "unknown column '\(name)'; the columns are \(headers.joined(separator: ", "))")
            }
        }
        guard let itemColumn else {
            throw MetadataCSVProblem(line: 1, column: nil, message: "the header needs an 'item' column naming each item")
        }
        var rows: [Row] = []
        for record in records.dropFirst() where !record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            var row = Row(line: record.line, itemID: "", values: [:])
            for (index, value) in record.fields.enumerated() {
                if index == itemColumn {
                    row.itemID = value.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping
                } else if let field = fields[index] {
                    row.values[field] = (index + 1, unprotected(value))
                }
            }
            rows.append(row)
        }
        return rows
    }

    /// The 1-based column of the `item` id in `text`'s header (for messages), or 1.
    static func itemColumn(_ text: String) -> Int {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let header = CSVReader.records(body, separator: CSVReader.separator(guessedFrom: body)).first?.fields ?? []
        return (header.firstIndex { ["item", "item-id", "thư mục"].contains($0.trimmingCharacters(in: .whitespaces).lowercased()) } ?? 0)
            + 1
    }

    /// A cell as typed, without the `'` the export put before a leading `=`, `+`, `-` or `@`.
    static func unprotected(_ value: String) -> String {
        guard value.hasPrefix("'"), let next = value.dropFirst().first, "=+-@\t\r".contains(next) else { return value }
        return String(value.dropFirst())
    }
}

/// A cell or row of a metadata CSV that cannot be used: where (line, column) and why.
public struct MetadataCSVProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The line in the file (1 is the header).
    public var line: Int
    /// The 1-based column, when the problem is in one cell.
    public var column: Int?
    public var message: String

    public var description: String {
        "line \(line)" + (column.map { ", column \($0)" } ?? "") + ": " + message
    }
}
