import Foundation

/// A user's search text turned into terms, and the FTS5 `MATCH` expression built from them.
///
/// Nothing the user types is passed to FTS5 as syntax: every term is a quoted FTS5 string, so
/// quotes, `*`, `NEAR`, `-`, `:`, parentheses and `AND/OR/NOT` are just words or separators.
/// Plain words must all match, in any order; `"quoted phrases"` must match as phrases; the last
/// plain word also matches as a prefix when it has at least two letters (`"dai hoc"` finds "Đại
/// học", `"dai ho"` too; `"dai h"` looks for the word "h": a one-letter prefix has no index and would
/// read every word of the index that starts with that letter). At most `maximumWords` words are
/// used, phrases' words included.
///
/// Every term looks in the index's `folded` column (`folded : "thu"`): the `marks` column is read only
/// for exact forms.
///
/// Ranking by marks (issue 18): a word typed with marks (tone marks, `đ`, `ư`…) also looks for its
/// exact form in the index's `marks` column (`MarkedWords`), as an alternative that adds no page: the
/// term `đường` is `(folded : "duong" OR marks : "<token>")`, and `SearchScan` ranks the pages where
/// it is written `đường` before those where it is `dương` or `Đương`. A phrase with a marked word looks
/// for the exact forms of all its words. Words typed without marks match every form alike. The last
/// word, matched as a prefix, is taken as written too: `đại họ` ranks "họ" above "học" and "hổ" (a
/// search is sent finished; ranking a longer word with the word typed would rank "đại" or "dân" with
/// "đá" for the one-word search `đá`).
struct SearchQuery: Equatable {
    /// One thing the text must contain.
    enum Term: Equatable {
        /// A word, matched whole.
        case word(String)
        /// A word, matched as the start of a word.
        case prefix(String)
        /// Words in this order, next to each other.
        case phrase([String])
    }

    /// At most this many words are used (a phrase's words count one by one); more add nothing but cost.
    static let maximumWords = 16
    /// The shortest last word matched as a prefix: the FTS5 table's prefix indexes start at 2 letters.
    static let minimumPrefixLength = 2
    /// The longest prefix the FTS5 table indexes (`prefix = '2 3 4 5 6'`, migration `v-search-fast`).
    static let longestIndexedPrefix = 6

    var terms: [Term]
    /// For each term, the tokens of its words' exact forms (space-separated for a phrase) when a word
    /// of it carries marks and ranking by marks is on; `nil` otherwise.
    private(set) var exactTokens: [String?]
    /// The words the text had, before any were dropped for `maximumWords`.
    private(set) var wordCount = 0

    /// Whether marked words rank their exact forms first: on, unless the environment variable
    /// `SOHOA_SEARCH_RANKING` is `folded` (the ranking before issue 18, kept for
    /// `scripts/search-eval.sh`, which prints both side by side).
    static let ranksByMarks = ProcessInfo.processInfo.environment["SOHOA_SEARCH_RANKING"] != "folded"

    /// One FTS5 phrase of the match expression: the term it belongs to, and what of the term it is.
    struct Phrase: Equatable {
        /// What a phrase of a term looks for.
        enum Role: Equatable {
            /// The term's folded form (a prefix as a prefix): what finds the pages and bm25 weighs.
            case folded
            /// The term's exact form, in the `marks` column.
            case exact
        }

        var term: Int
        var role: Role
    }

    /// Parses search text: `"` opens and closes a phrase (an unclosed one runs to the end).
    init(_ text: String, ranksByMarks: Bool = SearchQuery.ranksByMarks) {
        var terms: [Term] = []
        var exact: [[MarkedWord]] = []
        var segment = ""
        var inQuotes = false
        var lastIsPlainWord = false

        func flush() {
            let found = DiacriticFolding.words(in: segment)
            let words = found.map(\.folded)
            let marked = found.map { word in MarkedWord(exactForm: MarkedWords.exactForm(segment[word.range])) }
            segment = ""
            if inQuotes {
                if words.count == 1 {
                    terms.append(.word(words[0]))
                    exact.append(marked)
                } else if words.count > 1 {
                    terms.append(.phrase(words))
                    exact.append(marked)
                }
                if !words.isEmpty { lastIsPlainWord = false }
            } else if !words.isEmpty {
                terms.append(contentsOf: words.map(Term.word))
                exact.append(contentsOf: marked.map { [$0] })
                lastIsPlainWord = true
            }
        }

        for character in text {
            if character == "\"" || character == "“" || character == "”" {
                flush()
                inQuotes.toggle()
            } else {
                segment.append(character)
            }
        }
        flush()
        if lastIsPlainWord, case .word(let last)? = terms.last, last.count >= Self.minimumPrefixLength {
            terms[terms.count - 1] = .prefix(last)
        }
        let kept = Self.limited(terms, toWords: Self.maximumWords)
        self.terms = kept
        wordCount = terms.reduce(0) { $0 + $1.words.count }
        exactTokens = zip(kept, exact).map { term, marked in
            let words = marked.prefix(term.words.count)
            guard ranksByMarks, words.contains(where: \.hasMarks) else { return nil }
            return words.map(\.token).joined(separator: " ")
        }
    }

