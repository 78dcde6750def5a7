// SohoaText: the Vietnamese syllable check. It flags; it never changes text.
//
// API (small and stable; other targets rely on it):
//   VietnameseSyllable.isValid("người")               -> Bool        one syllable, letters only
//   VietnameseSyllable.isPossibleSyllable("người,")   -> Bool        one OCR word: punctuation stripped,
//                                                                    digits and single letters not judged (true)
//   VietnameseSyllable.verdict(for: "Nậmnhùn")        -> WordVerdict .syllable, .compound, .name, .invalid, .notJudged
//   VietnameseSyllable.shouldHighlight("quyet")       -> Bool        the review page's "not Vietnamese" highlight
//   SyllableShare(words: ["Tập", "ưung"]).fraction    -> Double?     page measure: share of judged words that read
//                                                                    as Vietnamese (nil when no word was judged)
//
// Input may be NFC or NFD, lower, UPPER or Title case; `đ` is a consonant of its own. The rules: an optional
// onset from the Vietnamese set (b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x), a rhyme
// from the written rhymes (medial o/u, nucleus, coda), at most one tone mark, and the rules between them:
// k, gh, ngh only before e, ê, i (k also y); c, g, ng never there; q only as qu; iê written yê with no onset;
// stop codas p, t, c, ch only with the sắc or nặng tone; ch and nh codas only after a, ê, i (and medials).

/// The Vietnamese syllable check: whether a word as OCR wrote it can be Vietnamese.
public enum VietnameseSyllable {
    /// True when `syllable` (letters only) is a possible Vietnamese syllable, in lower, UPPER or Title case.
    public static func isValid(_ syllable: some StringProtocol) -> Bool {
        var letters: [VietnameseLetter] = []
        for character in syllable {
            guard let letter = VietnameseLetter.of(character) else { return false }
            letters.append(letter)
        }
        return isValid(letters[...], casing: true)
    }

    /// True unless `word` is letters that cannot be Vietnamese: a syllable, or nothing to judge (digits,
    /// punctuation, a single letter used as an initial). Compounds and names are not single syllables: false.
    public static func isPossibleSyllable(_ word: some StringProtocol) -> Bool {
        let verdict = verdict(for: word)
        return verdict == .syllable || verdict == .notJudged
    }

    /// What `word` (one OCR word, with any punctuation around or inside it) reads as.
    public static func verdict(for word: some StringProtocol) -> WordVerdict {
        WordReading(word).verdict
    }

    /// True when the review page should mark `word` as not Vietnamese: it is letters that form no syllable,
    /// and it is not a capitalized name in Latin letters ("Fansipan") nor syllables written together ("Nậmnhùn").
    public static func shouldHighlight(_ word: some StringProtocol) -> Bool {
        verdict(for: word) == .invalid
    }

    /// Checks one run of letters; `casing` requires lower, UPPER or Title case.
    static func isValid(_ letters: ArraySlice<VietnameseLetter>, casing: Bool) -> Bool {
        guard !letters.isEmpty, letters.count <= SyllableSpelling.maximumLetters else { return false }
        var tone = Tone.ngang
        var base = ""
        for letter in letters {
            guard letter.kind != .latinOnly else { return false }
            if letter.tone != .ngang {
                guard tone == .ngang else { return false }
                tone = letter.tone
            }
            base.append(letter.base)
        }
        if casing, !hasSyllableCase(letters) {
            return false
        }
        for onset in SyllableSpelling.onsets where base.hasPrefix(onset) {
            let rhyme = base.dropFirst(onset.count)
            if SyllableSpelling.fits(onset: onset, rhyme: rhyme, tone: tone) {
                return true
            }
        }
        return false
    }

    /// lower, UPPER or Title case.
    static func hasSyllableCase(_ letters: ArraySlice<VietnameseLetter>) -> Bool {
        let rest = letters.dropFirst()
        return rest.allSatisfy { !$0.isUppercase } || letters.allSatisfy(\.isUppercase)
    }

    /// True when `letters` split into two or more syllables, each after the first starting with a consonant.
    static func isCompound(_ letters: ArraySlice<VietnameseLetter>) -> Bool {
        let start = letters.startIndex
        let count = letters.count
        guard count >= 4, count <= 4 * SyllableSpelling.maximumLetters else { return false }
        // parts[i]: the fewest syllables that spell letters[start ..< start + i] (0 = not possible).
        var parts = [Int](repeating: 0, count: count + 1)
        parts[0] = 0
        for end in 2...count {
            for length in 2...min(SyllableSpelling.maximumLetters, end) {
                let from = end - length
                guard from == 0 || parts[from] > 0 else { continue }
                if from > 0, letters[start + from].kind != .consonant {
                    continue
                }
                if isValid(letters[(start + from)..<(start + end)], casing: true) {
                    let candidate = parts[from] + 1
                    parts[end] = parts[end] == 0 ? candidate : min(parts[end], candidate)
                }
            }
        }
        return parts[count] >= 2
    }
}
