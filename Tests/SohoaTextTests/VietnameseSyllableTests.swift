import XCTest

@testable import SohoaText

/// The syllable check accepts Vietnamese syllables in every vowel, tone and case, and refuses what
/// Vietnamese spelling does not allow.
final class VietnameseSyllableTests: XCTestCase {
    /// One open syllable per vowel that can end a syllable, in each of the six tones.
    func testEveryVowelInEveryToneIsValid() {
        let openVowels: [Character] = ["a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
        for vowel in openVowels {
            for tone in Tone.allCases {
                let syllable = "m" + String(vowel) + tone.combiningMark
                XCTAssertTrue(VietnameseSyllable.isValid(syllable), "\(syllable) should be valid")
            }
        }
        // ă and â need a coda: "ăn", "ân" in every tone.
        for vowel in ["ă", "â"] {
            for tone in Tone.allCases {
                let syllable = "l" + vowel + tone.combiningMark + "m"
                XCTAssertTrue(VietnameseSyllable.isValid(syllable), "\(syllable) should be valid")
            }
            XCTAssertFalse(VietnameseSyllable.isValid("m" + vowel), "m\(vowel) has no coda")
        }
    }

    func testCommonWordsAreValid() {
        let words = [
            "người", "những", "được", "huyện", "tỉnh", "xã", "khuya", "thuở", "quốc", "giữa", "gìn", "ghế",
            "nghiêng", "kiểm", "yêu", "ước", "oan", "uống", "Điện", "Biên", "hoá", "hóa", "thuỷ", "thủy", "quý",
            "qui", "gia", "giặc", "cuộc", "chuyện", "truyền", "Nguyễn", "khuếch", "huỳnh", "tuyết", "xoong", "ở",
            "ơi", "uỷ", "ấy", "ông", "anh", "ếch", "ích", "phường", "trường", "của", "cứu", "rượu", "quạ", "quăng",
            "quần", "quýt", "quyển", "khuỷu", "ngoằn", "ngoèo", "loét", "hoạch", "hoành", "xoáy", "huấn", "luật",
            "thuế", "huệ", "suýt", "huých", "kìa", "kính", "kỹ", "kẻ", "kết", "nghe", "nghề", "giếng", "giết",
            "đ" + "ồng", "lịch", "sử", "địa", "chí", "Lai", "Châu", "uyên", "yết", "oẳn",
        ]
        for word in words {
            XCTAssertTrue(VietnameseSyllable.isValid(word), "\(word) should be valid")
        }
    }

    func testSpellingRulesRefuseImpossibleSyllables() {
        let invalid = [
            "quyet",  // yêt needs ê: quyết, quyệt
            "ưung", "ce", "ci", "ky" + "a", "ka", "ko", "ge", "gê", "ghi" + "a" + "n", "gha", "nge", "ngi", "ngha",
            "qa", "coa", "tyên", "iên", "viet", "hoc",  // học needs the nặng or sắc tone
            "tàp", "hỏc", "bèt", "mãch",  // stop codas take only sắc and nặng
            "ach" + "h", "och", "unh", "ơch",  // ch and nh codas only after a, ê, i
            "fan", "jam", "wow", "zô", "xyz", "and", "with", "bcd", "aaa", "mááa", "ắà",
            "lýnh",  // ynh only after qu
        ]
        for word in invalid {
            XCTAssertFalse(VietnameseSyllable.isValid(word), "\(word) should be invalid")
        }
    }

    func testCapitalsAndTitleCaseAreValidMixedCaseIsNot() {
        for word in ["NGƯỜI", "Người", "ĐƯỢC", "Được", "QUỐC", "Đ" + "ồng", "Ở", "Y"] {
            XCTAssertTrue(VietnameseSyllable.isValid(word), "\(word) should be valid")
        }
        for word in ["nGười", "ngƯỜi", "tHế"] {
            XCTAssertFalse(VietnameseSyllable.isValid(word), "\(word) should be invalid")
        }
    }

    func testDecomposedInputIsCheckedLikeComposed() {
        let composed = ["người", "Việt", "quyết", "Đặng", "ỷ"]
        for word in composed {
            let decomposed = word.decomposedForTest
            XCTAssertNotEqual(Array(decomposed.unicodeScalars), Array(word.unicodeScalars), "\(word) should decompose")
            XCTAssertTrue(VietnameseSyllable.isValid(decomposed), "NFD \(word) should be valid")
        }
        XCTAssertFalse(VietnameseSyllable.isValid("quyet".decomposedForTest))
        // Two tone marks on one syllable.
        XCTAssertFalse(VietnameseSyllable.isValid("ma\u{0301}\u{0300}"))
        XCTAssertFalse(VietnameseSyllable.isValid("ta\u{0301}o\u{0300}"))
    }

    func testWordsArePunctuationStrippedAndDigitsNotJudged() {
        XCTAssertTrue(VietnameseSyllable.isPossibleSyllable("(người,"))
        XCTAssertTrue(VietnameseSyllable.isPossibleSyllable("“Việt”."))
        XCTAssertTrue(VietnameseSyllable.isPossibleSyllable("1954"))
        XCTAssertTrue(VietnameseSyllable.isPossibleSyllable("12a"))
        XCTAssertTrue(VietnameseSyllable.isPossibleSyllable("b)"))
        XCTAssertTrue(VietnameseSyllable.isPossibleSyllable("đ"))
        XCTAssertTrue(VietnameseSyllable.isPossibleSyllable("—"))
        XCTAssertFalse(VietnameseSyllable.isPossibleSyllable("quyet,"))
        XCTAssertFalse(VietnameseSyllable.isPossibleSyllable("ö"))
        XCTAssertEqual(VietnameseSyllable.verdict(for: "1954"), .notJudged)
        XCTAssertEqual(VietnameseSyllable.verdict(for: "v.v."), .notJudged)
        XCTAssertEqual(VietnameseSyllable.verdict(for: "tr."), .notJudged)
        XCTAssertEqual(VietnameseSyllable.verdict(for: "TP."), .notJudged)
        XCTAssertEqual(VietnameseSyllable.verdict(for: "tr"), .invalid)
        XCTAssertEqual(VietnameseSyllable.verdict(for: "ra-đi-ô"), .syllable)
        XCTAssertEqual(VietnameseSyllable.verdict(for: "nhà,cửa"), .syllable)
        XCTAssertEqual(VietnameseSyllable.verdict(for: "漢"), .notJudged)
        XCTAssertEqual(VietnameseSyllable.verdict(for: "ă"), .invalid)
        XCTAssertEqual(VietnameseSyllable.verdict(for: "ở"), .syllable)
    }

    func testMinorityNamesAreNotHighlighted() {
        for name in ["Nậmnhùn", "Mường", "Tè", "Hà", "Nhì", "Sìn", "Hồ", "Pa", "Tần", "Nậm", "Nhùn", "Fansipan", "UBND", "NậmNhùn"] {
            XCTAssertFalse(VietnameseSyllable.shouldHighlight(name), "\(name) should not be highlighted")
        }
        XCTAssertEqual(VietnameseSyllable.verdict(for: "Nậmnhùn"), .compound)
        XCTAssertEqual(VietnameseSyllable.verdict(for: "Fansipan"), .name)
    }

    func testGarbageIsHighlighted() {
        for word in ["ưung", "quyet", "ö", "Ö", "Müller", "tHế", "ii", "ngi", "coa", "and", "rnrn"] {
            XCTAssertTrue(VietnameseSyllable.shouldHighlight(word), "\(word) should be highlighted")
        }
        XCTAssertFalse(VietnameseSyllable.shouldHighlight("Tập"))
        // A vowel-initial part after a syllable does not make a compound: "ưung" is not "ư" + "ung".
        XCTAssertEqual(VietnameseSyllable.verdict(for: "ưung"), .invalid)
    }
}

extension String {
    /// The NFD form, through Foundation only in tests (the target itself needs no Foundation).
    fileprivate var decomposedForTest: String {
        var scalars = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            scalars.append(contentsOf: Self.decompositions[scalar] ?? [scalar])
        }
        return String(scalars)
    }

    private static let decompositions: [Unicode.Scalar: [Unicode.Scalar]] = [
        "ư": ["u", "\u{031B}"], "ờ": ["o", "\u{031B}", "\u{0300}"], "ệ": ["e", "\u{0323}", "\u{0302}"],
        "ế": ["e", "\u{0302}", "\u{0301}"], "ặ": ["a", "\u{0323}", "\u{0306}"], "ỷ": ["y", "\u{0309}"],
    ]
}
