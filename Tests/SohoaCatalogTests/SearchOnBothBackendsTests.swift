import Foundation
import XCTest

@testable import SohoaCatalog

/// Search on SQLite (FTS5) and on PostgreSQL (`TSVectorSearch`) gives the same results for a fixed set
/// of queries on the same catalog (issue 16): the same pages in the same order, the same scores to the
/// bit, snippets, highlights, totals and paging; and the expected pages for each query.
final class SearchOnBothBackendsTests: XCTestCase {
    /// Stores a packaged item (its pages holding `texts`) at `access`.
    private func addPackaged(
        _ test: TestCatalog, _ id: String, library: String = "LCH", type: String = "local-history", date: String = "1930",
        language: String = "vie", access: AccessLevel = .public, withdrawn: Bool = false, _ texts: String...
    ) throws {
        try test.catalog.upsertItem(
            ItemRecord(id: id, libraryCode: library, title: id, date: date, language: language, type: type, sourcePath: "/b/\(id)"))
        for (index, text) in texts.enumerated() {
            try test.addText(id, page: String(format: "p%03d", index + 1), sequence: index + 1, text)
        }
        try test.catalog.markItemPackaged(id: id, version: "v1", objectPath: "x/\(id)")
        try test.catalog.pool.write { db in
            try db.execute(
                sql: "UPDATE items SET access = ?, withdrawnAt = ? WHERE id = ?",
                arguments: [access.rawValue, withdrawn ? Date() : nil, id])
        }
    }

    private func fixture() throws -> TestCatalog {
        let test = try TestCatalog(self)
        try addPackaged(
            test, "lc-thuvien",
            "Thư viện tỉnh Lai Châu lưu giữ tài liệu quý của Trường Đại học Tây Bắc. Thư viện mở cửa hằng ngày.")
        try addPackaged(
            test, "lc-hoa", type: "newspaper", date: "1925",
            "Hòa bình và thủy lợi: đập Hoà Bình trên sông Đà, thuỷ điện lớn nhất; hoa hòe.")
        try addPackaged(
            test, "hn-bao", library: "HN", type: "newspaper", date: "1945-09-02", language: "vie+fra",
            "Báo Hà Nội mới, số ra ngày 2 tháng 9 năm 1945. Đại hội đại biểu toàn quốc.", "Trang hai: thư viện và đại học.")
        try addPackaged(
            test, "ld-dalat", library: "LD", type: "photo", date: "[1960]", "Đà Lạt: thành phố ngàn hoa, đại hội thể thao, dân ca.")
        try addPackaged(
            test, "lc-duong", date: "1950", "Con đường đến trường. Đường sá xa xôi, đường đèo.",
            "Dương liễu bên đường, dưỡng sinh, Dương Văn Minh.")
        try addPackaged(test, "lc-ho", "Họ và tên: Nguyễn Văn Học, học sinh trường làng, gặp hổ. Đại họ Nguyễn.")
        try addPackaged(test, "hn-mat", library: "HN", access: .restricted, "Thư viện Hà Nội, tài liệu hạn chế.")
        try addPackaged(test, "closed", access: .closed, "Thư viện mật")
        try addPackaged(test, "withdrawn", withdrawn: true, "Thư viện cũ")
        try test.addText("unpackaged", "Thư viện chưa đóng gói")
        return test
    }

    /// One query of the set: its text, filters and paging, and the pages expected (`item/page`), best first.
    private struct Case {
        var query: String
        var filters = SearchFilters(access: [.public])
        var limit = 20
        var offset = 0
        var expected: [String]
    }

