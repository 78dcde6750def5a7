import Foundation
import GRDB
import XCTest

@testable import SohoaCatalog

/// The schema, not only the Swift code, refuses inconsistent records; errors say what to do.
final class ConstraintTests: XCTestCase {
    private func assertRejected(
        _ kind: CatalogError.Kind = .constraintViolated, file: StaticString = #filePath, line: UInt = #line,
        _ body: () throws -> Void
    ) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            let error = error as? CatalogError
            XCTAssertEqual(error?.kind, kind, file: file, line: line)
            XCTAssertNotNil(error?.sql, file: file, line: line)
        }
    }

    func testPageForMissingItemIsRejected() throws {
        let test = try TestCatalog(self)
        XCTAssertThrowsError(try test.addPage("no-such-item", "p001", sequence: 1)) { error in
            let error = error as? CatalogError
            XCTAssertEqual(error?.kind, .constraintViolated)
            XCTAssertTrue(error?.message.contains("FOREIGN KEY") ?? false, error?.message ?? "")
            XCTAssertTrue(error?.message.contains("record the batch, item or page before") ?? false)
        }
    }

    func testTextEventAndStageNeedTheirPageAndItem() throws {
        try TestCatalog.onEachEmptyTestBackend(self) { test, backend in
            try test.addItem("a")
            try test.addItem("b")
            let page = try test.addPage("a", "p001", sequence: 1)
            let pageID = try XCTUnwrap(page.id)
            assertRejected { try test.catalog.setStage(pageID: 999, stage: .ocr, state: .done) }
            assertRejected { try test.catalog.addEvent(itemID: "zzz", type: .ingested, agent: "sohoa") }
            assertRejected { try test.catalog.recordPageText(pageID: 999, itemID: "a", text: "x") }
            // The text's item must be the page's item.
            assertRejected { try test.catalog.recordPageText(pageID: pageID, itemID: "b", text: "x") }
            assertRejected { try test.catalog.recordFailure(batchID: 42, file: "/x", stage: .ingest, reason: "r") }
        }
    }

    func testValuesOutsideTheSchemaAreRejected() throws {
        try TestCatalog.onEachEmptyTestBackend(self) { test, backend in
            try test.addItem("a")
            func page(_ change: (inout PageRecord) -> Void) -> PageRecord {
                var page = PageRecord(
                    itemID: "a", name: "p001", sequence: 1, sourcePath: "/a/1.tif", sourceSHA256: TestCatalog.sha("a"))
                change(&page)
                return page
            }
            assertRejected { try test.catalog.upsertPage(page { $0.sourceSHA256 = "abc" }) }
            assertRejected { try test.catalog.upsertPage(page { $0.sourceSHA256 = String(repeating: "g", count: 64) }) }
            assertRejected { try test.catalog.upsertPage(page { $0.sequence = 0 }) }
            assertRejected { try test.catalog.upsertPage(page { $0.meanConfidence = 101 }) }
            assertRejected { try test.catalog.upsertPage(page { $0.technicalJSON = "{not json" }) }
            assertRejected { try test.catalog.upsertPage(page { $0.name = "" }) }
            assertRejected {
                try test.catalog.upsertItem(ItemRecord(id: "x", libraryCode: "LC", metadataJSON: "[1,", sourcePath: "/x"))
            }
            assertRejected {
                try test.catalog.upsertItem(ItemRecord(id: "x", libraryCode: "LC", sourcePath: "/x", state: .packaged))
            }
            assertRejected { try test.catalog.addEvent(itemID: "a", type: "Not A Type", agent: "sohoa") }
            let pageID = try XCTUnwrap(test.catalog.upsertPage(page { _ in }).id)
            assertRejected { try test.catalog.setStage(pageID: pageID, stage: .ocr, state: .failed, error: nil) }
            // An uppercase SHA-256 is accepted and stored in lowercase.
            XCTAssertEqual(
                try test.catalog.upsertPage(page { $0.sourceSHA256 = String(repeating: "A", count: 64) }).sourceSHA256,
                String(repeating: "a", count: 64))
        }
    }

    func testObjectIDMustMatchLibraryAndItem() throws {
        let test = try TestCatalog(self)
        var item = ItemRecord(id: "sach", libraryCode: "LC", sourcePath: "/b/sach")
        item.objectID = "urn:sohoa:OTHER:sach"
        // upsertItem derives the object id again, so a stale one cannot be stored through it…
        XCTAssertEqual(try test.catalog.upsertItem(item).objectID, "urn:sohoa:LC:sach")
        // …and the schema refuses one written any other way.
        assertRejected {
            try test.catalog.write { tx throws(CatalogError) in
                try tx.run { try tx.db.execute(sql: "UPDATE items SET objectID = 'urn:sohoa:X:y'") }
            }
        }
    }

    func testDeletingAnItemRemovesItsPagesStagesTextsAndSearchRows() throws {
        let test = try TestCatalog(self)
        let page = try test.addText("sach", "Thư viện tỉnh")
        try test.catalog.setStage(pageID: page.id ?? 0, stage: .ocr, state: .done)
        XCTAssertEqual(try test.catalog.search("thu vien").count, 1)
        try test.catalog.pool.write { db in try db.execute(sql: "DELETE FROM items WHERE id = 'sach'") }
        let counts = try test.catalog.pool.read { db in
            try ["pages", "page_stages", "page_texts", "page_search"].map {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1
            }
        }
        XCTAssertEqual(counts, [0, 0, 0, 0])
        XCTAssertEqual(try test.catalog.search("thu vien").count, 0)
    }
}
