import SohoaCatalog

/// A search hit's snippet as HTML: the text escaped, each matched word in `<mark>`.
enum SnippetHTML {
    static func html(_ hit: SearchHit) -> HTML {
        let snippet = hit.snippet
        var markup = ""
        markup.reserveCapacity(snippet.utf8.count + 13 * hit.highlights.count)
        var position = snippet.startIndex
        for range in hit.highlights where range.lowerBound >= position && range.upperBound <= snippet.endIndex {
            HTML.appendEscaped(snippet[position..<range.lowerBound], to: &markup)
            markup += "<mark>"
            HTML.appendEscaped(snippet[range], to: &markup)
            markup += "</mark>"
            position = range.upperBound
        }
        HTML.appendEscaped(snippet[position...], to: &markup)
        return HTML(trusted: markup)
    }

    /// The highlights as UTF-16 offsets `[start, end)` into the snippet (what JavaScript strings index).
    static func utf16Ranges(_ hit: SearchHit) -> [[Int]] {
        let utf16 = hit.snippet.utf16
        return hit.highlights.map { range in
            [utf16.distance(from: utf16.startIndex, to: range.lowerBound), utf16.distance(from: utf16.startIndex, to: range.upperBound)]
        }
    }
}
