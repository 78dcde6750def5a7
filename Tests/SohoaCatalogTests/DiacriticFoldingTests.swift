import Foundation
import XCTest

@testable import SohoaCatalog

/// Folding removes Vietnamese diacritics and case, turns đ/Đ into d, and keeps a 1:1 map to the original.
final class DiacriticFoldingTests: XCTestCase {
    func testVietnameseFolds() {
        XCTAssertEqual(DiacriticFolding.fold("Thư viện tỉnh Lai Châu"), "thu vien tinh lai chau")
        XCTAssertEqual(DiacriticFolding.fold("ĐẠI HỌC Đà Nẵng đường"), "dai hoc da nang duong")
        XCTAssertEqual(
            DiacriticFolding.fold("ắằẳẵặ ấầẩẫậ ếềểễệ ốồổỗộ ớờởỡợ ứừửữự ỳýỷỹỵ"),
            "aaaaa aaaaa eeeee ooooo ooooo uuuuu yyyyy")
        XCTAssertEqual(DiacriticFolding.fold("Thư viện".decomposedStringWithCanonicalMapping), "thu vien")
        XCTAssertEqual(DiacriticFolding.fold("漢喃 123"), "漢喃 123")
    }

    /// Only Latin letters lose their marks: Tai Viet's vowel and tone signs (U+AAB0–U+AAC1, which
    /// tell Tai Dam words apart), Greek accents and Cyrillic `й` stay (lowercased, in NFC).
    func testFoldingKeepsTheMarksOfOtherScripts() {
        // ꪀꪰ (ko + mai kang), ꪀꪲ (ko + sara i), ꪀ꪿ (ko + mai ek, a tone): three words, not one.
        let taiViet = "\u{AA80}\u{AAB0} \u{AA80}\u{AAB2} \u{AA80}\u{AABF} \u{AA80}"
        XCTAssertEqual(DiacriticFolding.fold(taiViet), taiViet)
        XCTAssertEqual(
            DiacriticFolding.words(in: taiViet).map(\.folded), ["\u{AA80}\u{AAB0}", "\u{AA80}\u{AAB2}", "\u{AA80}\u{AABF}", "\u{AA80}"])
        for sign in 0xAAB0...0xAAC1 {
            let word = "\u{AA81}" + String(Character(Unicode.Scalar(UInt32(sign))!))
            XCTAssertEqual(DiacriticFolding.fold(word), word, String(sign, radix: 16))
        }
        XCTAssertEqual(DiacriticFolding.fold("Ά Й ё"), "ά й ё")
        XCTAssertEqual(DiacriticFolding.fold("Ёлка Ἀθῆναι"), "ёлка ἀθῆναι")
        // Latin stays folded, Vietnamese and other Latin alike.
        XCTAssertEqual(DiacriticFolding.fold("Hòa Thuỷ ĐƯỜNG Ålesund Ça"), "hoa thuy duong alesund ca")
    }

    func testWordsMapBackToTheOriginal() {
        let text = "«Trường Đại học», năm 1945"
        let words = DiacriticFolding.words(in: text)
        XCTAssertEqual(words.map(\.folded), ["truong", "dai", "hoc", "nam", "1945"])
        XCTAssertEqual(words.map { String(text[$0.range]) }, ["Trường", "Đại", "học", "năm", "1945"])
    }

    func testTheLookupTableFoldsAsTheDecompositionDoes() {
        var differing: [UInt32] = []
        for value in 0x80..<DiacriticFolding.foldedScalarLimit {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let character = Character(scalar)
            if DiacriticFolding.fold(character) != DiacriticFolding.foldedSlowly(character) { differing.append(value) }
        }
        XCTAssertEqual(differing, [])
        // Characters of several scalars, and those beyond the table, are folded through the decomposition.
        XCTAssertEqual(DiacriticFolding.fold(Character("e\u{302}\u{301}")), "e")
        XCTAssertEqual(DiacriticFolding.fold(Character("Ｄ")), DiacriticFolding.foldedSlowly(Character("Ｄ")))
    }

    func testWordsReadByScalarAreTheWordsReadByCharacter() {
        let texts = [
            "«Trường Đại học», năm 1945 — “Lai Châu”… ĐÀ NẴNG\r\nđường\u{A0}số 3\tÆsir ð ß 12½ x²",
            "  ắằẳẵặ-ấầẩẫậ\r\n\r\nếềểễệ\u{2013}ốồổỗộ ‘ớờởỡợ’ ứừửữự ỳýỷỹỵ  ",
            "", " ", "a", "ÀBC-đ_e'f",
        ]
        for text in texts {
            XCTAssertTrue(DiacriticFolding.isOneScalarPerCharacter(text), text)
            XCTAssertEqual(DiacriticFolding.wordsByScalar(in: text), DiacriticFolding.wordsByCharacter(in: text), text)
        }
        // A combining mark joins the letter before it into one character: read character by character.
        for text in ["Vie\u{323}\u{302}t Nam", "漢喃", "🙂 a", "a\u{200D}b"] {
            XCTAssertFalse(DiacriticFolding.isOneScalarPerCharacter(text), text)
        }
        XCTAssertEqual(
            DiacriticFolding.words(in: "Vie\u{323}\u{302}t Nam").map(\.folded), ["viet", "nam"])
    }
}
