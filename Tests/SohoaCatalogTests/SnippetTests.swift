import Foundation
import XCTest

@testable import SohoaCatalog

/// Snippets show the original text, with its diacritics, around the first match, and mark the right words.
final class SnippetTests: XCTestCase {
    func testSnippetKeepsDiacriticsAndMarksWords() throws {
        let test = try TestCatalog(self)
        try test.addText("sach", "Thư viện tỉnh Lai Châu lưu giữ tài liệu của Trường Đại học Tây Bắc.")
        let hit = try XCTUnwrap(test.catalog.search("dai hoc").first)
        XCTAssertEqual(hit.snippet, "Thư viện tỉnh Lai Châu lưu giữ tài liệu của Trường Đại học Tây Bắc.")
        XCTAssertEqual(hit.highlights.map { String(hit.snippet[$0]) }, ["Đại", "học"])
        XCTAssertEqual(
            hit.markedSnippet(), "Thư viện tỉnh Lai Châu lưu giữ tài liệu của Trường [Đại] [học] Tây Bắc.")
        let upper = try XCTUnwrap(test.catalog.search("THƯ VIỆN").first)
        XCTAssertEqual(upper.markedSnippet(open: "<b>", close: "</b>").prefix(22), "<b>Thư</b> <b>viện</b>")
    }

    func testPhraseIsMarkedAsOneRangeAndOnlyWhereItIsAPhrase() throws {
        let test = try TestCatalog(self)
        try test.addText("sach", "Học đại cương rồi mới vào đại học; đại học là bậc cao.")
        let hit = try XCTUnwrap(test.catalog.search(#""đại học""#).first)
        XCTAssertEqual(hit.markedSnippet(), "Học đại cương rồi mới vào [đại học]; [đại học] là bậc cao.")
    }

    func testPrefixMarksTheWholeWord() throws {
        let test = try TestCatalog(self)
        try test.addText("sach", "Những trường làng xưa")
        let hit = try XCTUnwrap(test.catalog.search("truo").first)
        XCTAssertEqual(hit.markedSnippet(), "Những [trường] làng xưa")
    }

    func testLongTextIsCutAroundTheFirstMatchOnOneLine() throws {
        let test = try TestCatalog(self)
        let before = (1...40).map { "chữ\($0)" }.joined(separator: " ")
        let after = (41...100).map { "chữ\($0)" }.joined(separator: "\n")
        try test.addText("sach", before + "\n\nĐÀ NẴNG  năm 1888\n" + after)
        let hit = try XCTUnwrap(test.catalog.search("da nang").first)
        XCTAssertTrue(hit.snippet.hasPrefix("…chữ33 chữ34"), hit.snippet)
        XCTAssertTrue(hit.snippet.hasSuffix("…"), hit.snippet)
        XCTAssertFalse(hit.snippet.contains("\n"))
        XCTAssertFalse(hit.snippet.contains("  "))
        XCTAssertTrue(hit.markedSnippet().contains("chữ40 [ĐÀ] [NẴNG] năm 1888 chữ41"), hit.markedSnippet())
        XCTAssertEqual(hit.snippet.split(separator: " ").count, Snippet.wordCount)
    }

    func testSnippetOfTextWithNothingToMarkStartsAtTheBeginning() {
        let snippet = Snippet(original: "  Ngũ Hành Sơn  ", query: SearchQuery("hoi an"))
        XCTAssertEqual(snippet.text, "Ngũ Hành Sơn")
        XCTAssertEqual(snippet.highlights, [])
        XCTAssertEqual(Snippet(original: "", query: SearchQuery("x")).text, "")
    }

    func testHighlightsAreValidRangesWithCombiningAndWideCharacters() {
        // "Việt" decomposed, an emoji and Hán characters around the word.
        let original = "漢字 🙂 Vie\u{323}\u{302}t Nam 🙂 喃"
        let snippet = Snippet(original: original, query: SearchQuery("viet nam"))
        XCTAssertEqual(snippet.highlights.map { String(snippet.text[$0]) }, ["Vie\u{323}\u{302}t", "Nam"])
    }
}
