import Foundation
import GRDB
import XCTest

@testable import SohoaCatalog

/// `SearchCache`: a search asked again (or its next page) ranks nothing, and any change to the
/// catalog, by this process or by another connection to the file (another process), is seen at once.
final class SearchCacheTests: XCTestCase {
    private func addPackaged(_ test: TestCatalog, _ id: String, pages: Int, text: String) throws {
        try test.catalog.upsertItem(ItemRecord(id: id, libraryCode: "LC", title: id, sourcePath: "/b/\(id)"))
        for index in 1...pages {
            try test.addText(id, page: String(format: "p%03d", index), sequence: index, text)
        }
        try test.catalog.markItemPackaged(id: id, version: "v1", objectPath: "x/\(id)")
    }

    func testTheNextPageAndTheSameSearchAgainRankNothing() throws {
        let test = try TestCatalog(self)
        try addPackaged(test, "a", pages: 30, text: "Thư viện tỉnh Lai Châu")
        let filters = SearchFilters(access: [.public])
        let first = try test.catalog.search("thu vien", filters: filters, limit: 20, offset: 0)
        let second = try test.catalog.search("thu vien", filters: filters, limit: 20, offset: 20)
        let again = try test.catalog.search("thu vien", filters: filters, limit: 20, offset: 0)
        XCTAssertEqual(test.catalog.searchCache.counts.misses, 1)
        XCTAssertEqual(test.catalog.searchCache.counts.hits, 2)
        XCTAssertEqual(first.results.count, 20)
        XCTAssertEqual(second.results.count, 10)
        XCTAssertEqual(again, first)
        XCTAssertEqual(test.catalog.searchCache.counts.pages, 1, "the same page again: its snippets are not made again")
        // Other filters are another search.
        _ = try test.catalog.search("thu vien", filters: SearchFilters(access: [.public], libraryCode: "LC"))
        XCTAssertEqual(test.catalog.searchCache.counts.misses, 2)
    }

    func testAChangeByThisProcessIsSeenAtOnce() throws {
        let test = try TestCatalog(self)
        try addPackaged(test, "a", pages: 2, text: "Thư viện tỉnh Lai Châu")
        let filters = SearchFilters(access: [.public])
        XCTAssertEqual(try test.catalog.search("thu vien", filters: filters).total, 2)
        XCTAssertEqual(try test.catalog.collectionOverview(access: [.public]).items, 1)
        try addPackaged(test, "b", pages: 1, text: "Thư viện huyện")
        XCTAssertEqual(try test.catalog.search("thu vien", filters: filters).total, 3)
        XCTAssertEqual(try test.catalog.collectionOverview(access: [.public]).items, 2)
        try test.catalog.pool.write { db in try db.execute(sql: "UPDATE items SET access = 'closed' WHERE id = 'a'") }
        XCTAssertEqual(try test.catalog.search("thu vien", filters: filters).results.map(\.hit.itemID), ["b"])
        XCTAssertEqual(try test.catalog.collectionOverview(access: [.public]).items, 1)
    }

    func testAChangeByAnotherConnectionIsSeenAtOnce() throws {
        let test = try TestCatalog(self)
        try addPackaged(test, "a", pages: 2, text: "Thư viện tỉnh Lai Châu")
        let filters = SearchFilters(access: [.public])
        // Every reader of the pool has searched once, so each has seen the catalog as it is now.
        for _ in 0..<8 { XCTAssertEqual(try test.catalog.search("thu vien", filters: filters).total, 2) }
        // Another process: a connection of its own to the file, not the catalog's pool.
        let other = try DatabaseQueue(path: test.catalog.file.path)
        try other.write { db in try db.execute(sql: "UPDATE items SET withdrawnAt = '2026-01-01' WHERE id = 'a'") }
        for _ in 0..<8 {
            XCTAssertEqual(try test.catalog.search("thu vien", filters: filters).total, 0)
            XCTAssertEqual(try test.catalog.collectionOverview(access: [.public]).items, 0)
        }
    }