    private static let cases: [Case] = [
        Case(query: "thu vien", expected: ["hn-bao/p002", "lc-thuvien/p001"]),
        Case(query: "Thư viện", expected: ["hn-bao/p002", "lc-thuvien/p001"]),
        Case(query: "THƯ VIỆN", expected: ["hn-bao/p002", "lc-thuvien/p001"]),
        Case(query: "dai hoc", expected: ["hn-bao/p002", "lc-ho/p001", "lc-thuvien/p001"]),
        Case(query: "đại học", expected: ["hn-bao/p002", "lc-ho/p001", "lc-thuvien/p001"]),
        Case(query: "da lat", expected: ["ld-dalat/p001"]),
        Case(query: "Đà Lạt", expected: ["ld-dalat/p001"]),
        Case(query: "\"dai hoi\"", expected: ["ld-dalat/p001", "hn-bao/p001"]),
        Case(query: "\"hoc dai\"", expected: []),
        Case(query: "\"Đại hội đại biểu\"", expected: ["hn-bao/p001"]),
        Case(query: "hoa binh", expected: ["lc-hoa/p001"]),
        Case(query: "hoà", expected: ["lc-hoa/p001", "ld-dalat/p001"]),
        // Both pages have "đường" as written; bm25 then prefers the shorter page with more folded matches.
        Case(query: "đường", expected: ["lc-duong/p002", "lc-duong/p001"]),
        Case(query: "duong", expected: ["lc-duong/p002", "lc-duong/p001"]),
        Case(query: "Dương", expected: ["lc-duong/p002", "lc-duong/p001"]),
        // "họ" as written ranks first; "học", "hội" and "hoa" by bm25 after it.
        Case(query: "đại họ", expected: ["lc-ho/p001", "hn-bao/p002", "hn-bao/p001", "ld-dalat/p001", "lc-thuvien/p001"]),
        Case(query: "1945", expected: ["hn-bao/p001"]),
        Case(query: "thư viện!!! (Lai Châu)?", expected: ["lc-thuvien/p001"]),
        Case(query: "xyzzy", expected: []),
        Case(query: "!!! ???", expected: []),
        Case(query: "tai lieu", expected: ["lc-thuvien/p001"]),
        Case(
            query: "tai lieu", filters: SearchFilters(access: SearchFilters.readable(signedIn: true)),
            expected: ["hn-mat/p001", "lc-thuvien/p001"]),
        Case(
            query: "thu vien", filters: SearchFilters(access: Set(AccessLevel.allCases)),
            expected: ["hn-bao/p002", "hn-mat/p001", "lc-thuvien/p001"]),
        Case(query: "thu vien", filters: SearchFilters(access: []), expected: []),
        Case(query: "thu vien", filters: SearchFilters(access: [.public], libraryCode: "LCH"), expected: ["lc-thuvien/p001"]),
        Case(
            query: "dai", filters: SearchFilters(access: [.public], collectionType: "newspaper"), expected: ["hn-bao/p002", "hn-bao/p001"]),
        Case(query: "dai", filters: SearchFilters(access: [.public], year: 1945), expected: ["hn-bao/p002", "hn-bao/p001"]),
        Case(query: "dai", filters: SearchFilters(access: [.public], language: "fra"), expected: ["hn-bao/p002", "hn-bao/p001"]),
        Case(query: "dai", limit: 2, offset: 1, expected: ["hn-bao/p001", "ld-dalat/p001"]),
    ]

    /// A result as the comparison reads it: page, score to the bit, snippet with its highlights.
    private func line(_ hit: SearchHit) -> String {
        "\(hit.itemID)/\(hit.pageName) #\(hit.pageID) \(hit.score.bitPattern) \(hit.markedSnippet())"
    }

    func testAFixedQuerySetGivesTheSameResultsOnBothBackends() throws {
        let test = try fixture()
        var answers: [CatalogBackend: [String]] = [:]
        try test.onEachBackend(self) { catalog, backend in
            var lines: [String] = []
            for item in Self.cases {
                let page = try catalog.search(item.query, filters: item.filters, limit: item.limit, offset: item.offset)
                let found = page.results.map { "\($0.hit.itemID)/\($0.hit.pageName)" }
                XCTAssertEqual(found, item.expected, "\(backend): \(item.query) \(item.filters)")
                lines.append("\(item.query) total=\(page.total) exact=\(page.totalIsExact) offset=\(page.offset)")
                lines += page.results.map { "  \(line($0.hit)) \($0.libraryCode) \($0.access) \($0.collectionType ?? "-")" }
                // The unfiltered search (`sohoa search`) ranks by FTS5's bm25 over both columns.
                lines += try catalog.search(item.query, limit: 20).map { "  all: \(line($0))" }
            }
            answers[backend] = lines
        }
        guard let postgres = answers[.postgres] else { return }
        let sqlite = try XCTUnwrap(answers[.sqlite])
        XCTAssertEqual(postgres.count, sqlite.count)
        for (onPostgres, onSQLite) in zip(postgres, sqlite) {
            XCTAssertEqual(onPostgres, onSQLite, "PostgreSQL gives what SQLite gives")
        }
    }

