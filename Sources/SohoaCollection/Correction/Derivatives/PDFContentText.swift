/// The invisible text of one page's content stream as sohoa's PDF writer lays it out: the image
/// drawn first, then per line a font size (`Tf`) and per word a position, a horizontal stretch and
/// the word's codes (`1 0 0 1 x y Tm s Tz [ <…> ] TJ`).
struct PDFContentText {
    /// One line of invisible text, in points.
    struct Line {
        var fontSize: Double
        var baseline: Double
        /// Where the first word starts and the last one ends.
        var left: Double
        var right: Double
    }

    /// What comes before the text (the image drawn over the page), kept as it is.
    var prefix: String
    /// The page size in points, from the image's placement (`W 0 0 H 0 0 cm`).
    var pageWidth: Double
    var pageHeight: Double
    /// The font resource the text uses.
    var fontName: String
    /// The lines, in order.
    var lines: [Line]

    /// Reads a decoded content stream written by sohoa.
    init?(_ content: String, defaultFont: String) {
        var prefix = "", lines: [Line] = [], fontName: String?
        var fontSize = 0.0, inText = false
        var width = 0.0, height = 0.0
        for raw in content.split(separator: "\n", omittingEmptySubsequences: true) {
            let tokens = raw.split(separator: " ")
            if !inText {
                if raw == "BT" {
                    inText = true
                    continue
                }
                prefix += raw + "\n"
                if let cm = tokens.firstIndex(of: "cm"), cm >= 6, let w = Double(tokens[cm - 6]), let h = Double(tokens[cm - 3]) {
                    width = w
                    height = h
                }
                continue
            }
            if tokens.last == "Tf", tokens.count == 3, let size = Double(tokens[1]) {
                fontName = String(tokens[0].dropFirst())
                fontSize = size
                lines.append(Line(fontSize: size, baseline: 0, left: .infinity, right: -.infinity))
            } else if tokens.last == "TJ", tokens.count == 12, !lines.isEmpty, let x = Double(tokens[4]), let y = Double(tokens[5]),
                let stretch = Double(tokens[7])
            {
                let units = Double(tokens[9].count - 2) / 4
                let wordWidth = stretch / 100 * units * fontSize * PDFContentText.glyphWidth
                lines[lines.count - 1].baseline = y
                lines[lines.count - 1].left = min(lines[lines.count - 1].left, x)
                lines[lines.count - 1].right = max(lines[lines.count - 1].right, x + wordWidth)
            }
        }
        guard width > 0, height > 0 else { return nil }
        self.prefix = prefix
        pageWidth = width
        pageHeight = height
        self.fontName = fontName ?? defaultFont
        self.lines = lines.filter { $0.right > $0.left }
    }

    /// The glyphless font's advance, in ems (every glyph is half an em wide).
    static let glyphWidth = 0.5
}
