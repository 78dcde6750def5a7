import Foundation

/// The XML declaration at the start of a document (`<?xml version="1.0" encoding="…"?>`), read before
/// a parser sees the bytes. Foundation's `XMLParser` hands the declared encoding to libxml2, which
/// crashes the process switching to some of them (UTF-7, EBCDIC: found by fuzzing the MARCXML reader),
/// so every reader of XML from outside checks the declaration first and refuses what it does not read.
public enum XMLDeclaration {
    /// The encodings sohoa's XML readers accept (compared without case, `-` and `_`): UTF-8 and its
    /// ASCII subset, and UTF-16.
    static let unicodeNames: Set<String> = ["utf8", "usascii", "ascii", "utf16", "utf16le", "utf16be"]

    /// The encoding the document in `data` declares, as written; nil when it has no XML declaration or
    /// the declaration names no encoding (UTF-8 or UTF-16 then, by the XML rules).
    public static func encoding(in data: Data) -> String? {
        // The declaration is ASCII in every encoding sohoa reads; in UTF-16 each of its characters has
        // a zero byte beside it, so dropping zero bytes (and byte-order marks) reads it either way.
        var text = ""
        for byte in data.prefix(512) where byte != 0 && byte != 0xEF && byte != 0xBB && byte != 0xBF && byte != 0xFE && byte != 0xFF {
            guard byte < 0x80 else { break }
            text.unicodeScalars.append(Unicode.Scalar(byte))
            if text.hasSuffix("?>") { break }
        }
        guard text.hasPrefix("<?xml"), let end = text.range(of: "?>") else { return nil }
        let declaration = text[..<end.lowerBound]
        guard let name = declaration.range(of: "encoding") else { return nil }
        var rest = declaration[name.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let value = rest.dropFirst().prefix { $0 != quote }
        return String(value)
    }

    /// The declared encoding of `data` when it is one sohoa's readers refuse (anything but UTF-8, ASCII
    /// and UTF-16); nil when the document may be given to a parser.
    public static func unsupportedEncoding(in data: Data) -> String? {
        // libxml2 takes these four bytes (`<?xm` in EBCDIC) for EBCDIC whatever is declared.
        if data.starts(with: [0x4C, 0x6F, 0xA7, 0x94]) { return "EBCDIC" }
        guard let declared = encoding(in: data) else { return nil }
        let key = declared.lowercased().filter { $0 != "-" && $0 != "_" }
        return unicodeNames.contains(key) ? nil : declared
    }
}
