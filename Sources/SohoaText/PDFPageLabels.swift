/// The `/PageLabels` number tree of a PDF (ISO 32000-1 §12.4.2) made from each page's printed label:
/// runs of arabic or roman numbers become one numbered range, any other label (`Bìa`, `12a`) a
/// range of its own with the label as its prefix.
public enum PDFPageLabels {
    /// One range: where it starts (page index from 0) and its label dictionary.
    struct Range: Equatable {
        var firstIndex: Int
        /// `D`, `r`, `R` or `nil` (prefix only).
        var style: Character?
        var start: Int
        var prefix: String
    }

    /// The ranges for `labels` (index 0 is the first page); pages without a label get their position.
    static func ranges(_ labels: [String?]) -> [Range] {
        var ranges: [Range] = []
        var previous: (style: Character, value: Int)?
        for (index, label) in labels.enumerated() {
            let text = label ?? String(index + 1)
            let number = numbered(text)
            if let number, let last = previous, last.style == number.style, number.value == last.value + 1 {
                previous = number
                continue
            }
            if let number {
                ranges.append(Range(firstIndex: index, style: number.style, start: number.value, prefix: ""))
            } else {
                ranges.append(Range(firstIndex: index, style: nil, start: 1, prefix: text))
            }
            previous = number
        }
        return ranges
    }

    /// The dictionary text: `<< /Nums [ 0 << /P (Bìa) >> 1 << /S /r >> … ] >>`.
    public static func dictionary(_ labels: [String?]) -> String {
        let entries = ranges(labels).map { range -> String in
            var parts: [String] = []
            if let style = range.style { parts.append("/S /\(style)") }
            if !range.prefix.isEmpty { parts.append("/P \(PDFText.string(range.prefix))") }
            if range.style != nil, range.start != 1 { parts.append("/St \(range.start)") }
            return "\(range.firstIndex) << \(parts.joined(separator: " ")) >>"
        }
        return "<< /Nums [ \(entries.joined(separator: " ")) ] >>"
    }

    /// `(D, 5)` for `5`, `(r, 3)` for `iii`, `(R, 4)` for `IV`; `nil` for any other label.
    private static func numbered(_ text: String) -> (style: Character, value: Int)? {
        if let value = Int(text), value >= 1, String(value) == text { return ("D", value) }
        if let value = RomanNumeral.value(text) { return (text == text.lowercased() ? "r" : "R", value) }
        return nil
    }
}
