/// The spelling rules of a Vietnamese syllable: onset (initial consonant), rhyme (medial, nucleus,
/// coda) and tone, with the rules that tie them together.
enum SyllableSpelling {
    /// Longest letters a syllable can have ("nghiêng", "nghiệng" are 7).
    static let maximumLetters = 7

    /// Onsets, longest first so that "ngh" is tried before "ng" and "n"; the empty onset is tried last.
    static let onsets: [String] = [
        "ngh", "ng", "gh", "gi", "kh", "ph", "th", "tr", "ch", "nh", "qu",
        "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
    ]

    /// Every rhyme (medial + nucleus + coda, without tone), in its written form.
    static let rhymes: Set<String> = [
        // a, ă, â
        "a", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at", "au", "ay",
        "ăc", "ăm", "ăn", "ăng", "ăp", "ăt",
        "âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây",
        // e, ê
        "e", "ec", "em", "en", "eng", "eo", "ep", "et",
        "ê", "êch", "êm", "ên", "ênh", "êp", "êt", "êu",
        // i, iê/yê, y
        "i", "ia", "ich", "im", "in", "inh", "ip", "it", "iu",
        "iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu",
        "yêm", "yên", "yêng", "yêt", "yêu",
        "y", "ych", "ynh", "yt",
        // o, ô, ơ
        "o", "oc", "oi", "om", "on", "ong", "op", "ot", "ooc", "oong",
        "ô", "ôc", "ôi", "ôm", "ôn", "ông", "ôp", "ôt",
        "ơ", "ơi", "ơm", "ơn", "ơp", "ơt",
        // u, uô, ư, ươ
        "u", "ua", "uc", "ui", "um", "un", "ung", "up", "ut",
        "uôc", "uôi", "uôm", "uôn", "uông", "uôt",
        "ư", "ưa", "ưc", "ưi", "ưm", "ưng", "ưt", "ưu",
        "ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu",
        // medial o (before a, ă, e)
        "oa", "oac", "oach", "oai", "oam", "oan", "oang", "oanh", "oap", "oat", "oay",
        "oăc", "oăm", "oăn", "oăng", "oăt",
        "oe", "oem", "oen", "oeo", "oet",
        // medial u (before â, ê, y, ơ)
        "uân", "uâng", "uât", "uây",
        "uê", "uêch", "uên", "uênh", "uêt",
        "uy", "uya", "uych", "uyên", "uyêt", "uynh", "uyt", "uyu",
        "uơ",
    ]

    /// Rhymes written with `y` that only follow `qu` ("quých", "quýnh", "quýt").
    private static let afterQuOnly: Set<String> = ["ych", "ynh", "yt"]

    /// True when `onset` + `rhyme` + `tone` spell a possible Vietnamese syllable.
    static func fits(onset: String, rhyme: Substring, tone: Tone) -> Bool {
        guard let first = rhyme.first, rhymes.contains(String(rhyme)) else { return false }
        guard onsetFits(onset, rhyme: rhyme, first: first) else { return false }
        // Stop codas (p, t, c, ch) take only the sắc and nặng tones.
        if let last = rhyme.last, last == "p" || last == "t" || last == "c" || rhyme.hasSuffix("ch") {
            return tone == .sac || tone == .nang
        }
        return true
    }

    private static func onsetFits(_ onset: String, rhyme: Substring, first: Character) -> Bool {
        let front: Set<Character> = ["e", "ê", "i", "y"]
        if onset == "qu" {
            // q is written only as qu; what follows is the nucleus: "qua", "quân", "quê", "quý", "quyết", "quốc", "quở".
            return ["a", "ă", "â", "e", "ê", "i", "y", "ô", "ơ"].contains(first)
        }
        if afterQuOnly.contains(String(rhyme)) {
            return false
        }
        if onset.isEmpty {
            // iê is written yê when nothing comes before it ("yên", but "tiên").
            return !rhyme.hasPrefix("iê")
        }
        if rhyme.hasPrefix("yê") {
            return false
        }
        let hasMedial =
            rhyme.hasPrefix("oa") || rhyme.hasPrefix("oă") || rhyme.hasPrefix("oe") || rhyme.hasPrefix("uâ")
            || rhyme.hasPrefix("uê") || rhyme.hasPrefix("uy") || rhyme.hasPrefix("uơ")
        switch onset {
        case "c":
            // k before e, ê, i, y; qu before a medial ("qua", not "coa").
            return !front.contains(first) && !hasMedial
        case "k":
            return front.contains(first) && !hasMedial
        case "gh", "ngh":
            return first == "e" || first == "ê" || first == "i"
        case "g", "ng":
            // gh, ngh before e, ê, i ("ghế", "nghe"); "gì", "gìn" are the gi onset with i.
            return onset == "g" ? first != "e" && first != "ê" : !front.contains(first)
        case "gi":
            return first != "i" && first != "y"
        default:
            return true
        }
    }
}
