import Foundation
import XCTest

@testable import SohoaCatalog

/// Ranking by marks (issue 18): a query written with marks finds the pages with the words as written
/// first, then the folded ones; without marks all alike; old and new tone placement are one word;
/// other scripts keep their marks.
final class SearchMarksTests: XCTestCase {
    /// Packaged, public items, one page each, in this order (so that page-id order is theirs).
    private func fixture(_ pages: [(String, String)]) throws -> TestCatalog {
        let test = try TestCatalog(self)
        for (id, text) in pages {
            try test.catalog.upsertItem(ItemRecord(id: id, libraryCode: "LC", title: id, sourcePath: "/b/\(id)"))
            try test.addText(id, text)
            try test.catalog.markItemPackaged(id: id, version: "v1", objectPath: "x/\(id)")
        }
        return test
    }

    private func found(_ test: TestCatalog, _ query: String) throws -> [String] {
        try test.catalog.search(query, filters: SearchFilters(access: [.public])).results.map(\.hit.itemID)
    }

    private static let roads = [
        // The folded matches come first in page order, and are denser: bm25 alone ranks them first.
        ("duong-1", "Dương dương tự đắc, dương cầm"),
        ("duong-2", "Đương thời, đương đầu"),
        ("duong-3", "Duong (không dấu) bản đánh máy"),
        ("duong-4", "Đường sá trong huyện và nhiều việc khác của xã, của bản, của làng, của mường"),
        ("duong-5", "Con đường mới nối bản với chợ phiên và trạm xá của xã vùng cao biên giới"),
    ]

    func testMarkedWordsAsWrittenComeFirst() throws {
        let test = try fixture(Self.roads)
        let ranked = try found(test, "đường")
        XCTAssertEqual(Set(ranked), Set(Self.roads.map(\.0)), "folded matches are still found")
        XCTAssertEqual(Set(ranked.prefix(2)), ["duong-4", "duong-5"], "\(ranked)")
        XCTAssertEqual(Set(try found(test, "Đường").prefix(2)), ["duong-4", "duong-5"], "case does not matter")
        XCTAssertEqual(try found(test, "dương").first, "duong-1")
        XCTAssertEqual(try found(test, "đương").first, "duong-2")
        // Before issue 18 (the old ranking, kept for comparison): bm25 alone, the denser pages first.
        let old = SearchQuery("đường", ranksByMarks: false)
        XCTAssertEqual(old.matchExpression, SearchQuery("duong").matchExpression)
        XCTAssertEqual(try test.catalog.search("duong", filters: SearchFilters(access: [.public])).results.first?.hit.itemID, "duong-1")
    }

    func testUnmarkedWordsMatchEveryFormAlike() throws {
        let test = try fixture([
            ("a", "đường xa"), ("b", "dương xa"), ("c", "đương xa"), ("d", "duong xa"),
        ])
        let page = try test.catalog.search("duong", filters: SearchFilters(access: [.public]))
        XCTAssertEqual(page.results.map(\.hit.itemID), ["a", "b", "c", "d"], "equal scores: page order")
        XCTAssertEqual(Set(page.results.map(\.hit.score)).count, 1, "\(page.results.map(\.hit.score))")
        XCTAssertNil(SearchQuery("duong xa").exactTokens.compactMap { $0 }.first, "no marks, no exact form")
    }

    func testOldAndNewTonePlacementAreOneWord() throws {
        XCTAssertEqual(MarkedWords.exactForm("hòa"), MarkedWords.exactForm("hoà"))
        XCTAssertEqual(MarkedWords.exactForm("Thủy"), MarkedWords.exactForm("thuỷ"))
        XCTAssertEqual(MarkedWords.exactForm("Hoá"), MarkedWords.exactForm("hóa"))
        XCTAssertNotEqual(MarkedWords.exactForm("hòa"), MarkedWords.exactForm("hoa"))
        XCTAssertNotEqual(MarkedWords.exactForm("hòa"), MarkedWords.exactForm("hóa"))
        XCTAssertNotEqual(MarkedWords.exactForm("đường"), MarkedWords.exactForm("dường"))
        XCTAssertNotEqual(MarkedWords.exactForm("đường"), MarkedWords.exactForm("đương"))
        XCTAssertNotEqual(MarkedWords.exactForm("ưa"), MarkedWords.exactForm("ứa"))
        XCTAssertEqual(MarkedWords.exactForm("đường"), MarkedWords.exactForm("đường".decomposedStringWithCanonicalMapping[...]))
        XCTAssertFalse(MarkedWords.hasMarks(MarkedWords.exactForm("Duong")))
        XCTAssertTrue(MarkedWords.hasMarks(MarkedWords.exactForm("dương")))
        XCTAssertTrue(MarkedWords.hasMarks(MarkedWords.exactForm("Đa")), "đ is a marked letter")

        let test = try fixture([("hoa", "Hoa ban nở"), ("hoa-new", "Hoà bình"), ("hoa-old", "Hòa bình"), ("hoa-acute", "Hóa học")])
        for query in ["hoà", "hòa", "Hòa", "HOÀ"] {
            let ranked = try found(test, query)
            XCTAssertEqual(Set(ranked.prefix(2)), ["hoa-new", "hoa-old"], "\(query): \(ranked)")
            XCTAssertEqual(ranked.count, 4, query)
        }
        XCTAssertEqual(try found(test, "thuỷ"), [])
        let phrase = try found(test, "\"hòa bình\"")
        XCTAssertEqual(Set(phrase), ["hoa-new", "hoa-old"])
    }

