/// PDF text strings (ISO 32000-1 §7.9.2): what sohoa's PDF writers put in titles, bookmarks and labels.
public enum PDFText {
    /// A literal for printable ASCII, else UTF-16BE hex with a byte order mark.
    public static func string(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
            var literal = ""
            for character in text {
                if character == "(" || character == ")" || character == "\\" { literal.append("\\") }
                literal.append(character)
            }
            return "(\(literal))"
        }
        let hex = ([0xFEFF] + Array(text.utf16)).map { unit -> String in
            let digits = String(unit, radix: 16, uppercase: true)
            return String(repeating: "0", count: 4 - digits.count) + digits
        }
        return "<\(hex.joined())>"
    }
}
