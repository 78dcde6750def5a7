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
}
