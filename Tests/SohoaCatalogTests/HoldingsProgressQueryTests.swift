import Foundation
import GRDB
import XCTest

@testable import SohoaCatalog

/// The holdings register in the catalog and the progress queries, on hand-made rows whose expected
/// counts are worked out in each test.
final class HoldingsProgressQueryTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_760_000_000)  // 2025-10-09

    func holding(
        _ id: String, library: String = "LCH", type: HoldingRecord.CollectionType = .rareBook, special: Bool = true
    )
        -> HoldingRecord
    {
        HoldingRecord(id: id, title: "Tài liệu \(id)", libraryCode: library, collectionType: type, specialValue: special, source: "test")
    }

    /// Stores an item packaged `daysAgo` days before `now` (a `packaged` event on that day).
    func archive(
        _ t: TestCatalog, _ id: String, holding: String?, library: String = "LCH", pages: Int, daysAgo: Double,
        metadata: String? = #"{"titleFromFolderName":false}"#, state: ItemRecord.State = .packaged, version: String = "v1",
        firstDaysAgo: Double? = nil
    ) throws {
        let at = now.addingTimeInterval(-daysAgo * 86_400)
        let first = now.addingTimeInterval(-(firstDaysAgo ?? daysAgo) * 86_400)
        var item = ItemRecord(
            id: id, libraryCode: library, title: id, holdingID: holding, metadataJSON: metadata, sourcePath: "/b/\(id)", pageCount: pages)
        if state == .packaged {
            item.state = .packaged
            item.ocflVersion = version
            item.objectPath = "obj/\(id)"
            item.packagedAt = at
        } else if state == .failed {
            item.state = .failed
            item.failureReason = "test"
        }
        try t.catalog.upsertItem(item, at: at)
        if state == .packaged {
            try t.catalog.write { tx throws(CatalogError) in
                try tx.run {
                    try tx.db.execute(
                        sql: "INSERT INTO events (itemID, type, at, agent, outcome) VALUES (?, 'packaged', ?, 'test', 'success')",
                        arguments: [id, first])
                    if first != at {
                        try tx.db.execute(
                            sql: "INSERT INTO events (itemID, type, at, agent, outcome) VALUES (?, 'packaged', ?, 'test', 'success')",
                            arguments: [id, at])
                    }
                }
            }
        }
    }

    func testReimportUpdatesInPlaceAndSaysWhatChanged() throws {
        try TestCatalog.onEachEmptyBackend(self) { catalog, backend in
            let first = try catalog.importHoldings([holding("A"), holding("B")], at: now)
            XCTAssertEqual(first, [.added, .added], backend.rawValue)
            var changed = holding("B")
            changed.title = "Tên mới"
            let second = try catalog.importHoldings([holding("A"), changed, holding("C")], at: now.addingTimeInterval(60))
            XCTAssertEqual(second, [.unchanged, .changed, .added], backend.rawValue)
            let stored = try XCTUnwrap(try catalog.holding(id: "B"))
            XCTAssertEqual(stored.title, "Tên mới", backend.rawValue)
            XCTAssertEqual(
                stored.importedAt.timeIntervalSince1970, now.timeIntervalSince1970, accuracy: 0.01, "first import date kept (\(backend))")
            XCTAssertEqual(stored.updatedAt.timeIntervalSince1970, now.timeIntervalSince1970 + 60, accuracy: 0.01, backend.rawValue)
            XCTAssertEqual(try catalog.holdingCount(), 3, backend.rawValue)
        }
    }

    func testOnlyArchivedItemsWithDescriptiveMetadataCountAndPaceWindowsUseTheFirstPackagedEvent() throws {
        let t = try TestCatalog(self)
        _ = try t.catalog.importHoldings(
            [
                holding("H1"), holding("H2", type: .localHistory), holding("H3", type: .manuscript), holding("H4"),
                holding("H5", special: false), holding("H6", library: "MTE"), holding("H7", type: .newspaper),
            ], at: now)
        try archive(t, "i1", holding: "H1", pages: 10, daysAgo: 5)  // done, in 30 and 90
        try archive(t, "i1b", holding: "H1", pages: 4, daysAgo: 200)  // same holding earlier: H1 dates from 200 days ago
        try archive(t, "i2", holding: "H2", pages: 20, daysAgo: 60)  // done, in 90 only
        try archive(t, "i3", holding: "H3", pages: 7, daysAgo: 1, state: .pending)  // not archived
        try archive(t, "i4", holding: "H4", pages: 3, daysAgo: 1, metadata: nil)  // no metadata
        try archive(t, "i5", holding: "H5", pages: 2, daysAgo: 2)  // out of special-value scope
        try archive(t, "i6", holding: "H6", library: "MTE", pages: 5, daysAgo: 10)  // other library
        try archive(t, "i8", holding: nil, pages: 1, daysAgo: 3)  // unlinked, title given
        try archive(t, "i9", holding: nil, pages: 9, daysAgo: 3, metadata: #"{"titleFromFolderName":true}"#)  // no metadata really
        try archive(t, "i10", holding: "H1", pages: 6, daysAgo: -3)  // after the date asked for
        // Corrected 2 days ago (v2), first archived 100 days ago: counts at its first date.
        try archive(t, "i12", holding: nil, pages: 8, daysAgo: 2, version: "v2", firstDaysAgo: 100)

        // The progress queries and the holdings check on both backends.
        try t.onEachBackend(self) { catalog, backend in
            let scope = ProgressScope(
                libraryCodes: ["LCH"], specialValueOnly: true, collectionTypes: [.rareBook, .manuscript, .localHistory])
            let figures = try catalog.progressSnapshot { tx throws(CatalogError) in try tx.holdingsProgress(scope: scope, asOf: now) }
            // In scope: H1 H2 H3 H4. Done: H1 (i1 + i1b: 14 pages, first 200 days ago), H2 (20 pages, 60 days ago).
            XCTAssertEqual(
                figures,
                ProgressFigures(
                    total: 4, done: 2, pages: 34, doneLast30Days: 0, pagesLast30Days: 0, doneLast90Days: 1, pagesLast90Days: 20),
                backend.rawValue)

            let items = try catalog.progressSnapshot { tx throws(CatalogError) in
                try tx.itemsProgress(scope: ProgressScope(libraryCodes: ["LCH"]), asOf: now)
            }
            // Managed LCH items: i1 (10, 5d), i1b (4, 200d), i2 (20, 60d), i5 (2, 2d), i8 (1, 3d), i12 (8, first 100d).
            XCTAssertEqual(
                items,
                ProgressFigures(
                    total: nil, done: 6, pages: 45, doneLast30Days: 3, pagesLast30Days: 13, doneLast90Days: 4, pagesLast90Days: 33),
                backend.rawValue)

            let byType = try catalog.progressSnapshot { tx throws(CatalogError) in
                try tx.holdingsProgress(scope: ProgressScope(), asOf: now, by: .type)
            }
            XCTAssertEqual(
                byType,
                [
                    ProgressRow(key: "local-history", total: 1, done: 1, pages: 20),
                    ProgressRow(key: "manuscript", total: 1, done: 0, pages: 0),
                    ProgressRow(key: "newspaper", total: 1, done: 0, pages: 0),
                    ProgressRow(key: "rare-book", total: 4, done: 3, pages: 21),
                ], backend.rawValue)
            let itemsByLibrary = try catalog.progressSnapshot { tx throws(CatalogError) in
                try tx.itemsProgress(scope: ProgressScope(), asOf: now, by: .library)
            }
            XCTAssertEqual(
                itemsByLibrary,
                [ProgressRow(key: "LCH", total: nil, done: 6, pages: 45), ProgressRow(key: "MTE", total: nil, done: 1, pages: 5)],
                backend.rawValue)

            let check = try catalog.holdingsCheck()
            XCTAssertEqual(
                check.holdingsWithSeveralItems, [HoldingsCheck.SharedHolding(holdingID: "H1", itemIDs: ["i1", "i10", "i1b"])],
                backend.rawValue)
            XCTAssertEqual(check.itemsWithoutHolding, ["i12", "i8", "i9"], backend.rawValue)
            XCTAssertTrue(check.itemsWithUnknownHolding.isEmpty, backend.rawValue)
            XCTAssertEqual(check.holdingCount, 7, backend.rawValue)
            XCTAssertEqual(check.itemCount, 11, backend.rawValue)
            XCTAssertEqual(try catalog.holdingsCheck(limit: 2).itemsWithoutHolding, ["i12", "i8"], backend.rawValue)
        }
    }

    func testProgressAnswersFastOnALargeRegister() throws {
        let t = try TestCatalog(self)
        let holdings = (0..<20_000).map {
            holding(String(format: "H%05d", $0), type: $0 % 3 == 0 ? .localHistory : .rareBook, special: $0 % 4 != 0)
        }
        _ = try t.catalog.importHoldings(holdings, at: now)
        for index in 0..<500 {
            try archive(t, "i\(index)", holding: String(format: "H%05d", index * 7), pages: 3, daysAgo: Double(index % 120))
        }
        let start = Date()
        let scope = ProgressScope(libraryCodes: ["LCH"], specialValueOnly: true, collectionTypes: [.rareBook, .localHistory])
        let figures = try t.catalog.progressSnapshot { tx throws(CatalogError) in try tx.holdingsProgress(scope: scope, asOf: now) }
        XCTAssertLessThan(Date().timeIntervalSince(start), 1)
        XCTAssertEqual(figures.total, 15_000)
        XCTAssertEqual(figures.done, (0..<500).filter { ($0 * 7) % 4 != 0 }.count)
    }

    func testFixityAuditsComeFromTheAuditsTableOrTheEvents() throws {
        let year = (start: now.addingTimeInterval(-200 * 86_400), end: now.addingTimeInterval(86_400))
        try TestCatalog.onEachEmptyBackend(self) { catalog, backend in
            func audits() throws -> FixityAuditSummary? {
                try catalog.progressSnapshot { tx throws(CatalogError) in try tx.fixityAudits(from: year.start, to: year.end) }
            }
            XCTAssertNil(try audits(), backend.rawValue)
            try catalog.upsertItem(ItemRecord(id: "i1", libraryCode: "LCH", title: "i1", sourcePath: "/b/i1", pageCount: 1), at: now)
            _ = try catalog.addEvent(itemID: "i1", type: "fixity-checked", agent: "test", outcome: .failure, at: now)
            _ = try catalog.addEvent(itemID: "i1", type: "fixity-checked", agent: "test", at: now.addingTimeInterval(-300 * 86_400))
            XCTAssertEqual(
                try audits(), FixityAuditSummary(runs: 1, objectsChecked: 1, filesChecked: 0, problemsFound: 1), backend.rawValue)

            let stored = try catalog.recordAudit(
                AuditRecord(
                    startedAt: now, finishedAt: now, scope: "all", objectsChecked: 120, filesChecked: 3400, findings: ["a", "b"],
                    agent: "test"))
            XCTAssertNotNil(stored.id, backend.rawValue)
            XCTAssertEqual(try catalog.audits(), [stored], backend.rawValue)
            XCTAssertEqual(stored.findings, ["a", "b"], backend.rawValue)
            XCTAssertEqual(
                try audits(), FixityAuditSummary(runs: 1, objectsChecked: 120, filesChecked: 3400, problemsFound: 2), backend.rawValue)
        }
    }
}
