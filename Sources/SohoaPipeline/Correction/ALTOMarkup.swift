/// The few pieces of XML that reading and revising sohoa's ALTO need: attributes of a tag, and text
/// escaped for and unescaped from attribute values.
enum ALTOMarkup {
    /// The attributes of a start tag's inside (`ID="x" CONTENT="a &amp; b"`), values unescaped.
    static func attributes(in tag: String) -> [String: String] {
        var result: [String: String] = [:]
        for match in tag.matches(of: /([A-Za-z_:][A-Za-z0-9_:.-]*)\s*=\s*"([^"]*)"/) {
            result[String(match.output.1)] = unescape(String(match.output.2))
        }
        return result
    }

    /// Text for an attribute value: `&`, `<`, `>`, `"` and `'` as entities, characters XML 1.0 does
    /// not allow dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                let value = scalar.value
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// An attribute value with the five named entities and numeric character references replaced.
    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";"), rest.distance(from: amp, to: semicolon) <= 10 else {
                out += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let name = rest[rest.index(after: amp)..<semicolon]
            if let replacement = entity(String(name)) {
                out += replacement
            } else {
                out += rest[amp...semicolon]
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return out + rest
    }

    private static func entity(_ name: String) -> String? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            let value: UInt32?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                value = UInt32(name.dropFirst(2), radix: 16)
            } else if name.hasPrefix("#") {
                value = UInt32(name.dropFirst())
            } else {
                value = nil
            }
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
    }
}