    func testThePhraseAsWrittenComesFirst() throws {
        let test = try fixture([("folded", "dai hoc tay bac, dai hoc"), ("written", "Đại học Tây Bắc")])
        XCTAssertEqual(try found(test, "\"đại học\""), ["written", "folded"])
        XCTAssertEqual(try found(test, "\"dai hoc\""), ["folded", "written"], "bm25: two matches")
        XCTAssertEqual(try found(test, "đại học tây"), ["written", "folded"], "plain words, the last one a prefix")
    }

    func testHighlightsStillMarkTheMatchedWords() throws {
        let test = try fixture([("a", "Con đường và dương cầm")])
        let hit = try XCTUnwrap(try test.catalog.search("đường", filters: SearchFilters(access: [.public])).results.first?.hit)
        XCTAssertEqual(hit.highlights.map { String(hit.snippet[$0]) }, ["đường", "dương"])
    }

    /// Tai Viet's vowel and tone signs tell words apart: a word with a sign is not the bare word.
    func testTaiVietSignsAreKept() throws {
        let withSign = "\u{AA80}\u{AAB2}\u{AA81}"
        let bare = "\u{AA80}\u{AA81}"
        let test = try fixture([("sign", "\(withSign) \u{AA85}"), ("bare", "\(bare) \u{AA85}")])
        XCTAssertEqual(try found(test, withSign), ["sign"])
        XCTAssertEqual(try found(test, bare), ["bare"])
        XCTAssertEqual(try found(test, "\"\(bare) \u{AA85}\""), ["bare"])
        XCTAssertEqual(MarkedWords.exactForm(Substring(withSign)), withSign)
    }

    /// The tokens are fixed (an index made by one version is read by the next): these are also what
    /// `scripts/bench_search.py`, which writes its catalog without sohoa, makes.
    func testTokensAreStable() {
        XCTAssertEqual(MarkedWords.token(MarkedWords.exactForm("Con")).value, 0x10B269)
        XCTAssertEqual(MarkedWords.token(MarkedWords.exactForm("đường")).value, 0xF8579)
        XCTAssertEqual(MarkedWords.token(MarkedWords.exactForm("Hòa")).value, 0x108D01)
        XCTAssertEqual(MarkedWords.token(MarkedWords.exactForm("hoà")).value, 0x108D01)
    }

    /// The column of tokens has one per word, as the tokenizer reads them, so phrases line up.
    func testTheTokenColumnHasOneTokenPerWord() throws {
        let text = "«Trường Đại học», năm 1945 — \u{AA80}\u{AAB2} ꪁ"
        let column = MarkedWords.column(text)
        XCTAssertEqual(column.split(separator: " ").count, DiacriticFolding.words(in: text).count)
        XCTAssertTrue(column.unicodeScalars.allSatisfy { $0 == " " || (0xF0000...0x10FFFD).contains($0.value) })
        let test = try TestCatalog(self)
        let page = try XCTUnwrap(try test.addText("a", text).id)
        let tokens = column.split(separator: " ").map(String.init)
        let phrase = "marks : \"" + tokens[1...3].joined(separator: " ") + "\""
        let matches = try test.catalog.pool.read { db in
            try Int64.fetchAll(db, sql: "SELECT rowid FROM page_search WHERE page_search MATCH ?", arguments: [phrase])
        }
        XCTAssertEqual(matches, [page], "the tokens of \"Đại học năm\" are a phrase of the column")
    }
}
