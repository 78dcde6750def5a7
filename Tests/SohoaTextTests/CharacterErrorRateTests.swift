import SohoaText
import XCTest

final class CharacterErrorRateTests: XCTestCase {
    func testEqualTextsAfterWhiteSpaceAndNFCAreZero() {
        // Decomposed "ệ" (e + circumflex + dot below) equals the precomposed one; layout spaces and breaks do not count.
        XCTAssertEqual(CharacterErrorRate.of("Thư   vie\u{0323}\u{0302}n\n tỉnh", against: "Thư viện tỉnh"), 0)
    }

    func testOneMissingToneMarkIsOneCharacter() {
        // "Lai Chau" against "Lai Châu": one substitution in eight characters.
        XCTAssertEqual(CharacterErrorRate.of("Lai Chau", against: "Lai Châu"), 1.0 / 8.0, accuracy: 1e-9)
    }

    func testInsertionsAndDeletionsCount() {
        XCTAssertEqual(CharacterErrorRate.of("abcd", against: "abc"), 1.0 / 3.0, accuracy: 1e-9)
        XCTAssertEqual(CharacterErrorRate.of("ac", against: "abc"), 1.0 / 3.0, accuracy: 1e-9)
        XCTAssertEqual(CharacterErrorRate.of("", against: "abc"), 1)
        XCTAssertEqual(CharacterErrorRate.of("xyz", against: ""), 1)
        XCTAssertEqual(CharacterErrorRate.of("", against: " \n"), 0)
    }
}
