import XCTest

@testable import SohoaCatalog

/// Tokens read from UTF-8 bytes are the runs between scalars that Unicode calls white space.
final class WhiteSpaceTokensTests: XCTestCase {
    func testEveryKindOfWhiteSpaceSeparatesTokensAndNothingElseDoes() {
        let spaces = (0...0x3000).compactMap(Unicode.Scalar.init).filter(\.properties.isWhitespace)
        XCTAssertEqual(spaces.count, 25)
        // Neighbours of the white-space scalars in UTF-8 (same first bytes) that are not white space.
        let others = ["\u{80}", "\u{A1}", "\u{1681}", "\u{200B}", "\u{2027}", "\u{2030}", "\u{205E}", "\u{3001}", "ễ", "漢"]
        var text = "  Lai"
        for (number, space) in spaces.enumerated() {
            text += String(space) + "từ\(number)" + others[number % others.count]
        }
        text += "\r\n"
        let expected = text.unicodeScalars.split { $0.properties.isWhitespace }.map { String($0) }
        var tokens: [String] = []
        let count = WhiteSpaceTokens.forEach(in: text) { number, range in
            XCTAssertEqual(number, tokens.count)
            tokens.append(String(text[range]))
        }
        XCTAssertEqual(tokens, expected)
        XCTAssertEqual(count, expected.count)
        XCTAssertEqual(WhiteSpaceTokens.forEach(in: " \n ") { _, _ in XCTFail("no token") }, 0)
    }
}
