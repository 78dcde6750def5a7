import Foundation

/// A PDF as sohoa writes it (classic cross-reference tables, one incremental update per correction),
/// read just enough to find each page's content stream and the font's ToUnicode map.
struct ArchivedPDF {
    /// The whole file.
    let bytes: [UInt8]
    /// Its logical path in the archive, for messages.
    let file: String
    /// Where each object starts; the newest cross-reference section wins.
    let offsets: [Int: Int]
    /// The newest trailer dictionary.
    let trailer: [PDFToken]
    /// The newest trailer's `/ID` array as written (`[ <…> <…> ]`), if any.
    let identifier: String?
    /// Where the newest cross-reference section starts (the next update's `/Prev`).
    let lastCrossReference: Int

    /// Reads the cross-reference sections of `bytes` from the last one back through `/Prev`.
    init(bytes: [UInt8], file: String) throws(DerivativeError) {
        self.bytes = bytes
        self.file = file
        let tail = String(decoding: bytes.suffix(1024), as: UTF8.self)
        guard let marker = tail.range(of: "startxref", options: .backwards),
            let start = Int(tail[marker.upperBound...].split(whereSeparator: \.isWhitespace).first ?? "")
        else { throw DerivativeError(file: file, reason: "no startxref at the end: not a PDF sohoa wrote, or cut short") }
        lastCrossReference = start
        var offsets: [Int: Int] = [:]
        var newestTrailer: [PDFToken]?
        var identifier: String?
        var next: Int? = start
        var seen: Set<Int> = []
        while let section = next, seen.insert(section).inserted {
            let (entries, trailer, text) = try Self.crossReferenceSection(bytes, at: section, file: file)
            for (number, offset) in entries where offsets[number] == nil { offsets[number] = offset }
            if newestTrailer == nil {
                newestTrailer = trailer
                if let id = text.range(of: "/ID"), let open = text[id.upperBound...].firstIndex(of: "["),
                    let close = text[open...].firstIndex(of: "]")
                {
                    identifier = String(text[open...close])
                }
            }
            next = trailer.value(of: "Prev")?.integer
        }
        self.offsets = offsets
        self.identifier = identifier
        trailer = newestTrailer ?? []
    }

    /// The object count the next update's `/Size` starts from.
    var size: Int { trailer.value(of: "Size")?.integer ?? (offsets.keys.max() ?? 0) + 1 }

    /// The page objects, in page order (the catalog's page tree, one level as sohoa writes it).
    func pageObjects() throws(DerivativeError) -> [Int] {
        guard let root = trailer.value(of: "Root")?.references.first,
            let pages = try object(root).dictionary.value(of: "Pages")?.references.first,
            let kids = try object(pages).dictionary.value(of: "Kids")
        else { throw DerivativeError(file: file, reason: "no page tree") }
        return kids.references
    }

