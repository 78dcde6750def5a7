import Foundation
import SohoaArchive
import SohoaText

/// Rewrites the invisible text of some pages of an item's PDF after corrections, as an incremental
/// update appended to the file: the images and every other page stay byte for byte as they were.
///
/// Each corrected word is placed on its line as the PDF had the line (its baseline, font size and
/// extent), at the horizontal position its ALTO box has within the ALTO line, so a reader selecting
/// text finds the words where they are printed. When the corrected page has a different number of
/// lines than the PDF's, the ALTO boxes are scaled onto the page instead.
enum PDFTextLayerRevision {
    /// The font resource sohoa's writer names its glyphless font.
    static let fontName = "f-0-0"

    /// Writes `pdf` with pages (0-based index → corrected ALTO) rewritten to `output`: a copy of the
    /// file with the update appended.
    static func revise(_ pdf: ArchivedPDF, pages: [Int: ALTOPage], to output: URL) throws(DerivativeError) {
        let file = pdf.file
        let pageObjects = try pdf.pageObjects()
        var objects: [(number: Int, body: [UInt8])] = []
        var toUnicode: (number: Int, cmap: String, codes: SupplementaryMap)?
        for (index, alto) in pages.sorted(by: { $0.key < $1.key }) {
            guard index >= 0, index < pageObjects.count else {
                throw DerivativeError(file: file, reason: "has \(pageObjects.count) pages; page \(index + 1) cannot be corrected")
            }
            let page = try pdf.object(pageObjects[index]).dictionary
            guard let content = page.value(of: "Contents")?.references.first else {
                throw DerivativeError(file: file, reason: "page \(index + 1) has no content stream")
            }
            if toUnicode == nil, let found = try Self.toUnicode(of: page, in: pdf) { toUnicode = found }
            let decoded = String(decoding: try pdf.decodedStream(content), as: UTF8.self)
            guard let old = PDFContentText(decoded, defaultFont: fontName) else {
                throw DerivativeError(file: file, reason: "page \(index + 1)'s content is not laid out as sohoa writes it")
            }
            var codes = toUnicode?.codes ?? SupplementaryMap(cmap: "")
            let stream = Self.contentStream(old: old, alto: alto, codes: &codes)
            if toUnicode != nil { toUnicode?.codes = codes }
            guard let compressed = Zlib.compress(Array(stream.utf8)) else {
                throw DerivativeError(file: file, reason: "zlib could not compress page \(index + 1)'s text: check free memory")
            }
            objects.append((content, streamObject("/Filter /FlateDecode", compressed)))
        }
        if let toUnicode, !toUnicode.codes.added.isEmpty {
            guard let compressed = Zlib.compress(Array(toUnicode.codes.extending(toUnicode.cmap).utf8)) else {
                throw DerivativeError(file: file, reason: "zlib could not compress the ToUnicode map: check free memory")
            }
            objects.append((toUnicode.number, streamObject("/Filter /FlateDecode", compressed)))
        }
        let update = try pdf.update(appending: objects)
        do {
            try FileManager.default.copyItem(at: pdf.url, to: output)
            let handle = try FileHandle(forWritingTo: output)
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: update)
            try handle.synchronize()
        } catch {
            throw DerivativeError(
                file: file, reason: "the revised copy cannot be written to \(output.path) (\(error)): check free disk space")
        }
    }

    /// The page's new content: the image as before, then the corrected words.
    static func contentStream(old: PDFContentText, alto: ALTOPage, codes: inout SupplementaryMap) -> String {
        var out = old.prefix
        let lines = alto.lines.filter { !$0.words.isEmpty }
        guard !lines.isEmpty else { return out }
        out += "BT\n3 Tr\n"
        let sameLines = lines.count == old.lines.count
        let scaleX = old.pageWidth / Double(max(1, alto.width)), scaleY = old.pageHeight / Double(max(1, alto.height))
        for (index, line) in lines.enumerated() {
            let left = line.words.map(\.box.x).min() ?? line.box.x
            let right = line.words.map(\.box.right).max() ?? line.box.right
            let target: PDFContentText.Line =
                sameLines
                ? old.lines[index]
                : PDFContentText.Line(
                    fontSize: max(1, Double(line.box.height) * scaleY),
                    baseline: old.pageHeight - Double(line.box.y + line.box.height) * scaleY,
                    left: Double(left) * scaleX, right: Double(right) * scaleX)
            let span = Double(max(1, right - left))
            func position(_ x: Int) -> Double { target.left + Double(x - left) / span * (target.right - target.left) }
            out += "/\(old.fontName) \(PDFText.number(target.fontSize)) Tf\n"
            for (number, word) in line.words.enumerated() {
                let isLast = number == line.words.count - 1
                var units = word.content.unicodeScalars.map { codes.code(for: $0) }
                if !isLast { units.append(0x20) }
                guard !units.isEmpty else { continue }
                let x = position(word.box.x)
                let end = isLast ? position(word.box.right) : max(position(word.box.right), position(line.words[number + 1].box.x))
                let natural = Double(units.count) * target.fontSize * PDFContentText.glyphWidth
                let stretch = end > x ? 100 * (end - x) / natural : 100
                let hex = units.map(PDFText.hex).joined()
                out += "1 0 0 1 \(PDFText.number(x)) \(PDFText.number(target.baseline)) Tm \(PDFText.number(stretch)) Tz [ <\(hex)> ] TJ\n"
            }
        }
        out += "ET\n"
        return out
    }

    /// The ToUnicode map of the page's font: its object number, its text and its supplementary codes.
    private static func toUnicode(
        of page: [PDFToken], in pdf: ArchivedPDF
    ) throws(DerivativeError) -> (number: Int, cmap: String, codes: SupplementaryMap)? {
        guard let resources = page.value(of: "Resources"), let fonts = Array(resources).value(of: "Font"),
            let font = Array(fonts).value(of: fontName)?.references.first,
            let number = try pdf.object(font).dictionary.value(of: "ToUnicode")?.references.first
        else { return nil }
        let cmap = String(decoding: try pdf.decodedStream(number), as: UTF8.self)
        return (number, cmap, SupplementaryMap(cmap: cmap))
    }

    private static func streamObject(_ entries: String, _ data: [UInt8]) -> [UInt8] {
        Array("<< /Length \(data.count) \(entries) >>\nstream\n".utf8) + data + Array("\nendstream\n".utf8)
    }
}
