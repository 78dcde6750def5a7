import Foundation
import SohoaTesting
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
        try found(test.catalog, query)
    }

    private func found(_ catalog: Catalog, _ query: String) throws -> [String] {
        try catalog.search(query, filters: SearchFilters(access: [.public])).results.map(\.hit.itemID)
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
        try test.onEachBackend(self) { catalog, backend in
            let ranked = try found(catalog, "đường")
            XCTAssertEqual(Set(ranked), Set(Self.roads.map(\.0)), "folded matches are still found")
            XCTAssertEqual(Set(ranked.prefix(2)), ["duong-4", "duong-5"], "\(ranked)")
            XCTAssertEqual(Set(try found(catalog, "Đường").prefix(2)), ["duong-4", "duong-5"], "case does not matter")
            XCTAssertEqual(try found(catalog, "dương").first, "duong-1")
            XCTAssertEqual(try found(catalog, "đương").first, "duong-2")
            // Before issue 18 (the old ranking, kept for comparison): bm25 alone, the denser pages first.
            let old = SearchQuery("đường", ranksByMarks: false)
            XCTAssertEqual(old.matchExpression, SearchQuery("duong").matchExpression)
            XCTAssertEqual(try catalog.search("duong", filters: SearchFilters(access: [.public])).results.first?.hit.itemID, "duong-1")
        }
    }

    /// The last word, matched as a prefix, may be a word not finished: a page where it starts a
    /// longer word ranks as one with the word as written (the longer word's marks are unknown), and
    /// only the pages with the same letters but other marks come after.
    /// The last word is a prefix, and is taken as written too: a search is sent finished.
    func testAMarkedLastWordRanksItsExactFormFirst() throws {
        let test = try fixture([
            ("hoc", "Trường đại học sư phạm của tỉnh Lai Châu mở năm nay"),
            ("ho-other-marks", "Đại hổ"),
            ("ho", "Đại họ Lò ở bản"),
        ])
        try test.onEachBackend(self) { catalog, backend in
            let ranked = try found(catalog, "đại họ")
            XCTAssertEqual(ranked.first, "ho", "\(ranked)")
            XCTAssertEqual(Set(ranked), ["ho", "hoc", "ho-other-marks"], "a prefix still finds the longer word")
            let query = SearchQuery("đại họ")
            XCTAssertTrue(query.matchExpression?.contains(#" AND (folded : "ho"* OR marks : ""#) == true, "\(query)")
            XCTAssertEqual(try catalog.search("đại họ").first?.itemID, "ho", "bm25 weighs the marks column too")
        }
    }

    /// A query's private-use characters are word characters, but never the `marks` column's tokens.
    func testPrivateUseCharactersInAQueryMatchOnlyFoldedText() throws {
        let test = try fixture([("a", "Con đường mới"), ("b", "Dấu \u{F0001} riêng")])
        let token = String(Character(MarkedWords.token(MarkedWords.exactForm("đường"))))
        XCTAssertEqual(try found(test, token), [])
        XCTAssertEqual(try test.catalog.search(token).map(\.itemID), [])
        XCTAssertEqual(try found(test, "con " + token), [])
        XCTAssertEqual(try found(test, "\u{F0001}"), ["b"], "the text's own private-use characters are still words")
    }

    func testUnmarkedWordsMatchEveryFormAlike() throws {
        let test = try fixture([
            ("a", "đường xa"), ("b", "dương xa"), ("c", "đương xa"), ("d", "duong xa"),
        ])
        try test.onEachBackend(self) { catalog, backend in
            let page = try catalog.search("duong", filters: SearchFilters(access: [.public]))
            XCTAssertEqual(page.results.map(\.hit.itemID), ["a", "b", "c", "d"], "equal scores: page order")
            XCTAssertEqual(Set(page.results.map(\.hit.score)).count, 1, "\(page.results.map(\.hit.score))")
            XCTAssertNil(SearchQuery("duong xa").exactTokens.compactMap { $0 }.first, "no marks, no exact form")
        }
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
        try test.onEachBackend(self) { catalog, backend in
            XCTAssertEqual(try found(catalog, "\"đại học\""), ["written", "folded"])
            XCTAssertEqual(try found(catalog, "\"dai hoc\""), ["folded", "written"], "bm25: two matches")
            XCTAssertEqual(try found(catalog, "đại học tây"), ["written", "folded"], "plain words, the last one a prefix")
        }
    }

    func testHighlightsStillMarkTheMatchedWords() throws {
        let test = try fixture([("a", "Con đường và dương cầm")])
        try test.onEachBackend(self) { catalog, backend in
            let hit = try XCTUnwrap(try catalog.search("đường", filters: SearchFilters(access: [.public])).results.first?.hit)
            XCTAssertEqual(hit.highlights.map { String(hit.snippet[$0]) }, ["đường", "dương"])
        }
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

    /// Folding and the exact form take a character apart in one place (`DiacriticFolding.pieces`):
    /// the folded form is the exact form without its marks' codes, for every character the tables hold.
    func testTheFoldedFormIsTheExactFormWithoutItsMarks() {
        let others = ["\u{AA80}\u{AAB2}", "a\u{301}\u{323}", "đ\u{301}", "Ð", "1\u{301}", "\u{301}", "ꞗ", "Ｄ", "ǅ", "İ"]
        let characters = (0..<DiacriticFolding.foldedScalarLimit).compactMap(Unicode.Scalar.init).map(Character.init)
        for character in characters + others.map(Character.init) {
            let exact = MarkedWords.exactForm(Substring(String(character)))
            let unmarked = String(String.UnicodeScalarView(exact.unicodeScalars.filter { !(0xE000...0xE3FF).contains($0.value) }))
            XCTAssertEqual(unmarked, DiacriticFolding.fold(character), "\(character.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        XCTAssertEqual(DiacriticFolding.pieces("Ự"), [.letter("u"), .mark("\u{31B}"), .mark("\u{323}")])
        XCTAssertEqual(DiacriticFolding.pieces("Đ"), [.letter("d"), .bar])
        XCTAssertEqual(DiacriticFolding.pieces("Й"), [.letter("й")], "Cyrillic keeps its marks")
    }

    /// `scripts/bench_search.py` writes the index of the benchmark's and the judged set's catalogs
    /// without sohoa (`search_eval.py` through it): its folded text and tokens must be sohoa's, for the
    /// judged set's texts and for the scripts that fold differently.
    func testPythonFoldsAndMarksAsSohoa() throws {
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile)
        else { throw XCTSkip("no python3 to run scripts/bench_search.py") }
        let root = SharedFolder.packageRoot
        let judged = try String(contentsOf: root.appendingPathComponent("scripts/search-judgements/pages.tsv"), encoding: .utf8)
        var texts = judged.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            line.split(separator: "\t", maxSplits: 1).last.map(String.init)
        }
        let scans = root.appendingPathComponent("SampleScans")
        let files = FileManager.default.enumerator(at: scans, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? []
        for file in files where file.lastPathComponent.hasSuffix(".gt.txt") {
            texts.append(try String(contentsOf: file, encoding: .utf8))
        }
        XCTAssertGreaterThan(texts.count, 200, "the judged set's pages")
        texts =
            texts.map(\.precomposedStringWithCanonicalMapping) + [
                "Đường đi — ĐẠI HỌC, «Hòa» và hoà; ð Ð 1945² x*y",
                "\u{AA80}\u{AAB2}\u{AA81} \u{AA85}: chữ Thái Việt",
                "Ἀθῆναι ΟΔΟΣ ά, Йошкар-Ола ёлка",
                "đường".decomposedStringWithCanonicalMapping + " Hoa\u{300} 1\u{301}2 \u{301}a",
                "line\r\nnext 👍🏽 a\u{200D}b İstanbul ǅemal Ｄại क्षत्रिय 한국어 \u{F0001}",
            ]
        let input = String(decoding: try JSONSerialization.data(withJSONObject: texts), as: UTF8.self)
        let run = try ProcessRunner.run(
            URL(fileURLWithPath: python), [root.appendingPathComponent("scripts/bench_search.py").path, "index"], input: input)
        XCTAssertEqual(run.exitCode, 0, run.stderr)
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String]])
        XCTAssertEqual(rows.count, texts.count)
        for (text, row) in zip(texts, rows) {
            XCTAssertEqual(row.first, DiacriticFolding.fold(text), "folded: \(text.prefix(60))")
            XCTAssertEqual(row.last, MarkedWords.column(text), "marks: \(text.prefix(60))")
        }
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