    /// An object's dictionary tokens and, for a stream, its data (still encoded).
    func object(_ number: Int) throws(DerivativeError) -> (dictionary: [PDFToken], stream: [UInt8]?) {
        guard let offset = offsets[number], offset >= 0, offset < bytes.count,
            let open = Self.find(Array("<<".utf8), in: bytes, from: offset, within: 64)
        else { throw DerivativeError(file: file, reason: "object \(number) is missing") }
        var depth = 0, index = open
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "<") {
                depth += 1
                index += 2
            } else if bytes[index] == UInt8(ascii: ">"), bytes[index + 1] == UInt8(ascii: ">") {
                depth -= 1
                index += 2
                if depth == 0 { break }
            } else if bytes[index] == UInt8(ascii: "(") {
                // Skip literal strings: their parentheses and angle brackets are not syntax.
                var inner = 0
                repeat {
                    if bytes[index] == UInt8(ascii: "\\") {
                        index += 1
                    } else if bytes[index] == UInt8(ascii: "(") {
                        inner += 1
                    } else if bytes[index] == UInt8(ascii: ")") {
                        inner -= 1
                    }
                    index += 1
                } while inner > 0 && index < bytes.count
            } else {
                index += 1
            }
        }
        guard depth == 0 else { throw DerivativeError(file: file, reason: "object \(number) is cut short") }
        let dictionary = PDFToken.tokens(bytes, from: open, to: index)
        var after = index
        while after < bytes.count, [0x20, 0x0A, 0x0D].contains(bytes[after]) { after += 1 }
        let keyword = Array("stream".utf8)
        guard after + keyword.count <= bytes.count, Array(bytes[after..<after + keyword.count]) == keyword else {
            return (dictionary, nil)
        }
        var data = after + keyword.count
        if data < bytes.count, bytes[data] == 0x0D { data += 1 }
        if data < bytes.count, bytes[data] == 0x0A { data += 1 }
        guard let length = dictionary.value(of: "Length")?.integer, length >= 0, data + length <= bytes.count else {
            throw DerivativeError(file: file, reason: "object \(number)'s stream has no usable /Length")
        }
        return (dictionary, Array(bytes[data..<data + length]))
    }

    /// A stream's decoded data (FlateDecode or none).
    func decodedStream(_ number: Int) throws(DerivativeError) -> [UInt8] {
        let (dictionary, stream) = try object(number)
        guard let stream else { throw DerivativeError(file: file, reason: "object \(number) is not a stream") }
        switch dictionary.value(of: "Filter").map(Array.init) {
        case nil: return stream
        case [.name("FlateDecode")]?, [.arrayStart, .name("FlateDecode"), .arrayEnd]?:
            guard let decoded = Zlib.decompress(stream) else {
                throw DerivativeError(file: file, reason: "object \(number)'s stream does not decompress")
            }
            return decoded
        default:
            throw DerivativeError(file: file, reason: "object \(number)'s stream has a filter sohoa does not write")
        }
    }

    private static func crossReferenceSection(
        _ bytes: [UInt8], at start: Int, file: String
    ) throws(DerivativeError) -> (entries: [(Int, Int)], trailer: [PDFToken], text: String) {
        guard start >= 0, start < bytes.count, let trailerAt = find(Array("trailer".utf8), in: bytes, from: start, within: 1 << 26),
            let endAt = find(Array("startxref".utf8), in: bytes, from: trailerAt, within: 1 << 16)
        else { throw DerivativeError(file: file, reason: "the cross-reference table at \(start) cannot be read") }
        let table = PDFToken.tokens(bytes, from: start, to: trailerAt)
        guard table.first == .keyword("xref") else {
            throw DerivativeError(
                file: file, reason: "no cross-reference table at \(start) (a cross-reference stream? not written by sohoa)")
        }
        var entries: [(Int, Int)] = []
        var index = 1
        while index + 1 < table.count, let first = table[index...].prefix(1).integer, let count = table[(index + 1)...].prefix(1).integer,
            first >= 0, count >= 0
        {
            index += 2
            for entry in 0..<count {
                guard index + 2 < table.count, let offset = table[index...].prefix(1).integer else { break }
                if case .keyword("n") = table[index + 2] { entries.append((first + entry, offset)) }
                index += 3
            }
        }
        return (
            entries, PDFToken.tokens(bytes, from: trailerAt + 7, to: endAt), String(decoding: bytes[trailerAt + 7..<endAt], as: UTF8.self)
        )
    }

    /// The index of the first occurrence of `needle` in `bytes` at or after `start`, looking at most
    /// `within` bytes ahead.
    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int, within: Int) -> Int? {
        guard !needle.isEmpty, start >= 0 else { return nil }
        let last = min(bytes.count - needle.count, start + within)
        guard last >= start else { return nil }
        var index = start
        while index <= last {
            if bytes[index] == needle[0] {
                var match = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    match = false
                    break
                }
                if match { return index }
            }
            index += 1
        }
        return nil
    }
}