    /// The same page twice (the cache's path) and every page of a longer list are equal on both.
    func testPagingAndTheCacheAgree() throws {
        let test = try TestCatalog(self)
        try test.catalog.upsertItem(ItemRecord(id: "many", libraryCode: "LC", sourcePath: "/b/many"))
        for index in 1...45 {
            let words = String(repeating: "ruộng ", count: index % 4 + 1) + "bậc thang \(index) " + (index % 3 == 0 ? "Ruộng" : "ruong")
            try test.addText("many", page: String(format: "p%03d", index), sequence: index, words)
        }
        try test.catalog.markItemPackaged(id: "many", version: "v1", objectPath: "x/many")
        var answers: [CatalogBackend: [String]] = [:]
        try test.onEachBackend(self) { catalog, backend in
            var lines: [String] = []
            for query in ["ruong", "ruộng thang", "Ruộng"] {
                for offset in [0, 20, 40, 20] {
                    let page = try catalog.search(query, filters: SearchFilters(access: [.public]), limit: 20, offset: offset)
                    XCTAssertEqual(page.total, 45, "\(backend) \(query)")
                    lines += page.results.map(\.hit).map(line)
                }
                lines += try catalog.search(query, limit: 50, offset: 3).map(line)
            }
            answers[backend] = lines
        }
        guard let postgres = answers[.postgres] else { return }
        XCTAssertEqual(postgres, answers[.sqlite])
    }

    /// Two exact forms sharing a token (`bộm` and `bữt`, about once in 131,000 pairs): FTS5 finds the
    /// page with `bữt` for the query `bộm` through its `marks` column and ranks it as written;
    /// PostgreSQL does the same through `page_marks`, and counts it in the exact form's weight.
    func testAWordSharingATokenRanksAsOnSQLite() throws {
        XCTAssertEqual(MarkedWords.token(MarkedWords.exactForm("bộm")), MarkedWords.token(MarkedWords.exactForm("bữt")))
        let test = try TestCatalog(self)
        for (id, text) in [("a", "Con bộm ở đây, bom"), ("b", "Chữ bữt lạ"), ("c", "bom nổ bom"), ("d", "Bồm bộp"), ("e", "bộm và bom")] {
            try addPackaged(test, id, text)
        }
        var answers: [CatalogBackend: [String]] = [:]
        try test.onEachBackend(self) { catalog, backend in
            var lines: [String] = []
            for query in ["bộm", "\"bộm\"", "bộm bom", "con bộm", "bom", "chữ bộm"] {
                let page = try catalog.search(query, filters: SearchFilters(access: [.public]))
                lines += page.results.map(\.hit).map(line)
                lines += try catalog.search(query).map { "all: " + line($0) }
            }
            let found = try catalog.search("bộm", filters: SearchFilters(access: [.public])).results.map(\.hit.itemID)
            XCTAssertEqual(found, ["e", "a", "b", "c", "d"], "\(backend): b only has bữt, which shares bộm's token")
            answers[backend] = lines
        }
        guard let postgres = answers[.postgres] else { return }
        XCTAssertEqual(postgres, answers[.sqlite])
    }

    /// Texts recorded on each backend (not copied) are found and ranked alike: PostgreSQL's exact-form
    /// tokens are written with the text, and replaced with it.
    func testTextsRecordedOnEachBackendRankAlike() throws {
        var answers: [CatalogBackend: [String]] = [:]
        try TestCatalog.onEachEmptyBackend(self) { catalog, backend in
            var pages: [String: Int64] = [:]
            for (id, text) in [("a", "Dương dương tự đắc"), ("b", "Con đường làng"), ("c", "duong xa"), ("d", "Đường đi")] {
                try catalog.upsertItem(ItemRecord(id: id, libraryCode: "LC", title: id, sourcePath: "/b/\(id)"))
                let page = try catalog.upsertPage(
                    PageRecord(
                        itemID: id, name: "p001", sequence: 1, sourcePath: "/b/\(id)/p001.tif",
                        sourceSHA256: TestCatalog.sha("a"), state: .done))
                pages[id] = try XCTUnwrap(page.id)
                try catalog.recordPageText(pageID: try XCTUnwrap(page.id), itemID: id, text: text)
                try catalog.markItemPackaged(id: id, version: "v1", objectPath: "x/\(id)")
            }
            func found() throws -> [String] {
                try catalog.search("đường", filters: SearchFilters(access: [.public])).results.map(\.hit.itemID)
            }
            XCTAssertEqual(try found(), ["d", "b", "a", "c"], "\(backend): as written first")
            _ = try catalog.search("đường đi", filters: SearchFilters(access: [.public]))
            try catalog.recordPageText(pageID: try XCTUnwrap(pages["d"]), itemID: "d", text: "Dương đi xa lắm")
            XCTAssertEqual(try found(), ["b", "a", "c", "d"], "\(backend): the replaced text's exact forms (c and d tie: page order)")
            // The scores after the change (the index's size and term counts read again, not the kept ones).
            answers[backend] =
                try catalog.search("đường").map(line)
                + catalog.search("đường đi", filters: SearchFilters(access: [.public])).results.map(\.hit).map(line)
        }
        guard let postgres = answers[.postgres] else { return }
        XCTAssertEqual(postgres, answers[.sqlite])
    }
}
