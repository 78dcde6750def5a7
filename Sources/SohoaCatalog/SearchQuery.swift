import Foundation

/// A user's search text turned into terms, and the FTS5 `MATCH` expression built from them.
///
/// Nothing the user types is passed to FTS5 as syntax: every term is a quoted FTS5 string, so
/// quotes, `*`, `NEAR`, `-`, `:`, parentheses and `AND/OR/NOT` are just words or separators.
/// Plain words must all match, in any order; `"quoted phrases"` must match as phrases; the last
/// plain word also matches as a prefix (`"dai hoc"` finds "Đại học", `"dai h"` too).
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

    /// At most this many terms are used; more add nothing but cost.
    static let maximumTerms = 32

    var terms: [Term]

    /// Parses search text: `"` opens and closes a phrase (an unclosed one runs to the end).
    init(_ text: String) {
        var terms: [Term] = []
        var segment = ""
        var inQuotes = false
        var lastIsPlainWord = false

        func flush() {
            let words = DiacriticFolding.words(in: segment).map(\.folded)
            segment = ""
            if inQuotes {
                if words.count == 1 {
                    terms.append(.word(words[0]))
                } else if words.count > 1 {
                    terms.append(.phrase(words))
                }
                if !words.isEmpty { lastIsPlainWord = false }
            } else if !words.isEmpty {
                terms.append(contentsOf: words.map(Term.word))
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
        if lastIsPlainWord, case .word(let last)? = terms.last {
            terms[terms.count - 1] = .prefix(last)
        }
        self.terms = Array(terms.prefix(Self.maximumTerms))
    }

    /// The FTS5 `MATCH` expression, or `nil` when the text has no words (nothing can match).
    var matchExpression: String? {
        guard !terms.isEmpty else { return nil }
        return terms.map { term in
            switch term {
            case .word(let word): Self.quoted(word)
            case .prefix(let word): Self.quoted(word) + "*"
            case .phrase(let words): Self.quoted(words.joined(separator: " "))
            }
        }.joined(separator: " ")
    }

    /// An FTS5 string: in double quotes, with quotes doubled.
    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
