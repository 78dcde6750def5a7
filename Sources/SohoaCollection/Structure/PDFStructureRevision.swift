import Foundation
import SohoaArchive
import SohoaText

/// Gives a PDF that sohoa wrote new page labels and bookmarks by an incremental update (ISO 32000-1
/// §7.5.6): a new document catalog and outline objects appended after the original bytes, which stay
/// as they were (images and text layer untouched).
enum PDFStructureRevision {
    /// `pdf` with `structure`'s labels and contents; throws when the file is not in the form sohoa writes.
    static func revised(_ pdf: Data, structure: ItemStructure, path: String) throws(StructureError) -> Data {
        let bytes = [UInt8](pdf)
        func refuse(_ why: String) -> StructureError {
            StructureError(file: path, message: "the PDF cannot be updated (\(why)); it was not written by sohoa or was edited by hand")
        }
        let tail = String(decoding: bytes.suffix(2048), as: UTF8.self)
        guard let start = tail.range(of: "startxref", options: .backwards),
            let xref = Int(tail[start.upperBound...].split(whereSeparator: \.isWhitespace).first ?? "")
        else { throw refuse("no startxref") }
        guard let trailerStart = tail.range(of: "trailer", options: .backwards) else { throw refuse("no trailer") }
        let trailer = String(tail[trailerStart.upperBound..<start.lowerBound])
        guard let size = number(after: "/Size", in: trailer), let info = number(after: "/Info", in: trailer),
            let root = number(after: "/Root", in: trailer)
        else { throw refuse("a trailer without /Size, /Root or /Info") }
        let id = trailer.range(of: #"/ID\s*\[[^\]]*\]"#, options: .regularExpression).map { " " + String(trailer[$0]) } ?? ""
        guard let catalog = try objectText(root, bytes: bytes, xref: xref, refuse: refuse),
            let pagesNumber = number(after: "/Pages", in: catalog),
            let pages = try objectText(pagesNumber, bytes: bytes, xref: xref, refuse: refuse),
            let kidsRange = pages.range(of: #"/Kids\s*\[[^\]]*\]"#, options: .regularExpression)
        else { throw refuse("no page tree") }
        let kids = pages[kidsRange].matches(of: /(\d+)\s+0\s+R/).compactMap { Int($0.output.1) }
        guard !kids.isEmpty else { throw refuse("an empty page tree") }

        let outline = PDFOutline(structure.contents.pdfBookmarks, first: size, pageObjects: kids)
        var objects = outline.objects
        // The catalog keeps the document's XMP metadata (title, rights) as it was.
        let metadata = number(after: "/Metadata", in: catalog)
        // … and its PDF/A output intent.
        let outputIntent = catalog.firstMatch(of: /\/OutputIntents\s*\[\s*(\d+)\s+0\s+R/).flatMap { Int($0.output.1) }
        objects.append(
            (
                root,
                PDFOutline.catalog(
                    pages: pagesNumber, labels: structure.labels, pageCount: kids.count, outline: outline, metadata: metadata,
                    outputIntent: outputIntent)
            ))
        var output = bytes
        if output.last != 0x0A { output.append(0x0A) }
        var offsets: [(Int, Int)] = []
        for object in objects {
            offsets.append((object.number, output.count))
            output += Array("\(object.number) 0 obj\n\(object.body)\nendobj\n".utf8)
        }
        let newXref = output.count
        var table = "xref\n"
        for (number, offset) in offsets.sorted(by: { $0.0 < $1.0 }) {
            let digits = String(offset)
            table += "\(number) 1\n" + String(repeating: "0", count: max(0, 10 - digits.count)) + digits + " 00000 n \n"
        }
        let newSize = max(size, (objects.map(\.number).max() ?? 0) + 1)
        table += "trailer\n<< /Size \(newSize) /Root \(root) 0 R /Info \(info) 0 R\(id) /Prev \(xref) >>\nstartxref\n\(newXref)\n%%EOF\n"
        output += Array(table.utf8)
        return Data(output)
    }

    private static func number(after key: String, in text: String) -> Int? {
        guard let range = text.range(of: key + #"\s+(\d+)"#, options: .regularExpression) else { return nil }
        return Int(text[range].dropFirst(key.count).trimmingCharacters(in: .whitespaces))
    }

    /// The dictionary text of object `wanted` (found through the cross-reference tables, newest first).
    private static func objectText(
        _ wanted: Int, bytes: [UInt8], xref: Int, refuse: (String) -> StructureError
    ) throws(StructureError) -> String? {
        var section: Int? = xref
        var visited = Set<Int>()
        while let at = section, visited.insert(at).inserted {
            guard at >= 0, at < bytes.count else { throw refuse("a cross-reference offset outside the file") }
            let text = String(decoding: bytes[at..<min(bytes.count, at + 64 + 20 * 4096)], as: UTF8.self)
            guard text.hasPrefix("xref"), let trailer = text.range(of: "trailer") else { throw refuse("no xref table at \(at)") }
            var lines = text[..<trailer.lowerBound].split(whereSeparator: { $0 == "\n" || $0 == "\r" }).dropFirst().makeIterator()
            while let header = lines.next() {
                let parts = header.split(separator: " ")
                guard parts.count == 2, let first = Int(parts[0]), let count = Int(parts[1]) else { break }
                for index in 0..<count {
                    guard let entry = lines.next() else { break }
                    if first + index == wanted, entry.hasSuffix("n") || entry.hasSuffix("n "),
                        let offset = Int(entry.prefix(10))
                    {
                        let end = min(bytes.count, offset + 65536)
                        let object = String(decoding: bytes[offset..<end], as: UTF8.self)
                        return object.range(of: "endobj").map { String(object[..<$0.lowerBound]) } ?? object
                    }
                }
            }
            let rest = text[trailer.upperBound...]
            section = number(after: "/Prev", in: String(rest.prefix { $0 != "%" }))
        }
        return nil
    }
}
