/// A page's text word by word as SQLite's search index holds it: each word's folded form (the FTS5
/// `folded` column's tokens) and, when asked for, its exact form's token (the `marks` column,
/// `MarkedWords`). The PostgreSQL search (`TSVectorSearch`) counts a query's matches in it, so that
/// its counts are the ones FTS5 gives `sohoa_rank` and `bm25()`.
struct PageWords {
    /// The folded words, as UTF-8 (FTS5 compares tokens byte by byte).
    let folded: [[UInt8]]
    /// The words' exact-form tokens (empty unless asked for).
    let tokens: [Unicode.Scalar]

    /// The words of `text` (NFC, as stored); `tokens` (given when asked for) also makes their exact
    /// forms' tokens.
    init(_ text: String, tokens memo: ExactTokenMemo?) {
        let words = DiacriticFolding.words(in: text)
        folded = words.map { Array($0.folded.utf8) }
        tokens = memo.map { memo in words.map { memo.token(of: text[$0.range]) } } ?? []
    }

    /// The number of words (the page's length in the index's folded column).
    var count: Int { folded.count }

    /// How many times `term`'s folded form occurs, as FTS5 counts a phrase's instances: a word's
    /// occurrences, a prefix's words starting with it, a phrase's starts (overlapping ones too).
    func frequency(of term: SearchQuery.Term) -> Int {
        switch term {
        case .word(let word):
            let bytes = Array(word.utf8)
            return folded.reduce(0) { $0 + ($1 == bytes ? 1 : 0) }
        case .prefix(let word):
            let bytes = Array(word.utf8)
            return folded.reduce(0) { $0 + ($1.starts(with: bytes) ? 1 : 0) }
        case .phrase(let words):
            return occurrences(of: words.map { Array($0.utf8) }, in: folded)
        }
    }

    /// How many times the exact-form tokens `sequence` (one word's, or a phrase's in order) occur.
    func frequency(ofTokens sequence: [Unicode.Scalar]) -> Int {
        occurrences(of: sequence, in: tokens)
    }

    /// The starts of `sequence` in `list`.
    private func occurrences<Element: Equatable>(of sequence: [Element], in list: [Element]) -> Int {
        guard !sequence.isEmpty, sequence.count <= list.count else { return 0 }
        var found = 0
        for start in 0...(list.count - sequence.count) where list[start] == sequence[0] {
            if list[start..<(start + sequence.count)].elementsEqual(sequence) { found += 1 }
        }
        return found
    }
}
