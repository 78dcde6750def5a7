/// One OCR word read for the syllable check: split at anything that is not a letter, each part judged.
struct WordReading {
    /// The verdict for the whole word.
    let verdict: WordVerdict
    /// Letters in the word's judged parts (single letters and digits are not judged).
    let judgedLetters: Int

    init(_ word: some StringProtocol) {
        var parts: [WordVerdict] = []
        var letters: [VietnameseLetter] = []
        var foreign = false
        var otherScript = false
        var hasDigit = false
        var judgedLetters = 0
        var followedByPeriod = false

        func endPart() {
            defer {
                letters.removeAll(keepingCapacity: true)
                foreign = false
                otherScript = false
            }
            if otherScript || (letters.isEmpty && !foreign) {
                return
            }
            if foreign {
                // A letter with a mark Vietnamese does not use ("ö", "ñ"): never a name in Vietnamese letters.
                parts.append(.invalid)
                judgedLetters += letters.count + 1
                return
            }
            if followedByPeriod, !letters.contains(where: { $0.kind == .vowel }) {
                // An abbreviation: "tr." (trang), "TP." (thành phố).
                return
            }
            if letters.count == 1 {
                // A single consonant is an initial or an abbreviation ("đ" for đồng); a single vowel is judged.
                guard letters[0].kind == .vowel, letters[0].tone != .ngang || !"aeiouy".contains(letters[0].base) else {
                    return
                }
            }
            judgedLetters += letters.count
            if VietnameseSyllable.isValid(letters[...], casing: true) {
                parts.append(.syllable)
            } else if VietnameseSyllable.isCompound(letters[...]) {
                parts.append(.compound)
            } else if letters.count > 1, VietnameseSyllable.hasSyllableCase(letters[...]), letters[0].isUppercase {
                parts.append(.name)
            } else {
                parts.append(.invalid)
            }
        }

        for character in word {
            if let letter = VietnameseLetter.of(character) {
                letters.append(letter)
            } else if character.isLetter {
                if character.unicodeScalars.first.map(Self.isLatin) ?? false {
                    foreign = true
                } else {
                    otherScript = true
                }
            } else {
                if character.isNumber {
                    hasDigit = true
                }
                followedByPeriod = character == "."
                endPart()
            }
        }
        followedByPeriod = false
        endPart()

        self.judgedLetters = hasDigit ? 0 : judgedLetters
        if hasDigit || parts.isEmpty {
            verdict = .notJudged
        } else if parts.contains(.invalid) {
            verdict = .invalid
        } else if parts.contains(.name) {
            verdict = .name
        } else if parts.contains(.compound) {
            verdict = .compound
        } else {
            verdict = .syllable
        }
    }

    /// Latin letters outside ASCII (Latin-1, Latin Extended-A/B, Latin Extended Additional).
    private static func isLatin(_ scalar: Unicode.Scalar) -> Bool {
        (0x00C0...0x024F).contains(scalar.value) || (0x1E00...0x1EFF).contains(scalar.value)
    }
}
