import Foundation
import SohoaArchive

extension ItemContents {
    private static let csvHeaders: [String: String] = [
        "level": "level", "cấp": "level", "cap": "level",
        "title": "title", "tiêu đề": "title", "nhan đề": "title", "tieu-de": "title",
        "page": "page", "trang": "page", "from": "page",
        "to": "to", "đến trang": "to", "den-trang": "to", "last": "to",
        "type": "type", "loại": "type", "loai": "type",
    ]

    /// A table of contents from a CSV (a `contents.csv` beside `item.yaml`): a header line, then one
    /// row per section in page order with `level` (1 top level, 2 its sub-section…), `title`, `page`
    /// (the scan it starts on), and optionally `to` and `type`. Comma, semicolon or tab separated;
    /// Vietnamese headers (`cấp`, `tiêu đề`, `trang`, `đến trang`, `loại`) work too.
    public init(csv rawText: String, source: String) throws(StructureError) {
        let text = rawText.hasPrefix("\u{FEFF}") ? String(rawText.dropFirst()) : rawText
        let records = CSVReader.records(text, separator: CSVReader.separator(guessedFrom: text))
            .filter { !$0.fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        guard let header = records.first else {
            throw StructureError(
                file: source, message: "the contents CSV is empty; its first line names the columns: level,title,page,to,type")
        }
        var columns: [String: Int] = [:]
        for (index, name) in header.fields.enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased().precomposedStringWithCanonicalMapping
            guard let field = Self.csvHeaders[key] else {
                throw StructureError(
                    file: source, message: "line \(header.line): unknown column '\(name)'; allowed: level, title, page, to, type")
            }
            columns[field] = index
        }
        guard let titleColumn = columns["title"], let pageColumn = columns["page"] else {
            throw StructureError(file: source, message: "line \(header.line): the columns 'title' and 'page' are required")
        }
        var rows: [(level: Int, entry: ContentsEntry)] = []
        for record in records.dropFirst() {
            func value(_ column: Int?) -> String {
                guard let column, column < record.fields.count else { return "" }
                return record.fields[column].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let levelText = value(columns["level"])
            guard let level = levelText.isEmpty ? 1 : Int(levelText) else {
                throw StructureError(file: source, message: "line \(record.line), column level: '\(levelText)' must be 1, 2, 3…")
            }
            guard let page = Int(value(pageColumn)) else {
                throw StructureError(
                    file: source, message: "line \(record.line), column page: '\(value(pageColumn))' must be the number of a scan")
            }
            let toText = value(columns["to"])
            guard toText.isEmpty || Int(toText) != nil else {
                throw StructureError(file: source, message: "line \(record.line), column to: '\(toText)' must be a page number")
            }
            let type = value(columns["type"])
            rows.append(
                (
                    level,
                    ContentsEntry(
                        title: value(titleColumn), type: type.isEmpty ? "chapter" : type, firstPage: page, lastPage: Int(toText))
                ))
        }
        try self.init(levels: rows, source: source)
    }
}
