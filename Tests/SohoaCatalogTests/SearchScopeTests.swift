import Foundation
import GRDB
import XCTest

@testable import SohoaCatalog

/// The filtered search's single pass (`sohoa_rank`, `PageScope`, `PageSpans`): the ranking is
/// bm25's, and the pages an item filter allows are exactly those found whatever the page ids'
/// layout (interleaved items, pages added later, one range or many); the searches on SQLite and on
/// PostgreSQL (`onEachEmptyTestBackend`).
final class SearchScopeTests: XCTestCase {
    private let everyone = SearchFilters(access: [.public])

    /// Stores a packaged item with one page per text, in `library`, at `access`.
    private func addPackaged(
        _ test: TestCatalog, _ id: String, library: String = "LC", access: AccessLevel = .public, texts: [String]
    ) throws {
        try test.catalog.upsertItem(ItemRecord(id: id, libraryCode: library, title: id, sourcePath: "/b/\(id)"))
        for (index, text) in texts.enumerated() {
            try test.addText(id, page: String(format: "p%03d", index + 1), sequence: index + 1, text)
        }
        try test.catalog.markItemPackaged(id: id, version: "v1", objectPath: "x/\(id)")
        try test.catalog.write { tx throws(CatalogError) in
            _ = try tx.statements.execute("UPDATE items SET access = ? WHERE id = ?", [.text(access.rawValue), .text(id)])
        }
    }

    /// Texts of different lengths and counts of "thư viện" and "Lai Châu", so that no two score alike.
    private func rankedTexts() -> [String] {
        (1...8).map { n in
            let filler = Array(repeating: "chữ", count: 3 * n).joined(separator: " ")
            let library = Array(repeating: "thư viện", count: (n % 4) + 1).joined(separator: " ")
            // "Lai Châu" on half of them: rarer than "thư viện", so it weighs more.
            let place = n % 2 == 0 ? Array(repeating: "Lai Châu", count: (n % 3) + 1).joined(separator: ", ") : "Mường Tè"
            return "\(library) \(filler) \(place) \(n)"
        }
    }

    func testRankingIsBM25s() throws {
        try TestCatalog.onEachEmptyTestBackend(self) { test, backend in
            for (index, text) in rankedTexts().enumerated() { try addPackaged(test, "item-\(index)", texts: [text]) }
            // Pages without the terms, so that their weights (bm25's idf) are not all the same floor.
            try addPackaged(test, "filler", texts: (1...12).map { "trang \($0) không liên quan" })
            for query in ["thu", "vien", "\"thu vien\"", "lai chau", "thu lai", "vien \"lai chau\""] {
                let bm25 = try test.catalog.search(query, limit: 50)
                let filtered = try test.catalog.search(query, filters: everyone, limit: 50).results.map(\.hit)
                XCTAssertFalse(bm25.isEmpty, "\(backend): \(query)")
                XCTAssertEqual(filtered.map(\.pageID), bm25.map(\.pageID), "\(backend): \(query)")
                if SearchQuery(query).terms.count > 1 {
                    // Several terms are weighed as bm25 weighs them: the same scores.
                    for (mine, theirs) in zip(filtered, bm25) {
                        XCTAssertEqual(mine.score, theirs.score, accuracy: 1e-9, "\(backend): \(query)")
                    }
                }
            }
        }
    }

