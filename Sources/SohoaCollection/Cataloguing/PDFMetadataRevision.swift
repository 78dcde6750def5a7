import Foundation
import SohoaText

/// Gives an item's PDF a new title and rights by an incremental update (ISO 32000-1 §7.5.6): a new
/// XMP metadata stream and a document information dictionary with the new `/Title` are appended
/// after the original bytes, which stay as they were (images, text layer, labels and bookmarks).
/// A PDF written before sohoa wrote XMP gets its catalog's `/Metadata` too.
enum PDFMetadataRevision {
    /// The bytes of the PDF at `url` (logical path `file`) with `metadata` appended.
    static func revised(_ url: URL, file: String, metadata: PDFXMPMetadata, at date: Date) throws(DerivativeError) -> Data {
        let pdf = try ArchivedPDF(url: url, file: file)
        guard let root = pdf.trailer.value(of: "Root")?.references.first else {
            throw DerivativeError(file: file, reason: "has no document catalog (/Root): not a PDF sohoa wrote")
        }
        var objects: [(number: Int, body: [UInt8])] = []
        var size = pdf.objectCount
        let catalog = try pdf.dictionaryText(root)
        if let match = catalog.firstMatch(of: /\/Metadata\s+([0-9]+)\s+0\s+R/), let number = Int(match.output.1) {
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
                    contentsOf: " /Title \(PDFText.string(metadata.title)) /ModDate \(PDFText.string(pdfDate(date)))", at: open.upperBound)
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

    /// `D:YYYYMMDDHHmmSSZ` in UTC.
    private static func pdfDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMddHHmmss"
        return "D:\(formatter.string(from: date))Z"
    }
}
