import SohoaCatalog

/// A search hit's snippet as HTML: the text escaped, each matched word in `<mark>`.
enum SnippetHTML {
    static func html(_ hit: SearchHit) -> HTML {
        var pieces: [HTML] = []
        var position = hit.snippet.startIndex
        for range in hit.highlights where range.lowerBound >= position && range.upperBound <= hit.snippet.endIndex {
            pieces.append("\(String(hit.snippet[position..<range.lowerBound]))<mark>\(String(hit.snippet[range]))</mark>")
            position = range.upperBound
        }
        pieces.append("\(String(hit.snippet[position...]))")
        return HTML.join(pieces)
    }

    /// The highlights as UTF-16 offsets `[start, end)` into the snippet (what JavaScript strings index).
    static func utf16Ranges(_ hit: SearchHit) -> [[Int]] {
        let utf16 = hit.snippet.utf16
        return hit.highlights.map { range in
            [utf16.distance(from: utf16.startIndex, to: range.lowerBound), utf16.distance(from: utf16.startIndex, to: range.upperBound)]
        }
    }
}
