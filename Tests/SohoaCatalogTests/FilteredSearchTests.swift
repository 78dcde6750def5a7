import Foundation
import GRDB
import XCTest

@testable import SohoaCatalog

/// `Catalog.search(_:filters:limit:offset:)`: access levels, withdrawal, filters, totals and paging,
/// hostile input, and the query plan at scale.
final class FilteredSearchTests: XCTestCase {
    /// Stores a packaged item with one page of `text`, at `access`.
    private func addPackaged(
        _ test: TestCatalog, _ id: String, library: String = "LC", type: String? = nil, date: String? = nil, language: String? = "vie",
        access: AccessLevel = .public, withdrawn: Bool = false, text: String
    ) throws {
        try test.catalog.upsertItem(
            ItemRecord(id: id, libraryCode: library, title: id, date: date, language: language, type: type, sourcePath: "/b/\(id)"))
        try test.addText(id, text)
        try test.catalog.markItemPackaged(id: id, version: "v1", objectPath: "x/\(id)")
        try test.catalog.pool.write { db in
            try db.execute(
                sql: "UPDATE items SET access = ?, withdrawnAt = ? WHERE id = ?",
                arguments: [access.rawValue, withdrawn ? Date() : nil, id])
        }
    }

    private func ids(_ page: SearchPage) -> Set<String> {
        Set(page.results.map(\.hit.itemID))
    }

    func testAccessLevelsAndWithdrawal() throws {
        let test = try TestCatalog(self)
        try addPackaged(test, "open", text: "Thư viện tỉnh")
        try addPackaged(test, "restricted", access: .restricted, text: "Thư viện huyện")
        try addPackaged(test, "closed", access: .closed, text: "Thư viện mật")
        try addPackaged(test, "withdrawn", withdrawn: true, text: "Thư viện cũ")
        try test.addText("unpackaged", "Thư viện chưa đóng gói")
        try test.onEachBackend(self) { catalog, backend in
            let reader = try catalog.search("thu vien", filters: SearchFilters(access: SearchFilters.readable(signedIn: false)))
            XCTAssertEqual(ids(reader), ["open"])
            XCTAssertEqual(reader.total, 1)
            let user = try catalog.search("thu vien", filters: SearchFilters(access: SearchFilters.readable(signedIn: true)))
            XCTAssertEqual(ids(user), ["open", "restricted"])
            XCTAssertEqual(user.results.first { $0.hit.itemID == "restricted" }?.access, .restricted)
            let everything = try catalog.search("thu vien", filters: SearchFilters(access: Set(AccessLevel.allCases)))
            XCTAssertEqual(ids(everything), ["open", "restricted"], "closed is never served, even when asked for")
            XCTAssertEqual(try catalog.search("thu vien", filters: SearchFilters(access: [])).total, 0)
        }
    }

    func testFiltersCombine() throws {
        let test = try TestCatalog(self)
        try addPackaged(test, "a", library: "LCH", type: "newspaper", date: "1930-05-02", language: "vie+fra", text: "Đại học một")
        try addPackaged(test, "b", library: "LCH", type: "photo", date: "[1925]", language: "vie", text: "Đại học hai")
        try addPackaged(test, "c", library: "MLY", type: "newspaper", date: "1925", language: "eng", text: "Đại học ba")
        let all = SearchFilters.readable(signedIn: false)
        try test.onEachBackend(self) { catalog, backend in
            func found(_ filters: SearchFilters) throws -> Set<String> { ids(try catalog.search("dai hoc", filters: filters)) }
            XCTAssertEqual(try found(SearchFilters(access: all)), ["a", "b", "c"])
            XCTAssertEqual(try found(SearchFilters(access: all, libraryCode: "LCH")), ["a", "b"])
            XCTAssertEqual(try found(SearchFilters(access: all, collectionType: "newspaper")), ["a", "c"])
            XCTAssertEqual(try found(SearchFilters(access: all, year: 1925)), ["b", "c"])
            XCTAssertEqual(try found(SearchFilters(access: all, language: "fra")), ["a"])
            XCTAssertEqual(try found(SearchFilters(access: all, language: "vie")), ["a", "b"])
            XCTAssertEqual(try found(SearchFilters(access: all, language: "vi")), [], "a code matches whole, not as a prefix")
            XCTAssertEqual(try found(SearchFilters(access: all, libraryCode: "LCH", collectionType: "newspaper", year: 1930)), ["a"])
            XCTAssertEqual(try found(SearchFilters(access: all, libraryCode: "' OR 1=1 --")), [])
        }
    }

