import SohoaText

/// The content stream of one searchable PDF page: the image drawn over the whole page, then the
/// recognized words in invisible text (render mode 3) in the glyphless font.
///
/// Every glyph of the glyphless font is `PDFGlyphlessFont.glyphWidth` thousandths of an em wide, so
/// a word of n UTF-16 code units at font size s is n·s/2 points wide before horizontal scaling;
/// `Tz` stretches it to the word's box, extended over the gap to the next word, which is filled by
/// an explicit space. Text extractors then see the words, their order and their spaces exactly.
struct PDFTextLayer {
    /// Page size in points.
    var pageWidth: Double
    var pageHeight: Double
    /// Points per unit of the `PageText` coordinates, horizontally and vertically.
    var scaleX: Double
    var scaleY: Double

    /// The content stream for `text`, with the image named `imageName` drawn beneath it.
    /// Characters outside the BMP get codes from `codes`, shared by the whole document.
    func contentStream(text: PageText, imageName: String, codes: inout SupplementaryCodes) -> String {
        var out = "q \(PDFText.number(pageWidth)) 0 0 \(PDFText.number(pageHeight)) 0 0 cm /\(imageName) Do Q\n"
        let lines = text.blocks.flatMap(\.paragraphs).flatMap(\.lines).filter { !$0.words.isEmpty }
        guard !lines.isEmpty else { return out }
        out += "BT\n3 Tr\n"
        for line in lines {
            let fontSize = max(1, Double(line.box.height) * scaleY)
            let baseline = pageHeight - Double(line.box.y + line.box.height) * scaleY
            out += "/\(PDFGlyphlessFont.resourceName) \(PDFText.number(fontSize)) Tf\n"
            for (index, word) in line.words.enumerated() {
                let isLast = index == line.words.count - 1
                var units = word.text.unicodeScalars.map { codes.code(for: $0) }
                if !isLast { units.append(0x20) }
                guard !units.isEmpty else { continue }
                let x = Double(word.box.x) * scaleX
                var width = Double(word.box.width) * scaleX
                if !isLast {
                    width = max(width, Double(line.words[index + 1].box.x) * scaleX - x)
                }
                let natural = Double(units.count) * fontSize * Double(PDFGlyphlessFont.glyphWidth) / 1000
                let stretch = width > 0 ? 100 * width / natural : 100
                let hex = units.map(PDFText.hex).joined()
                out += "1 0 0 1 \(PDFText.number(x)) \(PDFText.number(baseline)) Tm \(PDFText.number(stretch)) Tz [ <\(hex)> ] TJ\n"
            }
        }
        out += "ET\n"
        return out
    }
}
