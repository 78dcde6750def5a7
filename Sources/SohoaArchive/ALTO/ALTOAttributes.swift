/// The attributes of a tag in sohoa's ALTO, read without an XML parser: the attribute list of a start
/// tag, with values unescaped (the five named entities and numeric character references). ALTO from
/// elsewhere passes `XMLPreflight` first (UTF-8, no DTD).
public enum ALTOAttributes {
    /// The attributes of a start tag's inside (`ID="x" CONTENT="a &amp; b"`), values unescaped.
    public static func parse(_ tag: String) -> [String: String] {
        var tag = tag
        return tag.withUTF8 { parse($0[...]) }
    }

    /// The `name="value"` pairs in `bytes` (UTF-8), values unescaped; what is not such a pair (the
    /// element's name, `/`) is passed over. A byte scan, not a regular expression: a page's ALTO has
    /// thousands of tags, and this runs for every page of a IIIF manifest.
    static func parse(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> [String: String] {
        var result: [String: String] = [:]
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            guard isNameStart(bytes[i]) else {
                i += 1
                continue
            }
            let nameStart = i
            while i < end, isNameByte(bytes[i]) { i += 1 }
            let nameEnd = i
            var j = i
            while j < end, isSpace(bytes[j]) { j += 1 }
            guard j < end, bytes[j] == UInt8(ascii: "=") else { continue }
            j += 1
            while j < end, isSpace(bytes[j]) { j += 1 }
            guard j < end, bytes[j] == UInt8(ascii: "\"") else {
                i = j
                continue
            }
            let valueStart = j + 1
            var valueEnd = valueStart
            while valueEnd < end, bytes[valueEnd] != UInt8(ascii: "\"") { valueEnd += 1 }
            guard valueEnd < end else { break }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<nameEnd]), as: UTF8.self)
            let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]), as: UTF8.self)
            result[name] = unescape(value)
            i = valueEnd + 1
        }
        return result
    }

    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// An attribute value with the five named entities and numeric character references replaced.
    public static func unescape(_ text: String) -> String {
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
