import Foundation

/// A PDF as sohoa writes it (classic cross-reference tables, one incremental update per correction),
/// read just enough to find each page's content stream and the font's ToUnicode map. Only the parts
/// needed are read from the file, so an item PDF of any size costs little memory.
final class ArchivedPDF {
    /// The file.
    let url: URL
    /// Its logical path in the archive, for messages.
    let file: String
    /// Its size in bytes.
    let size: Int
    /// Where each object starts; the newest cross-reference section wins.
    private(set) var offsets: [Int: Int] = [:]
    /// The newest trailer dictionary.
    private(set) var trailer: [PDFToken] = []
    /// The newest trailer's `/ID` array as written (`[ <…> <…> ]`), if any.
    private(set) var identifier: String?
    /// Where the newest cross-reference section starts (the next update's `/Prev`).
    private(set) var lastCrossReference = 0
    private let handle: FileHandle

    /// Opens `url` and reads its cross-reference sections from the last one back through `/Prev`.
    init(url: URL, file: String) throws(DerivativeError) {
        self.url = url
        self.file = file
        do {
            handle = try FileHandle(forReadingFrom: url)
            size = Int(try handle.seekToEnd())
        } catch {
            throw DerivativeError(file: file, reason: "cannot be read (\(error))")
        }
        let tail = String(decoding: try read(at: max(0, size - 1024), count: 1024), as: UTF8.self)
        guard let marker = tail.range(of: "startxref", options: .backwards),
            let start = Int(tail[marker.upperBound...].split(whereSeparator: \.isWhitespace).first ?? "")
        else { throw DerivativeError(file: file, reason: "no startxref at the end: not a PDF sohoa wrote, or cut short") }
        lastCrossReference = start
        var next: Int? = start
        var seen: Set<Int> = []
        var newest = true
        while let section = next, seen.insert(section).inserted {
            let (entries, trailer, text) = try crossReferenceSection(at: section)
            for (number, offset) in entries where offsets[number] == nil { offsets[number] = offset }
            if newest {
                newest = false
                self.trailer = trailer
                if let id = text.range(of: "/ID"), let open = text[id.upperBound...].firstIndex(of: "["),
                    let close = text[open...].firstIndex(of: "]")
                {
                    identifier = String(text[open...close])
                }
            }
            next = trailer.value(of: "Prev")?.integer
        }
    }

    deinit { try? handle.close() }

    /// Up to `count` bytes from `offset`.
    func read(at offset: Int, count: Int) throws(DerivativeError) -> [UInt8] {
        guard offset >= 0, offset <= size else { throw DerivativeError(file: file, reason: "has no byte \(offset)") }
        do {
            try handle.seek(toOffset: UInt64(offset))
            return [UInt8](try handle.read(upToCount: min(count, size - offset)) ?? Data())
        } catch {
            throw DerivativeError(file: file, reason: "cannot be read at \(offset) (\(error))")
        }
    }

    /// The object count the next update's `/Size` starts from.
    var objectCount: Int { trailer.value(of: "Size")?.integer ?? (offsets.keys.max() ?? 0) + 1 }

    /// The page objects, in page order (the catalog's page tree, one level as sohoa writes it).
    func pageObjects() throws(DerivativeError) -> [Int] {
        guard let root = trailer.value(of: "Root")?.references.first,
            let pages = try object(root).dictionary.value(of: "Pages")?.references.first,
            let kids = try object(pages).dictionary.value(of: "Kids")
        else { throw DerivativeError(file: file, reason: "no page tree") }
        return kids.references
    }

    /// An object's dictionary as written (`<< … >>`).
    func dictionaryText(_ number: Int) throws(DerivativeError) -> String {
        let (bytes, open, end, _) = try dictionaryBounds(number)
        return String(decoding: bytes[open..<end], as: UTF8.self)
    }

    /// The incremental update that appends `objects` to this file (with a cross-reference section and
    /// a trailer pointing back to the previous one); `size` when new objects are added past `objectCount`.
    func update(appending objects: [(number: Int, body: [UInt8])], size newSize: Int? = nil) throws(DerivativeError) -> [UInt8] {
        var out: [UInt8] = try read(at: max(0, size - 1), count: 1) == [0x0A] ? [] : [0x0A]
        var entries: [(Int, Int)] = []
        for object in objects.sorted(by: { $0.number < $1.number }) {
            entries.append((object.number, size + out.count))
            out += Array("\(object.number) 0 obj\n".utf8) + object.body + Array("endobj\n".utf8)
        }
        let crossReference = size + out.count
        var text = "xref\n"
        for (number, offset) in entries {
            let digits = String(offset)
            text += "\(number) 1\n" + String(repeating: "0", count: max(0, 10 - digits.count)) + digits + " 00000 n \n"
        }
        var trailer = "<< /Size \(max(newSize ?? 0, objectCount))"
        if let root = self.trailer.value(of: "Root")?.references.first { trailer += " /Root \(root) 0 R" }
        if let info = self.trailer.value(of: "Info")?.references.first { trailer += " /Info \(info) 0 R" }
        if let identifier { trailer += " /ID \(identifier)" }
        trailer += " /Prev \(lastCrossReference) >>"
        text += "trailer\n\(trailer)\nstartxref\n\(crossReference)\n%%EOF\n"
        return out + Array(text.utf8)
    }

    /// An object's dictionary tokens and, for a stream, its data (still encoded).
    func object(_ number: Int) throws(DerivativeError) -> (dictionary: [PDFToken], stream: [UInt8]?) {
        let (bytes, open, index, offset) = try dictionaryBounds(number)
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
        guard let length = dictionary.value(of: "Length")?.integer, length >= 0, offset + data + length <= size else {
            throw DerivativeError(file: file, reason: "object \(number)'s stream has no usable /Length")
        }
        return (dictionary, try read(at: offset + data, count: length))
    }

    /// The bytes read from object `number`'s start, where its dictionary opens and ends, and the object's offset.
    private func dictionaryBounds(_ number: Int) throws(DerivativeError) -> (bytes: [UInt8], open: Int, end: Int, offset: Int) {
        guard let offset = offsets[number], offset >= 0, offset < size else {
            throw DerivativeError(file: file, reason: "object \(number) is missing")
        }
        let bytes = try read(at: offset, count: 1 << 16)
        guard let open = Self.find(Array("<<".utf8), in: bytes, from: 0, within: 64) else {
            throw DerivativeError(file: file, reason: "object \(number) is missing")
        }
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
        return (bytes, open, index, offset)
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

    private func crossReferenceSection(
        at start: Int
    ) throws(DerivativeError) -> (entries: [(Int, Int)], trailer: [PDFToken], text: String) {
        let bytes = try read(at: start, count: 1 << 24)
        guard let trailerAt = Self.find(Array("trailer".utf8), in: bytes, from: 0, within: bytes.count),
            let endAt = Self.find(Array("startxref".utf8), in: bytes, from: trailerAt, within: 1 << 16)
        else { throw DerivativeError(file: file, reason: "the cross-reference table at \(start) cannot be read") }
        let table = PDFToken.tokens(bytes, from: 0, to: trailerAt)
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
