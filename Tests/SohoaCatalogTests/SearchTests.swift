import Foundation
import XCTest

@testable import SohoaCatalog

/// Full-text search finds Vietnamese text with or without diacritics, `đ/Đ` and case folded,
/// phrases, prefixes; ranks by bm25; and follows text replacements.
final class SearchTests: XCTestCase {
    static let laiChau = "Thư viện tỉnh Lai Châu lưu giữ tài liệu quý của Trường Đại học Tây Bắc."
    static let hanoi = "Báo Hà Nội mới, số ra ngày 2 tháng 9 năm 1945."
    static let dalat = "Đà Lạt: thành phố ngàn hoa, đại hội thể thao."

    private func fixture() throws -> TestCatalog {
        let test = try TestCatalog(self)
        try test.addItem("tv-laichau", title: "Tư liệu Lai Châu")
        try test.addText("tv-laichau", Self.laiChau)
        try test.addText("bao-hanoi", Self.hanoi)
        try test.addText("dalat", Self.dalat)
        return test
    }

    private func items(_ test: TestCatalog, _ query: String) throws -> [String] {
        try items(test.catalog, query)
    }

    private func items(_ catalog: Catalog, _ query: String) throws -> [String] {
        try catalog.search(query, limit: 10).map(\.itemID)
    }

    func testWithAndWithoutDiacriticsAndCase() throws {
        let test = try fixture()
        try test.onEachBackend(self) { catalog, backend in
            for query in [
                "thu vien", "Thư viện", "THƯ VIỆN", "thư vien", "dai hoc", "ĐẠI HỌC", "Đại học", "đại học", "DAI HOC",
            ] {
                XCTAssertEqual(try items(catalog, query), ["tv-laichau"], "\(backend): \(query)")
            }
            XCTAssertEqual(try items(catalog, "lai chau dai hoc"), ["tv-laichau"], "words from both ends of the text")
            XCTAssertEqual(try items(catalog, "Tây Bắc thư viện"), ["tv-laichau"], "any order")
            XCTAssertEqual(try items(catalog, "thu vien ha noi"), [], "all words must match")
        }
    }

    func testDWithStrokeFoldsToD() throws {
        let test = try fixture()
        try test.onEachBackend(self) { catalog, backend in
            XCTAssertEqual(Set(try items(catalog, "da lat")), ["dalat"])
            XCTAssertEqual(Set(try items(catalog, "Đà Lạt")), ["dalat"])
            XCTAssertEqual(Set(try items(catalog, "đai")), ["tv-laichau", "dalat"], "đại học and đại hội (prefix)")
        }
    }

    func testNumbersAndPunctuationInText() throws {
        let test = try fixture()
        try test.onEachBackend(self) { catalog, backend in
            XCTAssertEqual(try items(catalog, "1945"), ["bao-hanoi"])
            XCTAssertEqual(try items(catalog, "ngay 2 thang 9"), ["bao-hanoi"])
        }
    }

