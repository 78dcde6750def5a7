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

    /// A PDF number: at most three decimals, no exponent, no trailing zeros (`0` for NaN or infinity).
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let thousandths = Int64((value * 1000).rounded())
        let sign = thousandths < 0 ? "-" : ""
        let whole = thousandths.magnitude / 1000, fraction = thousandths.magnitude % 1000
        if fraction == 0 { return "\(sign)\(whole)" }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(sign)\(whole).\(digits)"
    }

    /// A 2-byte character code as four uppercase hex digits (`00E2`), as in `<…>` strings and CMaps.
    public static func hex(_ unit: UInt16) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(unit >> 12)], digits[Int(unit >> 8 & 0xF)], digits[Int(unit >> 4 & 0xF)], digits[Int(unit & 0xF)]])
    }
}