    func testAtMostCapacitySearchesAreKept() throws {
        let test = try TestCatalog(self)
        try addPackaged(test, "a", pages: 1, text: "Thư viện tỉnh Lai Châu")
        for year in 0...SearchCache.capacity {
            _ = try test.catalog.search("thu", filters: SearchFilters(access: [.public], year: 1800 + year))
        }
        _ = try test.catalog.search("thu", filters: SearchFilters(access: [.public], year: 1800 + SearchCache.capacity))
        XCTAssertEqual(test.catalog.searchCache.counts.hits, 1, "the newest is kept")
        _ = try test.catalog.search("thu", filters: SearchFilters(access: [.public], year: 1800))
        XCTAssertEqual(test.catalog.searchCache.counts.hits, 1, "the oldest went")
    }

    /// A commit that changes nothing a search returns (a sign-in's session, a usage count) keeps what
    /// is kept; one that does (a text, an item) empties it, from any connection.
    func testOnlyChangesToWhatSearchesShowEmptyIt() throws {
        let test = try TestCatalog(self)
        try addPackaged(test, "a", pages: 2, text: "Thư viện tỉnh Lai Châu")
        let filters = SearchFilters(access: [.public])
        _ = try test.catalog.search("thu vien", filters: filters)
        let other = try DatabaseQueue(path: test.catalog.file.path)
        try other.write { db in
            try db.execute(
                sql: """
                    INSERT INTO users (name, displayName, role, passwordHash, createdAt, updatedAt)
                    VALUES ('reader', 'Reader', 'archivist', 'x', '2026-01-01', '2026-01-01')
                    """)
            try db.execute(sql: "UPDATE pages SET state = state")
        }
        XCTAssertEqual(try test.catalog.search("thu vien", filters: filters).total, 2)
        XCTAssertEqual(test.catalog.searchCache.counts.pages, 1, "a sign-in's write leaves the kept page")
        for change in [
            "UPDATE page_texts SET text = text", "UPDATE items SET title = 'b' WHERE id = 'a'",
            "UPDATE pages SET name = name || 'x'", "DELETE FROM page_texts WHERE pageID = (SELECT MIN(pageID) FROM page_texts)",
        ] {
            XCTAssertTrue(test.catalog.hasKeptResults("thu vien", filters: filters))
            try other.write { db in try db.execute(sql: change) }
            _ = try test.catalog.search("lai chau", filters: filters)
            XCTAssertFalse(test.catalog.hasKeptResults("thu vien", filters: filters), change)
            _ = try test.catalog.search("thu vien", filters: filters)
        }
        XCTAssertEqual(try test.catalog.search("thu vien", filters: filters).total, 1)
    }

    func testTheSamePageAgainIsTheKeptPageUntilTheCatalogChanges() throws {
        let test = try TestCatalog(self)
        try addPackaged(test, "a", pages: 3, text: "Thư viện tỉnh Lai Châu")
        let filters = SearchFilters(access: [.public])
        let first = try test.catalog.search("lai chau", filters: filters, limit: 2, offset: 0)
        XCTAssertEqual(try test.catalog.search("lai chau", filters: filters, limit: 2, offset: 0), first)
        XCTAssertEqual(test.catalog.searchCache.counts.pages, 1)
        // Another length or offset is another page (ranked already).
        XCTAssertEqual(try test.catalog.search("lai chau", filters: filters, limit: 3, offset: 0).results.count, 3)
        XCTAssertEqual(try test.catalog.search("lai chau", filters: filters, limit: 2, offset: 2).results.count, 1)
        XCTAssertEqual(test.catalog.searchCache.counts.pages, 1)
        XCTAssertEqual(test.catalog.searchCache.counts.misses, 1)
        // Another query with the same words finds the same page, with its own query's highlights
        // (with the same marks: a marked query ranks by marks, another search).
        XCTAssertEqual(try test.catalog.search("LAI CHAU", filters: filters, limit: 2, offset: 0), first)
        // A changed text is seen: the kept page was dropped.
        let pages = test.catalog.searchCache.counts.pages
        try test.catalog.pool.write { db in
            try db.execute(sql: "UPDATE page_texts SET text = 'Lai Châu, sông Đà' WHERE pageID = (SELECT MIN(id) FROM pages)")
        }
        let changed = try test.catalog.search("lai chau", filters: filters, limit: 3, offset: 0)
        XCTAssertTrue(changed.results.map(\.hit.snippet).contains("Lai Châu, sông Đà"), "\(changed.results.map(\.hit.snippet))")
        XCTAssertEqual(test.catalog.searchCache.counts.pages, pages)
    }

