import Foundation

/// Folds text for search: lowercase, the combining marks of Latin letters removed, and `đ/Đ` (which
/// have no Unicode decomposition) turned into `d`. "Thư viện tỉnh Lai Châu — ĐẠI HỌC" folds to
/// "thu vien tinh lai chau — dai hoc".
///
/// Folding is script-aware: only Latin letters (Vietnamese's among them) lose their marks. The marks
/// of other scripts are part of their words and stay: Tai Viet's vowel and tone signs
/// (U+AAB0–U+AAC1, which tell Tai Dam words apart), Greek accents, Cyrillic `й`.
///
/// Folding works one `Character` at a time, so each word of the folded text maps back to a range of
/// the original: that is how snippets show the original text with diacritics.
public enum DiacriticFolding {
    /// Folds a whole text; the FTS index holds text folded this way, and queries are folded the same way.
    public static func fold(_ text: String) -> String {
        var folded = ""
        folded.reserveCapacity(text.utf8.count)
        for character in text {
            folded += fold(character)
        }
        return folded
    }

    /// Folds one character (the result may be empty, e.g. for a lone combining mark).
    public static func fold(_ character: Character) -> String {
        if character.isASCII {
            return character.lowercased()
        }
        let scalars = character.unicodeScalars
        if scalars.count == 1, let scalar = scalars.first, scalar.value < foldedScalarLimit {
            return foldedScalars[Int(scalar.value)]
        }
        return foldedSlowly(character)
    }

    /// Characters of one scalar below this value are folded by looking them up in `foldedScalars`:
    /// all of Latin (Vietnamese's precomposed letters are in U+1E00–U+1EFF), Greek and Cyrillic.
    static let foldedScalarLimit: UInt32 = 0x2000

    /// `foldedSlowly` of every one-scalar character below `foldedScalarLimit`, made once: folding a
    /// character through Foundation's decomposition costs microseconds, and snippets fold thousands.
    private static let foldedScalars: [String] = (0..<foldedScalarLimit).map { value in
        Unicode.Scalar(value).map { foldedSlowly(Character($0)) } ?? ""
    }

    /// Folds one character through its canonical decomposition (a letter of a script other than
    /// Latin keeps its marks: it is only lowercased, in NFC).
    static func foldedSlowly(_ character: Character) -> String {
        if character.isASCII {
            return character.lowercased()
        }
        var scalars = String.UnicodeScalarView()
        for piece in pieces(character) {
            if case .letter(let scalar) = piece { scalars.append(scalar) }
        }
        return String(scalars)
    }

    /// A part of a character as search takes it apart (`pieces`): a letter, which the folded form
    /// keeps, or a mark, which folding removes and `MarkedWords` keeps as a code.
    enum Piece: Equatable {
        /// A scalar of the folded form, lowercased: a Latin letter without its marks, `d` for `đ`
        /// and `ð`, or any scalar of a letter of another script (its marks included).
        case letter(Unicode.Scalar)
        /// A combining mark of a Latin letter (or of no letter at all), after the letter it is on.
        case mark(Unicode.Scalar)
        /// The bar of `đ` (or of `ð`, which legacy Vietnamese encodings produce for Đ/đ), after its `d`.
        case bar
    }

