import Foundation

/// The XML declaration at the start of a document (`<?xml version="1.0" encoding="…"?>`), read before
/// a parser sees the bytes. Foundation's `XMLParser` hands the declared encoding to libxml2, which
/// crashes the process switching to some of them (UTF-7, EBCDIC: found by fuzzing the MARCXML reader),
/// so every reader of XML from outside checks the declaration first and refuses what it does not read.
public enum XMLDeclaration {
    /// The encodings sohoa's XML readers accept (compared without case, `-` and `_`): UTF-8 and its
    /// ASCII subset, and UTF-16.
    static let unicodeNames: Set<String> = ["utf8", "usascii", "ascii", "utf16", "utf16le", "utf16be"]

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

    /// The declared encoding of `data` when it is one sohoa's readers refuse (anything but UTF-8, ASCII
    /// and UTF-16); nil when the document may be given to a parser.
    public static func unsupportedEncoding(in data: Data) -> String? {
        // libxml2 takes these four bytes (`<?xm` in EBCDIC) for EBCDIC whatever is declared.
        if data.starts(with: [0x4C, 0x6F, 0xA7, 0x94]) { return "EBCDIC" }
        return encodings(in: data).first { !unicodeNames.contains($0.lowercased().filter { $0 != "-" && $0 != "_" }) }
    }
}