    func testAtMostPageCapacityResultPagesAreKept() throws {
        let test = try TestCatalog(self)
        try addPackaged(test, "a", pages: 1, text: "Thư viện tỉnh Lai Châu")
        let filters = SearchFilters(access: [.public])
        for offset in 0...SearchCache.pageCapacity {
            _ = try test.catalog.search("thu", filters: filters, limit: 1, offset: offset)
        }
        _ = try test.catalog.search("thu", filters: filters, limit: 1, offset: SearchCache.pageCapacity)
        XCTAssertEqual(test.catalog.searchCache.counts.pages, 1, "the newest is kept")
        _ = try test.catalog.search("thu", filters: filters, limit: 1, offset: 0)
        XCTAssertEqual(test.catalog.searchCache.counts.pages, 1, "the oldest went")
    }

    func testKeptResultsAreKnownWithoutRankingAndGoAfterAChange() throws {
        let test = try TestCatalog(self)
        try addPackaged(test, "a", pages: 30, text: "Thư viện tỉnh Lai Châu")
        let filters = SearchFilters(access: [.public])
        XCTAssertFalse(test.catalog.hasKeptResults("thu vien", filters: filters, limit: 20, offset: 0))
        _ = try test.catalog.search("thu vien", filters: filters, limit: 20, offset: 0)
        XCTAssertTrue(test.catalog.hasKeptResults("thu vien", filters: filters, limit: 20, offset: 0))
        XCTAssertTrue(test.catalog.hasKeptResults("THU VIEN", filters: filters, limit: 20, offset: 0), "the same words")
        XCTAssertFalse(
            test.catalog.hasKeptResults("THƯ VIỆN", filters: filters, limit: 20, offset: 0), "marked words rank by marks: another search")
        XCTAssertFalse(test.catalog.hasKeptResults("thu vien", filters: filters, limit: 20, offset: 20), "the next page")
        XCTAssertFalse(test.catalog.hasKeptResults("thu", filters: filters, limit: 20, offset: 0), "other words")
        XCTAssertFalse(
            test.catalog.hasKeptResults("thu vien", filters: SearchFilters(access: [.public], libraryCode: "LC"), limit: 20, offset: 0),
            "other filters")
        XCTAssertFalse(test.catalog.hasKeptResults("", filters: filters, limit: 20, offset: 0))
        // Bounded as a search bounds them: an offset beyond the last is the last.
        _ = try test.catalog.search("thu vien", filters: filters, limit: 20, offset: CatalogTransaction.maximumSearchOffset)
        XCTAssertTrue(
            test.catalog.hasKeptResults("thu vien", filters: filters, limit: 20, offset: CatalogTransaction.maximumSearchOffset + 500))
        // Once a search has seen a change, nothing kept before it is known any more.
        try addPackaged(test, "b", pages: 1, text: "Thư viện huyện")
        _ = try test.catalog.search("huyen", filters: filters, limit: 20, offset: 0)
        XCTAssertFalse(test.catalog.hasKeptResults("thu vien", filters: filters, limit: 20, offset: 0))
        XCTAssertTrue(test.catalog.hasKeptResults("huyen", filters: filters, limit: 20, offset: 0))
    }
}