    /// One character taken apart, once for folding and for marks: lowercased and canonically
    /// decomposed; a Latin letter (or a mark on no letter) splits into its letters and marks; a letter
    /// of another script stays whole, lowercased, in NFC.
    static func pieces(_ character: Character) -> [Piece] {
        let lowercased = character.lowercased()
        let decomposed = lowercased.decomposedStringWithCanonicalMapping.unicodeScalars
        if let base = decomposed.first, !isLatinOrUnlettered(base) {
            return lowercased.precomposedStringWithCanonicalMapping.unicodeScalars.map(Piece.letter)
        }
        var pieces: [Piece] = []
        for scalar in decomposed {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark:
                pieces.append(.mark(scalar))
            default:
                // đ (U+0111), and ð (U+00F0): no Unicode decomposition, so their bar is split off here.
                if scalar.value == 0x0111 || scalar.value == 0x00F0 {
                    pieces.append(.letter("d"))
                    pieces.append(.bar)
                } else {
                    pieces.append(.letter(scalar))
                }
            }
        }
        return pieces
    }

    /// Whether marks on `base` are folded away: a Latin letter (the Basic Latin, Latin-1, Latin
    /// Extended and IPA blocks, Vietnamese's Latin Extended Additional, fullwidth Latin), or no letter
    /// at all (a mark on a digit, a space or a sign goes, as before).
    static func isLatinOrUnlettered(_ base: Unicode.Scalar) -> Bool {
        switch base.value {
        case 0..<0x80, 0xC0...0x2AF, 0x1D00...0x1DBF, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xAB30...0xAB6F,
            0xFF21...0xFF3A, 0xFF41...0xFF5A:
            return true
        default:
            return !base.properties.isAlphabetic
        }
    }

    /// A word of a text: its folded form and where it is in the original.
    struct Word: Equatable {
        var folded: String
        var range: Range<String.Index>
    }

    /// The words of `text` as FTS5's `unicode61` tokenizer sees the folded text: runs of letters,
    /// digits and private-use characters; everything else separates words.
    static func words(in text: String) -> [Word] {
        isOneScalarPerCharacter(text) ? wordsByScalar(in: text) : wordsByCharacter(in: text)
    }

    /// `words(in:)` for any text, read character by character.
    static func wordsByCharacter(in text: String) -> [Word] {
        var words: [Word] = []
        var current = ""
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            let folded = fold(text[index])
            if isWordCharacter(folded) {
                if start == nil { start = index }
                current += folded
            } else if let wordStart = start {
                words.append(Word(folded: current, range: wordStart..<index))
                current = ""
                start = nil
            }
            index = next
        }
        if let wordStart = start {
            words.append(Word(folded: current, range: wordStart..<text.endIndex))
        }
        return words
    }

    /// Whether every character of `text` is one scalar (but for CR LF, which is white space either way):
    /// true when its scalars are all Latin letters below the combining marks (U+0300), Vietnamese's
    /// precomposed letters (U+1E00–U+1EFF) or dashes, quotes and dots (U+2010–U+2027), none of which
    /// joins its neighbour into one character. Such a text can be read scalar by scalar, which costs
    /// several times less than reading it character by character.
    static func isOneScalarPerCharacter(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            let value = scalar.value
            return value < 0x300 || (0x1E00...0x1EFF).contains(value) || (0x2010...0x2027).contains(value)
        }
    }

    /// `words(in:)` for a text that `isOneScalarPerCharacter`, read scalar by scalar.
    static func wordsByScalar(in text: String) -> [Word] {
        var words: [Word] = []
        var current = ""
        var start: String.Index?
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let isWord: Bool
            if scalar.isASCII {
                let value = UInt8(scalar.value)
                isWord = (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
                if isWord { current.unicodeScalars.append((0x41...0x5A).contains(value) ? Unicode.Scalar(value + 0x20) : scalar) }
            } else if scalar.value < foldedScalarLimit {
                isWord = wordScalars[Int(scalar.value)]
                if isWord { current += foldedScalars[Int(scalar.value)] }
            } else {
                let folded = fold(Character(scalar))
                isWord = isWordCharacter(folded)
                if isWord { current += folded }
            }
            if isWord {
                if start == nil { start = index }
            } else if let wordStart = start {
                words.append(Word(folded: current, range: wordStart..<index))
                current = ""
                start = nil
            }
            index = scalars.index(after: index)
        }
        if let wordStart = start {
            words.append(Word(folded: current, range: wordStart..<text.endIndex))
        }
        return words
    }

    /// `isWordCharacter` of each entry of `foldedScalars`, made once.
    private static let wordScalars: [Bool] = foldedScalars.map(isWordCharacter)

    /// Whether a folded character is part of a word for `unicode61` (categories L*, N* and Co).
    static func isWordCharacter(_ folded: String) -> Bool {
        guard let scalar = folded.unicodeScalars.first else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            return true
        default:
            return false
        }
    }
}
