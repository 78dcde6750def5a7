/// One letter of a word as the syllable check sees it: its toneless lowercase base ("ấ" → "â"),
/// its tone, its case, and whether Vietnamese spelling uses it at all.
struct VietnameseLetter: Sendable, Equatable {
    /// What part a letter can play in a Vietnamese syllable.
    enum Kind: Sendable, Equatable {
        case vowel
        case consonant
        /// A letter of the Latin alphabet that Vietnamese syllables never use (f, j, w, z).
        case latinOnly
    }

    let base: Character
    let tone: Tone
    let isUppercase: Bool
    let kind: Kind

    /// The letter for a character, or nil when the character is not a Latin letter that Vietnamese
    /// writing knows. Works for composed (NFC) and decomposed (NFD) characters alike: Swift compares
    /// and hashes characters by canonical equivalence.
    static func of(_ character: Character) -> VietnameseLetter? {
        table[character]
    }

    private static let vowels: [Character] = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
    private static let consonants: [Character] = [
        "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "q", "r", "s", "t", "v", "x",
    ]
    private static let latinOnlyLetters: [Character] = ["f", "j", "w", "z"]

    private static let table: [Character: VietnameseLetter] = {
        var table: [Character: VietnameseLetter] = [:]
        for base in vowels {
            for tone in Tone.allCases {
                let lower = Character(String(base) + tone.combiningMark)
                let upper = Character(String(base).uppercased() + tone.combiningMark)
                table[lower] = VietnameseLetter(base: base, tone: tone, isUppercase: false, kind: .vowel)
                table[upper] = VietnameseLetter(base: base, tone: tone, isUppercase: true, kind: .vowel)
            }
        }
        for (letters, kind) in [(consonants, Kind.consonant), (latinOnlyLetters, Kind.latinOnly)] {
            for base in letters {
                table[base] = VietnameseLetter(base: base, tone: .ngang, isUppercase: false, kind: kind)
                table[Character(String(base).uppercased())] = VietnameseLetter(
                    base: base, tone: .ngang, isUppercase: true, kind: kind)
            }
        }
        return table
    }()
}
