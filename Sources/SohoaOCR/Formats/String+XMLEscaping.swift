extension String {
    /// The text with `&`, `<`, `>`, `"` and `'` replaced by entities, and characters XML 1.0 does
    /// not allow (C0 controls other than tab, newline, return) dropped.
    var xmlEscaped: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The text made into an XML `ID` (an NCName): disallowed characters become `_`, and a prefix
    /// is added when it does not start with a letter or `_`.
    func xmlID(prefix: String) -> String {
        let mapped = String(
            unicodeScalars.map { scalar -> Character in
                let ok =
                    scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                    || scalar == "_" || scalar == "-" || scalar == "."
                return ok ? Character(scalar) : "_"
            })
        guard let first = mapped.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else {
            return prefix + mapped
        }
        return mapped
    }
}
