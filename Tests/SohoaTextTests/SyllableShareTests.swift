import XCTest

@testable import SohoaText

/// The page measure: share of Latin-script words that read as Vietnamese.
final class SyllableShareTests: XCTestCase {
    func testVietnameseTextScoresHighAndGarbageLow() throws {
        let good = SyllableShare(
            text: """
                Huyện Mường Tè, tỉnh Lai Châu, năm 1954: người Hà Nhì ở Nậmnhùn và Pa Tần \
                đã giữ gìn những bản sắc văn hoá của dân tộc mình (xem tr. 12).
                """)
        let goodFraction = try XCTUnwrap(good.fraction)
        XCTAssertGreaterThan(goodFraction, 0.95)
        XCTAssertEqual(good.judged, good.vietnamese)

        let garbage = SyllableShare(text: "Tập ưung ö ll1 ’‘ iiI quyet rnrn ,,. Wlh tHe aaa ngi ce ra")
        let garbageFraction = try XCTUnwrap(garbage.fraction)
        XCTAssertLessThan(garbageFraction, 0.4)
    }

    func testNoJudgedWordsGivesNoFraction() {
        XCTAssertNil(SyllableShare(text: "12 — 1954 a) b) ...").fraction)
        XCTAssertNil(SyllableShare(words: [String]()).fraction)
        XCTAssertEqual(SyllableShare(judged: 4, vietnamese: 1).fraction, 0.25)
    }
}
