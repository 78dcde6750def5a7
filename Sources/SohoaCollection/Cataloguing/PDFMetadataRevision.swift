import Foundation
import SohoaText

/// Gives an item's PDF a new title and rights by an incremental update (ISO 32000-1 §7.5.6): a new
/// XMP metadata stream and a document information dictionary with the new `/Title` are appended
/// after the original bytes, which stay as they were (images, text layer, labels and bookmarks).
/// A PDF written before sohoa wrote XMP gets its catalog's `/Metadata` too.
///
/// The new packet keeps the old one's producer, creation date and PDF/A claim, and its modification
/// date is the document information's new `/ModDate`, so a PDF/A file stays one.
enum PDFMetadataRevision {
    /// The bytes of the PDF at `url` (logical path `file`) with `metadata` appended.
    static func revised(_ url: URL, file: String, metadata new: PDFXMPMetadata, at date: Date) throws(DerivativeError) -> Data {
        let pdf = try ArchivedPDF(url: url, file: file)
        guard let root = pdf.trailer.value(of: "Root")?.references.first else {
            throw DerivativeError(file: file, reason: "has no document catalog (/Root): not a PDF sohoa wrote")
        }
        var objects: [(number: Int, body: [UInt8])] = []
        var size = pdf.objectCount
        let catalog = try pdf.dictionaryText(root)
        var metadata = new
        metadata.modified = date
        if let match = catalog.firstMatch(of: /\/Metadata\s+([0-9]+)\s+0\s+R/), let number = Int(match.output.1) {
            let old = String(decoding: try pdf.object(number).stream ?? [], as: UTF8.self)
            Self.carry(from: old, into: &metadata)
            objects.append((number, metadata.streamObject))
        } else {
            objects.append((size, metadata.streamObject))
            guard let open = catalog.range(of: "<<") else { throw DerivativeError(file: file, reason: "its catalog is not a dictionary") }
            var text = catalog
            text.insert(contentsOf: " /Metadata \(size) 0 R", at: open.upperBound)
            objects.append((root, Array((text + "\n").utf8)))
            size += 1
        }
        if let info = pdf.trailer.value(of: "Info")?.references.first {
            var text = try pdf.dictionaryText(info)
            for key in ["Title", "ModDate"] {
                if let range = text.range(of: "/\(key)\\s*(\\((\\\\.|[^\\\\)])*\\)|<[0-9A-Fa-f\\s]*>)", options: .regularExpression) {
                    text.removeSubrange(range)
                }
            }
            if let open = text.range(of: "<<") {
                text.insert(
                    contentsOf: " /Title \(PDFText.string(metadata.title)) /ModDate \(PDFText.string(PDFXMPMetadata.pdfDate(date)))",
                    at: open.upperBound)
            }
            objects.append((info, Array((text + "\n").utf8)))
        }
        let update = try pdf.update(appending: objects, size: size)
        do {
            var output = try Data(contentsOf: url, options: .mappedIfSafe)
            output.append(contentsOf: update)
            return output
        } catch {
            throw DerivativeError(file: file, reason: "cannot be read (\(error))")
        }
    }

    /// Copies what the old packet says about the file itself (producer, creation, PDF/A part) into `metadata`.
    static func carry(from old: String, into metadata: inout PDFXMPMetadata) {
        func value(_ element: String) -> String? {
            guard let open = old.range(of: "<\(element)>"),
                let close = old.range(of: "</\(element)>", range: open.upperBound..<old.endIndex)
            else { return nil }
            var text = String(old[open.upperBound..<close.lowerBound])
            for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&amp;", "&")] {
                text = text.replacingOccurrences(of: entity, with: character)
            }
            return text
        }
        if let producer = value("pdf:Producer") { metadata.producer = producer }
        if let created = value("xmp:CreateDate").flatMap(PDFXMPMetadata.date(xmp:)) { metadata.created = created }
        if let part = value("pdfaid:part").flatMap({ Int($0) }) { metadata.pdfaPart = part }
    }
}
