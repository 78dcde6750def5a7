import Foundation

/// Escaping of text for XML 1.0 documents (METS, PREMIS, Dublin Core, OAI-PMH responses).
public enum XMLText {
    /// `text` as NFC character data: `&`, `<`, `>` (and in attributes `"` and `'`) escaped, characters
    /// XML 1.0 does not allow dropped.
    public static func escape(_ text: String, attribute: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\t" where attribute: out += "&#9;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Escapes for an attribute value.
    public static func attribute(_ text: String) -> String { escape(text, attribute: true) }

    /// XML 1.0 `Char` production.
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
