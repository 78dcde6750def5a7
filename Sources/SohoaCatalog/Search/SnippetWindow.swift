/// Narrows a page's text to the part around its first match before `Snippet` reads it, so that a
/// result page folds a few dozen words per hit instead of whole pages.
///
/// The FTS index keeps each page's folded text, and folding never makes or removes white space, so
/// the white-space-separated tokens of the folded text and of the original line up one to one: the
/// first token of the folded text holding a query word gives the place in the original.
enum SnippetWindow {
    /// Tokens kept before the first match: as many as `Snippet` may show before a match near the end
    /// of a text (`wordCount`), so it cuts, and marks the cut, exactly as it would in the whole text.
    static let tokensBefore = Snippet.wordCount
    /// Tokens kept from the first match on: more than `Snippet.wordCount`.
    static let tokensAfter = 48

    /// The snippet of `original` for `query`, cut from a window around the first match found in
    /// `folded`; the whole text is used when no window can be found or the window shows no match.
    static func snippet(original: String, folded: String?, query: SearchQuery) -> Snippet {
        if let folded, let window = window(original: original, folded: folded, query: query) {
            let snippet = Snippet(original: String(window), query: query)
            if !snippet.highlights.isEmpty { return snippet }
        }
        return Snippet(original: original, query: query)
    }

    /// The part of `original` around the first token of `folded` that holds a word of `query`; `nil`
    /// when the whole text is short anyway, or the tokens do not line up.
    static func window(original: String, folded: String, query: SearchQuery) -> Substring? {
        var first: Int?
        let count = WhiteSpaceTokens.forEach(in: folded) { index, token in
            if first == nil, contains(folded[token].unicodeScalars, query) { first = index }
        }
        guard count > tokensBefore + tokensAfter, let first else { return nil }
        let startToken = max(0, first - tokensBefore)
        let lastToken = min(count, first + tokensAfter) - 1
        var start: String.Index?
        var end: String.Index?
        let originalCount = WhiteSpaceTokens.forEach(in: original) { index, token in
            if index == startToken { start = token.lowerBound }
            if index == lastToken { end = token.upperBound }
        }
        guard originalCount == count, let start, let end else { return nil }
        return original[start..<end]
    }

    /// Whether a folded token holds a word that a term of `query` matches (a phrase by its first word).
    private static func contains(_ token: Substring.UnicodeScalarView, _ query: SearchQuery) -> Bool {
        let words = token.split { !isWordScalar($0) }.map(Substring.init)
        return words.contains { word in
            query.terms.contains { term in
                switch term {
                case .word(let wanted): word == wanted
                case .prefix(let wanted): word.hasPrefix(wanted)
                case .phrase(let wanted): wanted.first.map { word == $0 } ?? false
                }
            }
        }
    }

    /// Whether a scalar is a letter or a digit (ASCII ones without looking up Unicode properties).
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
