/// The part of a page's original text shown for a search hit, with the matched words located in it.
struct Snippet: Equatable {
    var text: String
    var highlights: [Range<String.Index>]

    /// Words shown before the first match.
    static let wordsBefore = 8
    /// Words shown in all.
    static let wordCount = 32

    /// Cuts a snippet of `original` around the first match of `query`, marking every match in it.
    /// Runs of white space (line breaks included) become one space.
    init(original: String, query: SearchQuery) {
        let words = DiacriticFolding.words(in: original)
        let matches = Self.matches(of: query, in: words)
        guard !words.isEmpty else {
            self.init(text: "", highlights: [])
            return
        }
        let first = matches.first?.lowerBound ?? 0
        // Up to `wordsBefore` words before the match, more if the text ends before the window does.
        let startWord = max(0, min(first - Self.wordsBefore, words.count - Self.wordCount))
        let endWord = min(words.count, max(startWord + Self.wordCount, matches.first?.upperBound ?? 0))
        let start = startWord == 0 ? original.startIndex : words[startWord].range.lowerBound
        let end = endWord == words.count ? original.endIndex : words[endWord - 1].range.upperBound

        let shown = matches.filter { $0.lowerBound >= startWord && $0.upperBound <= endWord }.map {
            words[$0.lowerBound].range.lowerBound..<words[$0.upperBound - 1].range.upperBound
        }
        self.init(
            original: original, from: start, to: end, highlights: shown,
            cutBefore: startWord > 0, cutAfter: endWord < words.count)
    }

    init(text: String, highlights: [Range<String.Index>]) {
        self.text = text
        self.highlights = highlights
    }

    /// Copies `original[from..<to]`, collapsing white space, and maps `highlights` into the copy.
    private init(
        original: String, from start: String.Index, to end: String.Index, highlights: [Range<String.Index>],
        cutBefore: Bool, cutAfter: Bool
    ) {
        var text = cutBefore ? "…" : ""
        var offsets: [Range<Int>] = []
        var pending = highlights[...]
        var openedAt: Int?
        var index = start
        var lastWasSpace = true
        // Read scalar by scalar where each character is one (see `DiacriticFolding.isOneScalarPerCharacter`).
        let byScalar = DiacriticFolding.isOneScalarPerCharacter(original[start..<end])
        let scalars = original.unicodeScalars
        while index < end {
            if let next = pending.first {
                if openedAt == nil, index == next.lowerBound { openedAt = text.utf8.count }
            }
            if byScalar {
                let scalar = scalars[index]
                if scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace {
                    if !lastWasSpace { text.append(" ") }
                    lastWasSpace = true
                } else {
                    text.unicodeScalars.append(scalar)
                    lastWasSpace = false
                }
                index = scalars.index(after: index)
            } else {
                let character = original[index]
                if character.isWhitespace {
                    if !lastWasSpace { text.append(" ") }
                    lastWasSpace = true
                } else {
                    text.append(character)
                    lastWasSpace = false
                }
                index = original.index(after: index)
            }
            if let opened = openedAt, let next = pending.first, index == next.upperBound {
                offsets.append(opened..<text.utf8.count)
                openedAt = nil
                pending = pending.dropFirst()
            }
        }
        if text.last == " " { text.removeLast() }
        if cutAfter { text += "…" }
        let utf8 = text.utf8
        self.text = text
        self.highlights = offsets.map {
            utf8.index(utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound)
        }
    }

    /// Word-index ranges where `query` matches, in order, overlapping ones merged.
    static func matches(of query: SearchQuery, in words: [DiacriticFolding.Word]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        for index in words.indices {
            let word = words[index].folded
            for term in query.terms {
                switch term {
                case .word(let wanted) where word == wanted:
                    found.append(index..<index + 1)
                case .prefix(let wanted) where word.hasPrefix(wanted):
                    found.append(index..<index + 1)
                case .phrase(let wanted) where index + wanted.count <= words.count:
                    if zip(words[index..<index + wanted.count], wanted).allSatisfy({ $0.folded == $1 }) {
                        found.append(index..<index + wanted.count)
                    }
                default:
                    break
                }
            }
        }
        found.sort { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
        var merged: [Range<Int>] = []
        for range in found {
            if let last = merged.last, range.lowerBound < last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }
}