    func testCollectionTypeComesFromTheHolding() throws {
        let test = try TestCatalog(self)
        try addPackaged(test, "linked", type: "other", text: "Địa chí Lai Châu")
        try test.catalog.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO holdings (id, libraryCode, title, collectionType, specialValue, source, importedAt, updatedAt)
                    VALUES ('H1', 'LC', 'Địa chí', 'local-history', 1, 'test', ?, ?)
                    """, arguments: [Date(), Date()])
            try db.execute(sql: "UPDATE items SET holdingID = 'H1' WHERE id = 'linked'")
        }
        let filters = SearchFilters(access: [.public], collectionType: "local-history")
        XCTAssertEqual(ids(try test.catalog.search("dia chi", filters: filters)), ["linked"])
        XCTAssertEqual(try test.catalog.collectionOverview(access: [.public]).types.map(\.key), ["local-history"])
    }

    func testTotalAndPaging() throws {
        let test = try TestCatalog(self)
        try test.catalog.upsertItem(ItemRecord(id: "many", libraryCode: "LC", sourcePath: "/b/many"))
        for index in 1...45 {
            let page = try test.addPage("many", String(format: "p%03d", index), sequence: index)
            try test.catalog.recordPageText(pageID: try XCTUnwrap(page.id), itemID: "many", text: "Ruộng bậc thang \(index)")
        }
        try test.catalog.markItemPackaged(id: "many", version: "v1", objectPath: "x/many")
        let filters = SearchFilters(access: [.public])
        try test.onEachBackend(self) { catalog, backend in
            var seen: [Int64] = []
            for offset in stride(from: 0, to: 60, by: 20) {
                let page = try catalog.search("ruong", filters: filters, limit: 20, offset: offset)
                XCTAssertEqual(page.total, 45, "\(backend)")
                XCTAssertEqual(page.offset, offset)
                seen += page.results.map(\.hit.pageID)
            }
            XCTAssertEqual(seen.count, 45, "\(backend)")
            XCTAssertEqual(Set(seen).count, 45, "no page twice across pages")
            XCTAssertEqual(try catalog.search("ruong", filters: filters, limit: 0).results, [])
            XCTAssertEqual(try catalog.search("ruong", filters: filters, offset: -3).offset, 0)
        }
    }

    func testSnippetsMarkMatches() throws {
        let test = try TestCatalog(self)
        try addPackaged(test, "s", text: "Lời nói đầu. <b>Thư</b> viện tỉnh Lai Châu & \"Đại học\"")
        try test.onEachBackend(self) { catalog, backend in
            let page = try catalog.search("\"dai hoc\" thu", filters: SearchFilters(access: [.public]))
            let hit = try XCTUnwrap(page.results.first?.hit)
            XCTAssertEqual(hit.markedSnippet(), "Lời nói đầu. <b>[Thư]</b> viện tỉnh Lai Châu & \"[Đại học]\"")
        }
    }

    func testSnippetWindowGivesTheSameSnippetAsTheWholeText() {
        let filler = (1...60).map { "chữ\($0)" }
        let texts = [
            (filler + ["Thư", "viện", "tỉnh"] + filler).joined(separator: " "),
            (filler.prefix(3) + ["Đại", "học,", "thư\n\nviện"] + filler).joined(separator: "  "),
            (filler + filler + ["(Đại", "học)"]).joined(separator: "\t"),
            (filler + ["\"x\"", "<b>thư</b>", "viện"] + filler).joined(separator: " "),
        ]
        for text in texts {
            for query in ["thu vien", "\"dai hoc\"", "dai", "vien"] {
                let parsed = SearchQuery(query)
                let whole = Snippet(original: text, query: parsed)
                let windowed = SnippetWindow.snippet(original: text, folded: DiacriticFolding.fold(text), query: parsed)
                XCTAssertEqual(windowed.text, whole.text, query)
                XCTAssertEqual(
                    windowed.highlights.map { windowed.text[$0] }, whole.highlights.map { whole.text[$0] }, query)
            }
        }
        XCTAssertNotNil(SnippetWindow.window(original: texts[0], folded: DiacriticFolding.fold(texts[0]), query: SearchQuery("tinh")))
    }

    func testHostileQueriesNeverThrow() throws {
        let test = try TestCatalog(self)
        try addPackaged(test, "x", text: "Thư viện: a:b NEAR (AND) - x*y \"quoted\"")
        let filters = SearchFilters(access: [.public], libraryCode: "\"; DROP TABLE items; --", year: 1)
        // FTS5's syntax, and PostgreSQL's tsquery syntax (`'`, `\`, `&`, `|`, `!`, `<->`, `:*`).
        let queries = [
            "\"", "*", "NEAR", "NEAR(thu vien)", "-", "-thu", "(", ")", ":", "a:b", "folded:thu", "\"\"\"", "x*y", "\u{0}",
            "'", "it's", "a\\b", "thu & vien", "thu | vien", "!thu", "thu <-> vien", "thu:*", "'thu':* & !'vien'",
            // Words longer than PostgreSQL takes in a tsquery (2,047 bytes): one letter with 1,100 marks
            // (one Character, within the form's 500), a plain long word, and either in a phrase.
            "б" + String(repeating: "\u{301}", count: 1_100), String(repeating: "a", count: 3_000),
            "\"thu " + String(repeating: "a", count: 3_000) + "\"", "thư " + String(repeating: "ư", count: 1_500) + "*",
        ]
        try test.onEachBackend(self) { catalog, backend in
            for query in queries {
                XCTAssertNoThrow(try catalog.search(query, filters: filters), "\(backend): \(query)")
                XCTAssertNoThrow(try catalog.search(query, filters: SearchFilters(access: [.public])), "\(backend): \(query)")
                XCTAssertNoThrow(try catalog.search(query), "\(backend): \(query)")
            }
            XCTAssertEqual(ids(try catalog.search("NEAR", filters: SearchFilters(access: [.public]))), ["x"])
            XCTAssertEqual(ids(try catalog.search("a:b", filters: SearchFilters(access: [.public]))), ["x"])
            XCTAssertEqual(ids(try catalog.search("'thu':* & !'vien'", filters: SearchFilters(access: [.public]))), ["x"])
        }
    }

    func testOverviewCountsOnlyWhatTheReaderMaySee() throws {
        let test = try TestCatalog(self)
        try addPackaged(test, "a", library: "LCH", type: "photo", text: "một")
        try addPackaged(test, "b", library: "MLY", type: "photo", access: .restricted, text: "hai")
        try addPackaged(test, "c", library: "MLY", access: .closed, text: "ba")
        let reader = try test.catalog.collectionOverview(access: [.public])
        XCTAssertEqual(reader.libraries.map(\.key), ["LCH"])
        XCTAssertEqual(reader.items, 1)
        let user = try test.catalog.collectionOverview(access: [.public, .restricted, .closed])
        XCTAssertEqual(Set(user.libraries.map(\.key)), ["LCH", "MLY"])
        XCTAssertEqual(user.types, [CollectionOverview.Count(key: "photo", items: 2, pages: 0)])
    }

    func testQueryPlanUsesKeysNotScans() throws {
        let test = try TestCatalog(self)
        try addPackaged(test, "a", text: "thư viện")
        let filters = SearchFilters(access: [.public], libraryCode: "LC", collectionType: "photo", year: 2000, language: "vie")
        let conditions = filters.itemConditions()
        let plans = try test.catalog.pool.read { db in
            let scan = try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN " + CatalogTransaction.scanSQL,
                arguments: ["\"thu\"", nil, 1, 2]
            ).map { $0["detail"] as String }
            let items = try Row.fetchAll(
                db,
                sql: """
                    EXPLAIN QUERY PLAN SELECT i.id FROM items i LEFT JOIN holdings h ON h.id = i.holdingID
                    WHERE \(conditions.sql)
                    """, arguments: StatementArguments(conditions.arguments)
            ).map { $0["detail"] as String }
            return (scan, items)
        }
        XCTAssertEqual(plans.0.count, 1, "one pass over the index, no join: \(plans.0)")
        XCTAssertTrue(plans.0[0].contains("VIRTUAL TABLE INDEX"), "\(plans.0)")
        XCTAssertFalse(plans.1.contains { $0 == "SCAN h" }, "holdings are scanned: \(plans.1)")
    }
}
