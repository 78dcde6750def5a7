import Foundation
import GRDB
import XCTest

@testable import SohoaCatalog

/// `SearchCache`: a search asked again (or its next page) ranks nothing, and any change to the
/// catalog, by this process or by another connection to the file (another process), is seen at once;
/// on SQLite and on PostgreSQL (`onEachEmptyTestBackend`).
final class SearchCacheTests: XCTestCase {
    private func addPackaged(_ test: TestCatalog, _ id: String, pages: Int, text: String) throws {
        try test.catalog.upsertItem(ItemRecord(id: id, libraryCode: "LC", title: id, sourcePath: "/b/\(id)"))
        for index in 1...pages {
            try test.addText(id, page: String(format: "p%03d", index), sequence: index, text)
        }
        try test.catalog.markItemPackaged(id: id, version: "v1", objectPath: "x/\(id)")
    }

    /// Runs `sql` in one transaction of `catalog`, on either backend.
    private func execute(_ catalog: Catalog, _ sql: String...) throws {
        try catalog.write { tx throws(CatalogError) in
            for statement in sql { try tx.statements.execute(statement, []) }
        }
    }

    /// What runs SQL as another process would: on SQLite a connection of its own to the file (not the
    /// catalog's pool), on PostgreSQL another catalog on the database, with connections of its own.
    private func anotherProcess(
        _ test: TestCatalog, _ another: () throws -> Catalog, _ backend: CatalogBackend
    ) throws -> (_ sql: [String]) throws -> Void {
        switch backend {
        case .sqlite:
            let other = try DatabaseQueue(path: test.catalog.file.path)
            return { sql in try other.write { db in for statement in sql { try db.execute(sql: statement) } } }
        case .postgres:
            let other = try another()
            return { sql in try other.write { tx throws(CatalogError) in for statement in sql { try tx.statements.execute(statement, []) } }
            }
        }
    }

    func testTheNextPageAndTheSameSearchAgainRankNothing() throws {
        try TestCatalog.onEachEmptyTestBackend(self) { test, backend in
            try addPackaged(test, "a", pages: 30, text: "Thư viện tỉnh Lai Châu")
            let filters = SearchFilters(access: [.public])
            let first = try test.catalog.search("thu vien", filters: filters, limit: 20, offset: 0)
            let second = try test.catalog.search("thu vien", filters: filters, limit: 20, offset: 20)
            let again = try test.catalog.search("thu vien", filters: filters, limit: 20, offset: 0)
            XCTAssertEqual(test.catalog.searchCache.counts.misses, 1, "\(backend)")
            XCTAssertEqual(test.catalog.searchCache.counts.hits, 2, "\(backend)")
            XCTAssertEqual(first.results.count, 20, "\(backend)")
            XCTAssertEqual(second.results.count, 10, "\(backend)")
            XCTAssertEqual(again, first, "\(backend)")
            XCTAssertEqual(test.catalog.searchCache.counts.pages, 1, "\(backend): the same page again: its snippets are not made again")
            // Other filters are another search.
            _ = try test.catalog.search("thu vien", filters: SearchFilters(access: [.public], libraryCode: "LC"))
            XCTAssertEqual(test.catalog.searchCache.counts.misses, 2, "\(backend)")
        }
    }

    func testAChangeByThisProcessIsSeenAtOnce() throws {
        try TestCatalog.onEachEmptyTestBackend(self) { test, backend in
            try addPackaged(test, "a", pages: 2, text: "Thư viện tỉnh Lai Châu")
            let filters = SearchFilters(access: [.public])
            XCTAssertEqual(try test.catalog.search("thu vien", filters: filters).total, 2, "\(backend)")
            XCTAssertEqual(try test.catalog.collectionOverview(access: [.public]).items, 1, "\(backend)")
            try addPackaged(test, "b", pages: 1, text: "Thư viện huyện")
            XCTAssertEqual(try test.catalog.search("thu vien", filters: filters).total, 3, "\(backend)")
            XCTAssertEqual(try test.catalog.collectionOverview(access: [.public]).items, 2, "\(backend)")
            try execute(test.catalog, "UPDATE items SET access = 'closed' WHERE id = 'a'")
            XCTAssertEqual(try test.catalog.search("thu vien", filters: filters).results.map(\.hit.itemID), ["b"], "\(backend)")
            XCTAssertEqual(try test.catalog.collectionOverview(access: [.public]).items, 1, "\(backend)")
        }
    }

