import Foundation

/// What Foundation's `XMLParser` (libxml2 underneath, on Linux) crashes the process on, found before
/// the parser sees the bytes: every reader of XML from outside gives the parser `utf8(_:)`'s answer.
/// All were found by fuzzing the MARCXML reader:
/// - an encoding libxml2 switches to and then crashes in: declared (`encoding="UTF-7"`, EBCDIC) or
///   guessed from the first bytes (`00 00 00 3C` is taken for UCS-4);
/// - a processing instruction without data (`<?name?>`), whose missing data `XMLParser` reads anyway.
/// So the parser is only ever given UTF-8 without zero bytes that declares UTF-8 (or nothing).
public enum XMLPreflight {
    /// The encodings a document given to the parser may declare (compared without case, `-` and `_`):
    /// UTF-8 and its ASCII subset.
    static let utf8Names: Set<String> = ["utf8", "usascii", "ascii"]

    /// The encodings the document in `data` declares, as written: one for a sound declaration, none
    /// when it has no XML declaration or the declaration names no encoding (UTF-8 or UTF-16 then, by
    /// the XML rules), and every candidate when a broken declaration leaves it unclear.
    public static func encodings(in data: Data) -> [String] {
        // The declaration is ASCII in every encoding sohoa reads; in UTF-16 each of its characters has
        // a zero byte beside it, so dropping zero bytes (and byte-order marks) reads it either way.
        var text = ""
        for byte in data.prefix(512) where byte != 0 && byte != 0xEF && byte != 0xBB && byte != 0xBF && byte != 0xFE && byte != 0xFF {
            // libxml2 reads the encoding before it looks for the declaration's end: a declaration
            // that never ends properly (`encoding="UTF-7"'>`) still switches, so read up to any `>`.
            if byte == UInt8(ascii: ">") { break }
            text.unicodeScalars.append(byte < 0x80 ? Unicode.Scalar(byte) : "\u{FFFD}")
        }
        guard text.hasPrefix("<?xml") else { return [] }
        let space: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        var found: [String] = []
        var rest = Substring(text)
        while let name = rest.range(of: "encoding") {
            rest = rest[name.upperBound...]
            var value = rest.drop(while: space)
            guard value.first == "=" else { continue }
            value = value.dropFirst().drop(while: space)
            guard let quote = value.first, quote == "\"" || quote == "'" else { continue }
            found.append(String(value.dropFirst().prefix { $0 != quote }))
        }
        return found
    }

    /// The encoding the document in `data` declares, as written (the first when a broken declaration
    /// names several); nil when it declares none.
    public static func encoding(in data: Data) -> String? { encodings(in: data).first }

    /// The declared encoding of `data` when it is anything but UTF-8 or ASCII (nil when it is one of them
    /// or none is declared).
    public static func unsupportedEncoding(in data: Data) -> String? {
        // libxml2 takes these four bytes (`<?xm` in EBCDIC) for EBCDIC whatever is declared.
        if data.starts(with: [0x4C, 0x6F, 0xA7, 0x94]) { return "EBCDIC" }
        return encodings(in: data).first { !utf8Names.contains($0.lowercased().filter { $0 != "-" && $0 != "_" }) }
    }

    /// The first processing instruction of `data` that has no data (`<?name?>`, `<?name ?>`): its
    /// target and line. Zero bytes are skipped, so UTF-16 is read too.
    public static func emptyProcessingInstruction(in data: Data) -> (target: String, line: Int)? {
        let bytes = [UInt8](data.contains(0) ? data.filter { $0 != 0 } : data)
        let open = UInt8(ascii: "<"), question = UInt8(ascii: "?"), close = UInt8(ascii: ">")
        var line = 1
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") { line += 1 }
            guard bytes[index] == open, bytes[index + 1] == question else {
                index += 1
                continue
            }
            var cursor = index + 2
            while cursor < bytes.count, !isSpace(bytes[cursor]), bytes[cursor] != question, bytes[cursor] != open { cursor += 1 }
            let target = String(decoding: bytes[(index + 2)..<cursor], as: UTF8.self)
            while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
            if cursor + 1 < bytes.count, bytes[cursor] == question, bytes[cursor + 1] == close { return (target, line) }
            index += 2
        }
        return nil
    }

    /// `data` as the parser may take it: UTF-8 as it is, UTF-16 with a byte-order mark converted to
    /// UTF-8 (its declaration blanked: a document without one is UTF-8); throws `XMLRefusal` saying
    /// in plain words what is wrong ("declares the encoding …") for anything else.
    public static func utf8(_ data: Data) throws(XMLRefusal) -> Data {
        var data = data
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            let bytes = [UInt8](data.dropFirst(2))
            let bigEndian = data.first == 0xFE
            let units = stride(from: 0, to: bytes.count - 1, by: 2).map { index -> UInt16 in
                let (first, second) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
                return bigEndian ? first << 8 | second : second << 8 | first
            }
            data = Data(withoutDeclaration(String(decoding: units, as: UTF16.self)).utf8)
        }
        if let zero = data.firstIndex(of: 0) {
            let line = data[..<zero].reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            throw XMLRefusal(
                reason: "has a zero byte on line \(line), which XML does not allow (UTF-16 without a byte-order mark, or UCS-4?): "
                    + "save it as UTF-8")
        }
        guard String(validating: [UInt8](data), as: UTF8.self) != nil else {
            throw XMLRefusal(reason: "is not UTF-8: save it as UTF-8")
        }
        if let encoding = unsupportedEncoding(in: data) {
            throw XMLRefusal(reason: "declares the encoding \"\(encoding)\"; sohoa reads XML in UTF-8: save it as UTF-8")
        }
        if let instruction = emptyProcessingInstruction(in: data) {
            throw XMLRefusal(
                reason: "has an empty processing instruction <?\(instruction.target)?> on line \(instruction.line), "
                    + "which the XML reader cannot take: remove it")
        }
        return data
    }

    /// `text` with its XML declaration (if it starts with one) turned into spaces, lines kept.
    private static func withoutDeclaration(_ text: String) -> String {
        guard text.hasPrefix("<?xml"), let end = text.range(of: "?>") else { return text }
        let blank = text[..<end.upperBound].map { $0.isNewline ? $0 : " " }
        return String(blank) + text[end.upperBound...]
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
    }
}
