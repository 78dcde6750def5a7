import Foundation

/// The CSV register template (docs/progress.md): one row per holding, a header row naming the
/// columns in English or Vietnamese, comma-, semicolon- or tab-separated, UTF-8 (or UTF-16 with a BOM).
enum HoldingsCSV {
    /// Header names accepted for each field (compared without tone marks, case or `-`/`_`).
    static let headers: [String: String] = {
        let names: [String: [String]] = [
            "id": ["id", "holding id", "ma tai lieu", "ma ban ghi", "so dang ky", "record id"],
            "call-number": ["call number", "ky hieu xep gia", "ky hieu kho", "ky hieu"],
            "title": ["title", "nhan de", "ten tai lieu", "tieu de"],
            "creator": ["creator", "author", "tac gia"],
            "library-code": ["library code", "library", "ma thu vien", "thu vien"],
            "collection-type": ["collection type", "type", "loai", "loai hinh", "loai tai lieu"],
            "special-value": ["special value", "special", "gia tri dac biet", "quy hiem"],
            "language": ["language", "script", "language script", "ngon ngu", "chu viet", "ngon ngu chu viet"],
            "estimated-pages": ["estimated pages", "pages", "so trang", "so trang uoc tinh"],
            "year": ["year", "nam", "nam xuat ban"],
            "subjects": ["subjects", "subject", "chu de"],
        ]
        var map: [String: String] = [:]
        for (field, aliases) in names {
            for alias in aliases { map[alias] = field }
        }
        return map
    }()

    /// Reads the register at `data` into drafts with their line numbers; rows that cannot be split
    /// into the header's columns come back as rejections.
    static func read(
        _ text: String, file: String
    ) throws(HoldingsImportError) -> (
        rows: [(line: Int, draft: HoldingDraft)], rejections: [HoldingsImportReport.Rejection]
    ) {
        let records = records(text)
        guard let header = records.first else {
            throw HoldingsImportError(file: file, message: "the file is empty; see the template in docs/progress.md")
        }
        var columns: [String?] = []
        var unknown: [String] = []
        for name in header.fields {
            let key = HoldingValues.key(name)
            if key.isEmpty {
                columns.append(nil)
            } else if let field = headers[key] {
                columns.append(field)
            } else {
                columns.append(nil)
                unknown.append(name)
            }
        }
        guard !unknown.isEmpty || columns.contains("id") else {
            throw HoldingsImportError(file: file, message: "the header has no id column; see the template in docs/progress.md")
        }
        guard unknown.isEmpty else {
            throw HoldingsImportError(
                file: file,
                message: "unknown column(s) \(unknown.map { "'\($0)'" }.joined(separator: ", ")) in the header (line 1); "
                    + "allowed: id, call-number, title, creator, library-code, collection-type, special-value, language, "
                    + "estimated-pages, year, subjects (or their Vietnamese names, see docs/progress.md)")
        }
        var rows: [(line: Int, draft: HoldingDraft)] = []
        var rejections: [HoldingsImportReport.Rejection] = []
        for record in records.dropFirst() {
            if record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard record.fields.count <= columns.count else {
                rejections.append(
                    .init(
                        location: "line \(record.line)", holdingID: nil,
                        reason: "\(record.fields.count) fields but the header has \(columns.count); quote values that contain the separator"
                    ))
                continue
            }
            var draft = HoldingDraft()
            for (index, value) in record.fields.enumerated() {
                guard let field = columns[index] else { continue }
                switch field {
                case "id": draft.id = value
                case "call-number": draft.callNumber = value
                case "title": draft.title = value
                case "creator": draft.creator = value
                case "library-code": draft.libraryCode = value
                case "collection-type": draft.collectionType = value
                case "special-value": draft.specialValue = value
                case "language": draft.language = value
                case "estimated-pages": draft.estimatedPages = value
                case "year": draft.year = value
                case "subjects": draft.subjects = value.split(separator: ";").map(String.init)
                default: break
                }
            }
            rows.append((record.line, draft))
        }
        return (rows, rejections)
    }

    /// RFC 4180 records with the line each starts on; the separator is guessed from the header line.
    static func records(_ text: String) -> [(line: Int, fields: [String])] {
        CSVReader.records(text, separator: CSVReader.separator(guessedFrom: text))
    }
}