    func testAChangeByAnotherConnectionIsSeenAtOnce() throws {
        try TestCatalog.onEachEmptyTestBackendOpenedTwice(self) { test, another, backend in
            try addPackaged(test, "a", pages: 2, text: "Thư viện tỉnh Lai Châu")
            let filters = SearchFilters(access: [.public])
            // Every reader of the pool has searched once, so each has seen the catalog as it is now.
            for _ in 0..<8 { XCTAssertEqual(try test.catalog.search("thu vien", filters: filters).total, 2, "\(backend)") }
            let other = try anotherProcess(test, another, backend)
            try other(["UPDATE items SET withdrawnAt = '2026-01-01' WHERE id = 'a'"])
            for _ in 0..<8 {
                XCTAssertEqual(try test.catalog.search("thu vien", filters: filters).total, 0, "\(backend)")
                XCTAssertEqual(try test.catalog.collectionOverview(access: [.public]).items, 0, "\(backend)")
            }
        }
    }

    func testAtMostCapacitySearchesAreKept() throws {
        try TestCatalog.onEachEmptyTestBackend(self) { test, backend in
            try addPackaged(test, "a", pages: 1, text: "Thư viện tỉnh Lai Châu")
            for year in 0...SearchCache.capacity {
                _ = try test.catalog.search("thu", filters: SearchFilters(access: [.public], year: 1800 + year))
            }
            _ = try test.catalog.search("thu", filters: SearchFilters(access: [.public], year: 1800 + SearchCache.capacity))
            XCTAssertEqual(test.catalog.searchCache.counts.hits, 1, "\(backend): the newest is kept")
            _ = try test.catalog.search("thu", filters: SearchFilters(access: [.public], year: 1800))
            XCTAssertEqual(test.catalog.searchCache.counts.hits, 1, "\(backend): the oldest went")
        }
    }

    /// A commit that changes nothing a search returns (a sign-in's session, a usage count) keeps what
    /// is kept; one that does (a text, an item) empties it, from any connection.
    func testOnlyChangesToWhatSearchesShowEmptyIt() throws {
        try TestCatalog.onEachEmptyTestBackendOpenedTwice(self) { test, another, backend in
            try addPackaged(test, "a", pages: 2, text: "Thư viện tỉnh Lai Châu")
            let filters = SearchFilters(access: [.public])
            _ = try test.catalog.search("thu vien", filters: filters)
            let other = try anotherProcess(test, another, backend)
            try other([
                """
                INSERT INTO users (name, displayName, role, passwordHash, createdAt, updatedAt)
                VALUES ('reader', 'Reader', 'archivist', 'x', '2026-01-01', '2026-01-01')
                """,
                "UPDATE pages SET state = state",
            ])
            XCTAssertEqual(try test.catalog.search("thu vien", filters: filters).total, 2, "\(backend)")
            XCTAssertEqual(test.catalog.searchCache.counts.pages, 1, "\(backend): a sign-in's write leaves the kept page")
            for change in [
                "UPDATE page_texts SET text = text", "UPDATE items SET title = 'b' WHERE id = 'a'",
                "UPDATE pages SET name = name || 'x'", "DELETE FROM page_texts WHERE pageID = (SELECT MIN(pageID) FROM page_texts)",
            ] {
                XCTAssertTrue(test.catalog.hasKeptResults("thu vien", filters: filters), "\(backend)")
                try other([change])
                _ = try test.catalog.search("lai chau", filters: filters)
                XCTAssertFalse(test.catalog.hasKeptResults("thu vien", filters: filters), "\(backend): \(change)")
                _ = try test.catalog.search("thu vien", filters: filters)
            }
            XCTAssertEqual(try test.catalog.search("thu vien", filters: filters).total, 1, "\(backend)")
        }
    }

