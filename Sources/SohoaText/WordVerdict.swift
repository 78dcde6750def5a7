/// What the syllable check makes of one word as OCR wrote it.
public enum WordVerdict: Sendable, Equatable, Hashable {
    /// A possible Vietnamese syllable ("người", "QUỐC", "Mường"), or several joined by hyphens or
    /// punctuation ("ra-đi-ô").
    case syllable
    /// Possible syllables written together, each after the first starting with a consonant, as names in
    /// minority languages often are ("Nậmnhùn").
    case compound
    /// Not a Vietnamese syllable, but capitalized and in Latin letters: likely a name ("Fansipan").
    case name
    /// Not a Vietnamese syllable ("quyet", "ưung", "ö", "tHế").
    case invalid
    /// Nothing to judge: digits, punctuation, single letters used as initials or list marks, other scripts.
    case notJudged

    /// True for words that read as Vietnamese (syllables and compounds of syllables).
    public var isVietnamese: Bool {
        self == .syllable || self == .compound
    }
}
