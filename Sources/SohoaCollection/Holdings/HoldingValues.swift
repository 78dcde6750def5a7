import Foundation
import SohoaCatalog

/// Turns the values people write in registers (Vietnamese or English, with or without tone marks)
/// into a holding's fields.
enum HoldingValues {
    /// Lowercase, without tone marks, `đ` as `d`, single spaces, `-`/`_` as spaces.
    static func key(_ text: String) -> String {
        DiacriticFolding.fold(text.precomposedStringWithCanonicalMapping)
            .replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static let collectionTypes: [String: HoldingRecord.CollectionType] = [
        "rare book": .rareBook, "rare": .rareBook, "sach quy hiem": .rareBook, "quy hiem": .rareBook, "sach co": .rareBook,
        "manuscript": .manuscript, "ban thao": .manuscript, "thu tich co": .manuscript, "ban viet tay": .manuscript,
        "han nom": .manuscript, "sach han nom": .manuscript,
        "local history": .localHistory, "dia chi": .localHistory, "tai lieu dia chi": .localHistory,
        "newspaper": .newspaper, "bao": .newspaper, "bao chi": .newspaper, "tap chi": .newspaper, "bao tap chi": .newspaper,
        "map": .map, "ban do": .map,
        "photo": .photo, "photograph": .photo, "anh": .photo, "hinh anh": .photo,
        "other": .other, "khac": .other,
    ]

    /// The collection type named by `text`, in English or Vietnamese.
    static func collectionType(_ text: String) -> HoldingRecord.CollectionType? {
        collectionTypes[key(text)]
    }

    /// `true`/`false` from yes/no, có/không, x, 1/0.
    static func flag(_ text: String) -> Bool? {
        switch key(text) {
        case "1", "x", "yes", "y", "true", "co", "dac biet", "quy hiem": true
        case "", "0", "no", "n", "false", "khong": false
        default: nil
        }
    }

    /// The first run of four digits, e.g. 1925 from `[1925?]` or `c1925.`.
    static func year(_ text: String) -> Int? {
        guard let range = text.range(of: "[0-9]{4}", options: .regularExpression) else { return nil }
        return Int(text[range])
    }

    /// The first whole number, e.g. 212 from `212 tr. ; 24 cm`.
    static func number(_ text: String) -> Int? {
        guard let range = text.range(of: "[0-9]+", options: .regularExpression) else { return nil }
        return Int(text[range])
    }

    /// A library code as the catalog stores it, or `nil` when it has characters a code cannot have.
    static func libraryCode(_ text: String) -> String? {
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        return code.range(of: "^[A-Z0-9_-]{1,32}$", options: .regularExpression) != nil ? code : nil
    }

    /// Trimmed, NFC, ISBD trailing punctuation (` /`, ` :`, `.`, `,`) removed; `nil` when empty.
    static func clean(_ text: String?) -> String? {
        guard var value = text?.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines) else { return nil }
        while let last = value.last, "/:;,=".contains(last) || (last == "." && !value.hasSuffix("..")) {
            value.removeLast()
            value = value.trimmingCharacters(in: .whitespaces)
        }
        return value.isEmpty ? nil : value
    }
}