    func testTheSamePageAgainIsTheKeptPageUntilTheCatalogChanges() throws {
        try TestCatalog.onEachEmptyTestBackend(self) { test, backend in
            try addPackaged(test, "a", pages: 3, text: "Thư viện tỉnh Lai Châu")
            let filters = SearchFilters(access: [.public])
            let first = try test.catalog.search("lai chau", filters: filters, limit: 2, offset: 0)
            XCTAssertEqual(try test.catalog.search("lai chau", filters: filters, limit: 2, offset: 0), first, "\(backend)")
            XCTAssertEqual(test.catalog.searchCache.counts.pages, 1, "\(backend)")
            // Another length or offset is another page (ranked already).
            XCTAssertEqual(try test.catalog.search("lai chau", filters: filters, limit: 3, offset: 0).results.count, 3, "\(backend)")
            XCTAssertEqual(try test.catalog.search("lai chau", filters: filters, limit: 2, offset: 2).results.count, 1, "\(backend)")
            XCTAssertEqual(test.catalog.searchCache.counts.pages, 1, "\(backend)")
            XCTAssertEqual(test.catalog.searchCache.counts.misses, 1, "\(backend)")
            // Another query with the same words finds the same page, with its own query's highlights
            // (with the same marks: a marked query ranks by marks, another search).
            XCTAssertEqual(try test.catalog.search("LAI CHAU", filters: filters, limit: 2, offset: 0), first, "\(backend)")
            // A changed text is seen: the kept page was dropped.
            let pages = test.catalog.searchCache.counts.pages
            try execute(test.catalog, "UPDATE page_texts SET text = 'Lai Châu, sông Đà' WHERE pageID = (SELECT MIN(id) FROM pages)")
            let changed = try test.catalog.search("lai chau", filters: filters, limit: 3, offset: 0)
            XCTAssertTrue(
                changed.results.map(\.hit.snippet).contains("Lai Châu, sông Đà"), "\(backend): \(changed.results.map(\.hit.snippet))")
            XCTAssertEqual(test.catalog.searchCache.counts.pages, pages, "\(backend)")
        }
    }

    func testAtMostPageCapacityResultPagesAreKept() throws {
        try TestCatalog.onEachEmptyTestBackend(self) { test, backend in
            try addPackaged(test, "a", pages: 1, text: "Thư viện tỉnh Lai Châu")
            let filters = SearchFilters(access: [.public])
            for offset in 0...SearchCache.pageCapacity {
                _ = try test.catalog.search("thu", filters: filters, limit: 1, offset: offset)
            }
            _ = try test.catalog.search("thu", filters: filters, limit: 1, offset: SearchCache.pageCapacity)
            XCTAssertEqual(test.catalog.searchCache.counts.pages, 1, "\(backend): the newest is kept")
            _ = try test.catalog.search("thu", filters: filters, limit: 1, offset: 0)
            XCTAssertEqual(test.catalog.searchCache.counts.pages, 1, "\(backend): the oldest went")
        }
    }

    func testKeptResultsAreKnownWithoutRankingAndGoAfterAChange() throws {
        try TestCatalog.onEachEmptyTestBackend(self) { test, backend in
            try addPackaged(test, "a", pages: 30, text: "Thư viện tỉnh Lai Châu")
            let filters = SearchFilters(access: [.public])
            XCTAssertFalse(test.catalog.hasKeptResults("thu vien", filters: filters, limit: 20, offset: 0), "\(backend)")
            _ = try test.catalog.search("thu vien", filters: filters, limit: 20, offset: 0)
            XCTAssertTrue(test.catalog.hasKeptResults("thu vien", filters: filters, limit: 20, offset: 0), "\(backend)")
            XCTAssertTrue(test.catalog.hasKeptResults("THU VIEN", filters: filters, limit: 20, offset: 0), "\(backend): the same words")
            XCTAssertFalse(
                test.catalog.hasKeptResults("THƯ VIỆN", filters: filters, limit: 20, offset: 0),
                "\(backend): marked words rank by marks: another search")
            XCTAssertFalse(test.catalog.hasKeptResults("thu vien", filters: filters, limit: 20, offset: 20), "\(backend): the next page")
            XCTAssertFalse(test.catalog.hasKeptResults("thu", filters: filters, limit: 20, offset: 0), "\(backend): other words")
            XCTAssertFalse(
                test.catalog.hasKeptResults("thu vien", filters: SearchFilters(access: [.public], libraryCode: "LC"), limit: 20, offset: 0),
                "\(backend): other filters")
            XCTAssertFalse(test.catalog.hasKeptResults("", filters: filters, limit: 20, offset: 0), "\(backend)")
            // Bounded as a search bounds them: an offset beyond the last is the last.
            _ = try test.catalog.search("thu vien", filters: filters, limit: 20, offset: CatalogTransaction.maximumSearchOffset)
            XCTAssertTrue(
                test.catalog.hasKeptResults("thu vien", filters: filters, limit: 20, offset: CatalogTransaction.maximumSearchOffset + 500),
                "\(backend)")
            // Once a search has seen a change, nothing kept before it is known any more.
            try addPackaged(test, "b", pages: 1, text: "Thư viện huyện")
            _ = try test.catalog.search("huyen", filters: filters, limit: 20, offset: 0)
            XCTAssertFalse(test.catalog.hasKeptResults("thu vien", filters: filters, limit: 20, offset: 0), "\(backend)")
            XCTAssertTrue(test.catalog.hasKeptResults("huyen", filters: filters, limit: 20, offset: 0), "\(backend)")
        }
    }
}