    func testPhraseQueries() throws {
        let test = try fixture()
        try test.onEachBackend(self) { catalog, backend in
            XCTAssertEqual(try items(catalog, #""dai hoc""#), ["tv-laichau"])
            XCTAssertEqual(try items(catalog, #""Thư viện tỉnh""#), ["tv-laichau"])
            XCTAssertEqual(try items(catalog, #""hoc dai""#), [], "a phrase keeps its order")
            XCTAssertEqual(try items(catalog, #""thu tinh""#), [], "a phrase keeps its words together")
            XCTAssertEqual(try items(catalog, #""dai hoc" lai"#), ["tv-laichau"], "phrase plus word")
            XCTAssertEqual(try items(catalog, #""đại hội"#), ["dalat"], "unclosed quote runs to the end")
            XCTAssertEqual(try items(catalog, "“thư viện”"), ["tv-laichau"], "typographic quotes")
        }
    }

    func testPrefixOfTheLastWord() throws {
        let test = try fixture()
        try test.onEachBackend(self) { catalog, backend in
            XCTAssertEqual(try items(catalog, "thu vi"), ["tv-laichau"])
            XCTAssertEqual(try items(catalog, "Trườ"), ["tv-laichau"])
            XCTAssertEqual(try items(catalog, "thanh pho ng"), ["dalat"])
            XCTAssertEqual(try items(catalog, "vi thu"), [], "only the last word is a prefix")
            XCTAssertEqual(try items(catalog, #""thu vi""#), [], "a quoted phrase is not a prefix")
        }
    }

    func testOneLetterLastWordIsAWordNotAPrefix() throws {
        let test = try fixture()
        // "t" as a prefix would read every word of the index that starts with t (no index for it).
        try test.onEachBackend(self) { catalog, backend in
            XCTAssertEqual(SearchQuery("thu t").matchExpression, #"folded : "thu" folded : "t""#)
            XCTAssertEqual(try items(catalog, "thu v"), [], "a one-letter word matches only the word itself")
            XCTAssertEqual(
                SearchQuery("thu vi").matchExpression, #"folded : "thu" folded : "vi"*"#, "two letters: the prefix index answers")
            XCTAssertEqual(try items(catalog, "thu vi"), ["tv-laichau"])
            XCTAssertEqual(try items(catalog, "ngay 2"), ["bao-hanoi"], "a one-letter word still matches whole")
        }
    }

    func testWordsBeyondTheLimitAreNotSearched() throws {
        let limit = SearchQuery.maximumWords
        let long = (1...40).map { "w\($0)" }
        let plain = SearchQuery(long.joined(separator: " "))
        XCTAssertEqual(plain.wordCount, 40)
        XCTAssertEqual(plain.terms.flatMap(\.words).count, limit)
        let phrase = SearchQuery("thu \"" + long.joined(separator: " ") + "\"")
        XCTAssertEqual(phrase.wordCount, 41)
        XCTAssertEqual(phrase.terms, [.word("thu"), .phrase(Array(long.prefix(limit - 1)))], "a long phrase is cut")
        XCTAssertEqual(Catalog.searchWordCount("“đại học” thư viện"), 4)
    }

    func testHitCarriesItemPageAndTitle() throws {
        let test = try fixture()
        try test.onEachBackend(self) { catalog, backend in
            let hit = try XCTUnwrap(catalog.search("Lai Châu").first)
            XCTAssertEqual(hit.itemID, "tv-laichau")
            XCTAssertEqual(hit.itemTitle, "Tư liệu Lai Châu")
            XCTAssertEqual(hit.pageName, "p001")
            XCTAssertEqual(hit.sequence, 1)
            XCTAssertEqual(hit.pageID, try catalog.page(itemID: "tv-laichau", name: "p001")?.id)
        }
    }

    func testRankedByBM25() throws {
        let test = try TestCatalog(self)
        try test.addText(
            "it-mentions",
            "Một trang nói về nhiều chuyện; thư viện chỉ được nhắc một lần ở đây, "
                + "còn lại là chuyện ruộng đồng, mùa màng, chợ búa và đình làng.")
        try test.addText("about-it", "Thư viện, thư viện, thư viện: lịch sử thư viện tỉnh.")
        try test.onEachBackend(self) { catalog, backend in
            let hits = try catalog.search("thu vien")
            XCTAssertEqual(hits.map(\.itemID), ["about-it", "it-mentions"])
            XCTAssertLessThan(hits[0].score, hits[1].score)
        }
    }

    func testLimitAndOffset() throws {
        let test = try TestCatalog(self)
        try test.addItem("sach")
        for n in 1...5 {
            let page = try test.addPage("sach", String(format: "p%03d", n), sequence: n)
            try test.catalog.recordPageText(pageID: page.id ?? 0, itemID: "sach", text: "trang \(n) của sách cổ")
        }
        try test.onEachBackend(self) { catalog, backend in
            XCTAssertEqual(try catalog.search("sach co", limit: 2).count, 2)
            XCTAssertEqual(try catalog.search("sach co", limit: 10).count, 5)
            XCTAssertEqual(try catalog.search("sach co", limit: 10, offset: 4).count, 1)
            XCTAssertEqual(try catalog.search("sach co", limit: 0).count, 0)
        }
    }

    func testRecordingTextAgainReplacesOldHits() throws {
        let test = try TestCatalog(self)
        let page = try test.addText("sach", "Chữ cũ: Ngũ Hành Sơn")
        XCTAssertEqual(try items(test, "ngu hanh son"), ["sach"])
        try test.catalog.recordPageText(pageID: page.id ?? 0, itemID: "sach", text: "Chữ mới: Hồ Hoàn Kiếm")
        XCTAssertEqual(try items(test, "ngu hanh son"), [])
        XCTAssertEqual(try items(test, "ho hoan kiem"), ["sach"])
        XCTAssertEqual(try test.catalog.pageText(pageID: page.id ?? 0), "Chữ mới: Hồ Hoàn Kiếm")
        let rows = try test.catalog.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM page_search") }
        XCTAssertEqual(rows, 1)
    }

    func testTextIsStoredNFCAndDecomposedInputIsFound() throws {
        let test = try TestCatalog(self)
        let decomposed = "Thư viện Đại học".decomposedStringWithCanonicalMapping
        XCTAssertNotEqual(Array(decomposed.unicodeScalars), Array("Thư viện Đại học".unicodeScalars))
        let page = try test.addText("sach", decomposed)
        let stored = try XCTUnwrap(test.catalog.pageText(pageID: page.id ?? 0))
        XCTAssertEqual(
            Array(stored.unicodeScalars), Array("Thư viện Đại học".precomposedStringWithCanonicalMapping.unicodeScalars)
        )
        XCTAssertEqual(try items(test, "thu vien"), ["sach"])
        XCTAssertEqual(try items(test, "Đại học".decomposedStringWithCanonicalMapping), ["sach"])
    }

    func testExportablePagesInOrderWithText() throws {
        let test = try TestCatalog(self)
        try test.addItem("sach")
        let p2 = try test.addPage("sach", "p002", sequence: 2)
        let p1 = try test.addPage("sach", "p001", sequence: 1)
        try test.catalog.recordPageText(pageID: p2.id ?? 0, itemID: "sach", text: "trang hai")
        var failed = try test.addPage("sach", "p003", sequence: 3)
        failed.state = .failed
        try test.catalog.upsertPage(failed)
        let exports = try test.catalog.exportablePages(itemID: "sach")
        XCTAssertEqual(exports.map(\.page.name), ["p001", "p002"])
        XCTAssertEqual(exports.map(\.text), [nil, "trang hai"])
        XCTAssertEqual(exports[0].page, p1)
    }
}
