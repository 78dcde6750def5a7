import Foundation

/// Words as written, with their marks, for ranking a search by marks (issue 18): a query written
/// with tone marks finds the pages with the exact marked words first, then the folded ones.
///
/// A word's *exact form* is its folded letters (as `DiacriticFolding` has them) with a code after
/// each letter for its other marks (circumflex, breve, horn, `đ`'s bar, diaeresis…) and the codes of
/// its tone marks (grave, acute, tilde, hook above, dot below) at the end. Where the tone sits does
/// not matter, so the old and new placements are the same word: `hòa` = `hoà`, `thủy` = `thuỷ`. Words
/// of other scripts are their folded form, which keeps their marks.
///
/// The search index holds, beside each page's folded text, a column of one *token* per word: its
/// exact form hashed to one private-use character (planes 15–16, category `Co`, which FTS5's
/// tokenizer keeps as a word). One character per word keeps the index small (a prefix index has
/// nothing to add for a word of one character): the column costs about as much as the folded text,
/// where the exact forms spelled out would cost twice that again. Two exact forms share a token
/// about once in 131,000: a page then ranks as if it had the marked word, never more.
public enum MarkedWords {
    /// The tone marks, whose codes go to the end of the exact form.
    static let toneMarks: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]
    /// `đ`'s bar (it has no Unicode decomposition), as a code.
    static let barCode = "\u{E111}"
    /// Private-use characters the tokens are drawn from: all of planes 15 and 16 but their last two.
    static let tokenPlaneSize: UInt32 = 0xFFFE

    /// The column of tokens for `original` (NFC): one per word of `DiacriticFolding.words(in:)`, in
    /// order, separated by spaces, so that a phrase of tokens matches where the phrase of words does.
    public static func column(_ original: String) -> String {
        var column = ""
        for word in DiacriticFolding.words(in: original) {
            if !column.isEmpty { column += " " }
            column.unicodeScalars.append(token(exactForm(original[word.range])))
        }
        return column
    }

    /// The exact form of one word (see the type's description).
    static func exactForm(_ word: Substring) -> String {
        var letters = ""
        var tones = ""
        for character in word {
            if character.isASCII {
                letters += character.lowercased()
                continue
            }
            let scalars = character.unicodeScalars
            let parts =
                scalars.count == 1 && scalars[scalars.startIndex].value < DiacriticFolding.foldedScalarLimit
                ? scalarParts[Int(scalars[scalars.startIndex].value)] : parts(character)
            letters += parts.letters
            tones += parts.tones
        }
        return letters + tones
    }

    /// Whether an exact form carries any mark (else it is the word's folded form).
    static func hasMarks(_ exactForm: String) -> Bool {
        exactForm.unicodeScalars.contains { (0xE000...0xE3FF).contains($0.value) }
    }

    /// The word's token: its exact form hashed (FNV-1a, 32 bits, over UTF-8) to one private-use
    /// character of plane 15 or 16. `scripts/bench_search.py` makes the same tokens.
    static func token(_ exactForm: String) -> Unicode.Scalar {
        var hash: UInt32 = 2_166_136_261
        for byte in exactForm.utf8 {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        let index = hash % (2 * tokenPlaneSize)
        let value = index < tokenPlaneSize ? 0xF0000 + index : 0x100000 + index - tokenPlaneSize
        // Every value is a private-use scalar; the fallback is never taken.
        return Unicode.Scalar(value) ?? "\u{F0000}"
    }

    /// `parts` of every one-scalar character below `DiacriticFolding.foldedScalarLimit`, made once.
    private static let scalarParts: [(letters: String, tones: String)] = (0..<DiacriticFolding.foldedScalarLimit).map {
        value in Unicode.Scalar(value).map { parts(Character($0)) } ?? ("", "")
    }

    /// One character's letters with their marks' codes, and its tone marks' codes (from the same
    /// `DiacriticFolding.pieces` that folding keeps only the letters of).
    static func parts(_ character: Character) -> (letters: String, tones: String) {
        var letters = String.UnicodeScalarView()
        var tones = String.UnicodeScalarView()
        for piece in DiacriticFolding.pieces(character) {
            switch piece {
            case .letter(let scalar):
                letters.append(scalar)
            case .mark(let mark):
                if toneMarks.contains(mark.value) { tones.append(markCode(mark)) } else { letters.append(markCode(mark)) }
            case .bar:
                letters.append(contentsOf: barCode.unicodeScalars)
            }
        }
        return (String(letters), String(tones))
    }

    /// A combining mark's code: U+E300–U+E36F for the combining diacritics block (U+0300–U+036F), U+E3FF
    /// for any other.
    private static func markCode(_ mark: Unicode.Scalar) -> Unicode.Scalar {
        let value = (0x300...0x36F).contains(mark.value) ? 0xE000 + mark.value : 0xE3FF
        return Unicode.Scalar(value) ?? "\u{E3FF}"
    }
}