    func testInterleavedItemsAreCheckedPageByPage() throws {
        try TestCatalog.onEachEmptyTestBackend(self) { test, backend in
            // Two items whose pages alternate (two workers cataloguing at once): neither span is dense.
            for id in ["kept", "other"] {
                try test.catalog.upsertItem(
                    ItemRecord(id: id, libraryCode: id == "kept" ? "LCH" : "MLY", title: id, sourcePath: "/b/\(id)"))
            }
            for sequence in 1...6 {
                for id in ["kept", "other"] {
                    try test.addText(id, page: String(format: "p%03d", sequence), sequence: sequence, "Mường Lay thư viện nghiêng \(id)")
                }
            }
            for id in ["kept", "other"] { try test.catalog.markItemPackaged(id: id, version: "v1", objectPath: "x/\(id)") }
            // The spans are SQLite's search's own (PostgreSQL's filters items in its query).
            if backend == .sqlite {
                let spans = try test.catalog.pool.read { db in try PageSpans().spans(db) }
                XCTAssertEqual(spans["kept"]?.isDense, false)
            }
            // "thu" reads range by range; "thu nghieng" ends in a prefix FTS5 has no index for (one pass).
            for query in ["thu", "thu nghieng", "muong lay"] {
                let page = try test.catalog.search(query, filters: SearchFilters(access: [.public], libraryCode: "LCH"))
                XCTAssertEqual(Set(page.results.map(\.hit.itemID)), ["kept"], "\(backend): \(query)")
                XCTAssertEqual(page.total, 6, "\(backend): \(query)")
                let both = try test.catalog.search(query, filters: everyone)
                XCTAssertEqual(both.total, 12, "\(backend): \(query)")
            }
        }
        XCTAssertTrue(SearchQuery("thu nghieng").hasUnindexedPrefix)
        XCTAssertFalse(SearchQuery("thu").hasUnindexedPrefix)
    }

    func testPagesAddedLaterAreFoundAndFiltered() throws {
        try TestCatalog.onEachEmptyTestBackend(self) { test, backend in
            try addPackaged(test, "first", library: "LCH", texts: ["Sông Đà một", "Sông Đà hai"])
            let filters = SearchFilters(access: [.public], libraryCode: "LCH")
            XCTAssertEqual(try test.catalog.search("song da", filters: filters).total, 2, "\(backend)")
            // Another library's item, then more pages of the first: its span now holds the other's page.
            try addPackaged(test, "between", library: "MLY", texts: ["Sông Đà ba"])
            try test.addText("first", page: "p003", sequence: 3, "Sông Đà bốn")
            let later = try test.catalog.search("song da", filters: filters)
            XCTAssertEqual(later.total, 3, "\(backend)")
            XCTAssertEqual(Set(later.results.map(\.hit.pageName)), ["p001", "p002", "p003"], "\(backend)")
            XCTAssertEqual(Set(later.results.map(\.hit.itemID)), ["first"], "\(backend)")
            XCTAssertEqual(try test.catalog.search("song da", filters: everyone).total, 4, "\(backend)")
            // An item closed since: its pages go, whatever its span.
            try test.catalog.write { tx throws(CatalogError) in
                _ = try tx.statements.execute("UPDATE items SET access = 'closed' WHERE id = 'first'", [])
            }
            XCTAssertEqual(try test.catalog.search("song da", filters: everyone).results.map(\.hit.itemID), ["between"], "\(backend)")
        }
    }

    /// No catalog: `PageScope` is SQLite's search's own (PostgreSQL's filters items in its query).
    func testScopeRanges() {
        let spans: [String: PageSpans.Span] = [
            "a": .init(first: 1, last: 3, count: 3), "b": .init(first: 4, last: 6, count: 3),
            "c": .init(first: 10, last: 20, count: 5), "d": .init(first: 12, last: 14, count: 3),
            "e": .init(first: 30, last: 31, count: 2), "f": .init(first: 32, last: 40, count: 9),
        ]
        let scope = PageScope(items: ["a", "b", "c", "d", "e", "missing"], spans: spans)
        XCTAssertEqual(
            scope.ranges,
            [
                .init(first: 1, last: 6, isPure: true), .init(first: 10, last: 20, isPure: false),
                .init(first: 30, last: 31, isPure: true),
            ])
        XCTAssertEqual(
            [0, 1, 6, 7, 10, 13, 21, 31, 32].map(scope.membership),
            [
                .outside, .inside, .inside, .outside, .unsure, .unsure, .outside, .inside, .outside,
            ])
        XCTAssertTrue(PageScope(items: [], spans: spans).ranges.isEmpty)
    }

    func testNothingAllowedFindsNothing() throws {
        try TestCatalog.onEachEmptyTestBackend(self) { test, backend in
            try addPackaged(test, "shut", access: .closed, texts: ["Điện Biên Phủ"])
            let page = try test.catalog.search("dien bien", filters: everyone)
            XCTAssertEqual(page.total, 0, "\(backend)")
            XCTAssertTrue(page.totalIsExact, "\(backend)")
        }
    }
}
