import Foundation
import SohoaCollection

/// `items.csv` at the batch root: one row of metadata per item, keyed by the `item` column.
struct ItemMetadataTable: Sendable {
    var rows: [String: ItemMetadata] = [:]

    func row(for itemID: String) -> ItemMetadata? { rows[itemID] }

    /// Reads `url` if it exists; an absent file is an empty table.
    static func load(from url: URL) throws(MetadataError) -> ItemMetadataTable {
        guard FileManager.default.fileExists(atPath: url.path) else { return ItemMetadataTable() }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw MetadataError(file: url.path, message: "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw MetadataError(file: url.path, message: "is not UTF-8; save it as 'CSV UTF-8' and run again")
        }
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        // `;` or tab as a spreadsheet saves it where `,` is the decimal comma (issue 14).
        let records = CSVReader.records(body, separator: CSVReader.separator(guessedFrom: body))
        guard let header = records.first?.fields else { return ItemMetadataTable() }
        let keys = header.map { $0.trimmingCharacters(in: .whitespaces) }
        guard let itemColumn = keys.firstIndex(where: { ItemMetadata.keyAliases[$0.lowercased()] == "item" }) else {
            throw MetadataError(file: url.path, message: "needs an 'item' column naming each item's folder")
        }
        var table = ItemMetadataTable()
        for (line, record) in records.dropFirst() where !record.allSatisfy({ $0.isEmpty }) {
            guard record.count <= keys.count else {
                throw MetadataError(
                    file: "\(url.path) line \(line)", message: "has \(record.count) fields but the header has \(keys.count)")
            }
            // A row may stop before the item column (the header is longer): it names no item.
            let id =
                record.indices.contains(itemColumn)
                ? record[itemColumn].trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping : ""
            guard !id.isEmpty else {
                throw MetadataError(
                    file: "\(url.path) line \(line)",
                    message: "has no value in the '\(keys[itemColumn])' column: each row names the item folder it describes")
            }
            var metadata = ItemMetadata()
            for (column, value) in record.enumerated() where column != itemColumn {
                try metadata.set(key: keys[column], value: value, source: "\(url.path) line \(line)")
            }
            table.rows[id] = metadata
        }
        return table
    }
}
