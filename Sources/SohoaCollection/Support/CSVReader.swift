/// A small RFC 4180 reader (quoted fields, doubled quotes, separators and newlines inside quotes)
/// used for `items.csv` and holdings registers. Each record keeps the line it starts on, so error
/// messages can name it even when a quoted field spans lines.
package enum CSVReader {
    /// The records of `text`, each with its first line number (1-based) and its fields.
    package static func records(_ text: String, separator: Character = ",") -> [(line: Int, fields: [String])] {
        var records: [(line: Int, fields: [String])] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var recordLine = 1
        var iterator = text.makeIterator()
        var pending: Character? = nil
        while let char = pending ?? iterator.next() {
            pending = nil
            if char == "\n" || char == "\r\n" || char == "\r" { line += 1 }
            if quoted {
                if char == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" {
                            field.append("\"")
                        } else {
                            quoted = false
                            pending = next
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(char)
                }
                continue
            }
            switch char {
            case "\"" where field.isEmpty: quoted = true
            case separator:
                record.append(field)
                field = ""
            case "\n", "\r\n", "\r":
                record.append(field)
                field = ""
                records.append((recordLine, record))
                record = []
                recordLine = line
            default: field.append(char)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append((recordLine, record))
        }
        return records
    }

    /// The separator a spreadsheet most likely used, judged from the header line: tab, `;` or `,`.
    package static func separator(guessedFrom text: String) -> Character {
        let header = text.prefix { $0 != "\n" && $0 != "\r\n" }
        if header.contains("\t") { return "\t" }
        return header.filter { $0 == ";" }.count > header.filter { $0 == "," }.count ? ";" : ","
    }
}