    /// A word of the query as written: its exact form's token, and whether it has marks.
    private struct MarkedWord {
        var token: String
        var hasMarks: Bool

        init(exactForm: String) {
            token = String(Character(MarkedWords.token(exactForm)))
            hasMarks = MarkedWords.hasMarks(exactForm)
        }
    }

    /// The first `limit` words of `terms`: later terms dropped, a phrase crossing the limit cut.
    private static func limited(_ terms: [Term], toWords limit: Int) -> [Term] {
        var kept: [Term] = []
        var words = 0
        for term in terms {
            let room = limit - words
            guard room > 0 else { break }
            if case .phrase(let phrase) = term, phrase.count > room {
                kept.append(room == 1 ? .word(phrase[0]) : .phrase(Array(phrase.prefix(room))))
                break
            }
            kept.append(term)
            words += term.words.count
        }
        return kept
    }

    /// The FTS5 `MATCH` expression, or `nil` when the text has no words (nothing can match). A term
    /// with an exact form is `(folded OR marks : exact)`: the exact form adds no page (it is only
    /// found where the folded form is), but `sohoa_rank` (and bm25's column weights) see which pages
    /// have it.
    var matchExpression: String? {
        guard !terms.isEmpty else { return nil }
        return zip(termExpressions, exactTokens).map { folded, exact in
            guard let exact else { return folded }
            return "(\(folded) OR marks : \(Self.quoted(exact)))"
        }.joined(separator: exactTokens.contains { $0 != nil } ? " AND " : " ")  // FTS5 implies no AND before "("
    }

    /// The FTS5 phrases of `matchExpression`, in order (as `xInst` numbers them).
    var phrases: [Phrase] {
        exactTokens.enumerated().flatMap { term, exact in
            exact == nil
                ? [Phrase(term: term, role: .folded)] : [Phrase(term: term, role: .folded), Phrase(term: term, role: .exact)]
        }
    }

    /// Each term's folded form as an FTS5 `MATCH` expression of its own, in order (one FTS5 phrase
    /// each): what counts the pages a term matches. It looks in the `folded` column only: a query's
    /// private-use characters are word characters, and must not match the `marks` column's tokens.
    var termExpressions: [String] {
        terms.map { term in
            switch term {
            case .word(let word): "folded : " + Self.quoted(word)
            case .prefix(let word): "folded : " + Self.quoted(word) + "*"
            case .phrase(let words): "folded : " + Self.quoted(words.joined(separator: " "))
            }
        }
    }

    /// Whether a term is a prefix longer than the FTS5 table's prefix indexes: FTS5 then gathers
    /// every page of every word with that prefix before yielding the first match, in each statement.
    var hasUnindexedPrefix: Bool {
        terms.contains { term in
            if case .prefix(let word) = term { word.count > Self.longestIndexedPrefix } else { false }
        }
    }

    /// The kinds of its terms, for `SearchTrace` (`kind=word+prefix`).
    var traceKind: String {
        "kind="
            + terms.map { term in
                switch term {
                case .word: "word"
                case .prefix(let word): word.count > Self.longestIndexedPrefix ? "longprefix" : "prefix"
                case .phrase: "phrase"
                }
            }.joined(separator: "+")
    }

    /// An FTS5 string: in double quotes, with quotes doubled.
    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension SearchQuery.Term {
    /// The words of the term.
    var words: [String] {
        switch self {
        case .word(let word), .prefix(let word): [word]
        case .phrase(let words): words
        }
    }
}
