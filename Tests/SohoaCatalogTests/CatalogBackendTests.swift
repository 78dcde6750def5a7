import Foundation
import GRDB
import XCTest

@testable import SohoaCatalog

/// The seam between the catalog's queries and its backends (issue 16): rows read by name whatever
/// the case, whole answers the same on SQLite and PostgreSQL, and a query not yet ported refused on
/// PostgreSQL in plain words instead of answering wrongly.
final class CatalogBackendTests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_760_000_000)

    func testRowsAreReadByNameWhateverTheCaseAndSayWhatIsWrong() throws {
        let file = URL(fileURLWithPath: "/tmp/catalog.sqlite")
        let row = CatalogRow(
            [("pagecount", .real(12)), ("MEAN", .real(84.5)), ("provincial", .bool(true)), ("at", .text("2025-10-09 08:53:20.000"))],
            file: file)
        XCTAssertEqual(try row.int("pageCount"), 12, "PostgreSQL's numeric sums without a fraction are integers")
        XCTAssertEqual(try row.optionalDouble("mean"), 84.5)
        XCTAssertTrue(try row.bool("Provincial"))
        XCTAssertEqual(try row.date("at"), t0, "SQLite's text dates are read as dates")
        XCTAssertThrowsError(try row.int("mean")) { error in
            XCTAssertEqual((error as? CatalogError)?.kind, .databaseFailed)
            XCTAssertTrue("\(error)".contains("column mean"), "\(error)")
        }
        XCTAssertThrowsError(try row.string("missing")) { error in
            XCTAssertTrue("\(error)".contains("missing is not among the columns"), "\(error)")
        }
    }

    func testStatusProgressAndFailureCountsAreTheSameOnBothBackends() throws {
        let test = try TestCatalog(self)
        try test.catalog.addLibrary(code: "LCH", name: "Thư viện tỉnh", provincial: true, at: t0)
        let batch = try test.catalog.startBatch(path: "/b", pipeline: "default", at: t0)
        for (index, id) in ["a", "b", "c"].enumerated() {
            try test.catalog.upsertItem(
                ItemRecord(
                    id: id, libraryCode: "LCH", title: "Sách \(id)", metadataJSON: #"{"titleFromFolderName":false}"#,
                    sourcePath: "/b/\(id)",
                    batchID: batch, pageCount: index + 1), at: t0)
            for sequence in 1...(index + 1) {
                var page = try test.addPage(id, "p\(sequence)", sequence: sequence)
                page.meanConfidence = Double(60 + 10 * sequence)
                page.isBlank = sequence == 3
                try test.catalog.upsertPage(page)
                try test.catalog.setStage(
                    pageID: page.id ?? 0, stage: .ocr, state: sequence == 2 ? .failed : .done, error: sequence == 2 ? "hỏng" : nil)
            }
            if id != "c" {
                try test.catalog.markItemPackaged(id: id, version: "v1", objectPath: "o/\(id)", at: t0 + Double(index) * 86_400)
            }
        }
        try test.catalog.recordFailure(batchID: batch, itemID: "b", file: "/b/b/p2.tif", stage: .ocr, reason: "hỏng", at: t0 + 60)
        try test.catalog.finishBatch(id: batch, state: .finished, pages: 6, failures: 1, at: t0 + 120)
        var answers: [CatalogBackend: (status: CatalogStatus, groups: [String], months: [MonthlyCount], quality: OCRQuality)] = [:]
        try test.onEachBackend(self) { catalog, backend in
            let status = try catalog.status()
            let libraryStatus = try catalog.status(scope: .library("LCH"))
            let (tally, months, quality, failures) = try catalog.progressSnapshot { tx throws(CatalogError) in
                (
                    try tx.progressTally(asOf: t0 + 10 * 86_400), try tx.monthlyArchived(year: 2025),
                    try tx.ocrQuality(asOf: t0 + 10 * 86_400),
                    try tx.failureCounts(from: t0, to: t0 + 3600)
                )
            }
            XCTAssertEqual(status.itemCount, 3, backend.rawValue)
            XCTAssertEqual(status.blankPageCount, 1, backend.rawValue)
            XCTAssertEqual(status, libraryStatus, backend.rawValue)
            XCTAssertEqual(tally.items.map(\.counts.done).reduce(0, +), 2, backend.rawValue)
            XCTAssertEqual(months[9], MonthlyCount(month: 10, items: 2, pages: 3), backend.rawValue)
            XCTAssertEqual(quality.recognizedPages, 3, backend.rawValue)
            XCTAssertEqual(failures, [FailureCount(stage: "ocr", count: 1)], backend.rawValue)
            XCTAssertEqual(try catalog.library(code: "lch")?.provincial, true, backend.rawValue)
            XCTAssertEqual(try catalog.provincialLibrary()?.code, "LCH", backend.rawValue)
            XCTAssertEqual(try catalog.libraries().map(\.code), ["LCH"], backend.rawValue)
            answers[backend] = (status, (tally.holdings.map { "\($0)" } + tally.items.map { "\($0)" }).sorted(), months, quality)
        }
        if let postgres = answers[.postgres], let sqlite = answers[.sqlite] {
            XCTAssertEqual(postgres.status, sqlite.status, "PostgreSQL's status is SQLite's")
            XCTAssertEqual(postgres.groups, sqlite.groups, "PostgreSQL's progress groups are SQLite's")
            XCTAssertEqual(postgres.months, sqlite.months)
            XCTAssertEqual(postgres.quality, sqlite.quality)
        }
    }

    func testAQueryNotYetPortedIsRefusedOnPostgresNamingIt() throws {
        let test = try TestCatalog(self)
        try test.addItem("a")
        try test.onEachBackend(self) { catalog, backend in
            switch backend {
            case .sqlite:
                XCTAssertNoThrow(try catalog.read { tx throws(CatalogError) in try tx.unportedItemCount() })
            case .postgres:
                XCTAssertThrowsError(try catalog.read { tx throws(CatalogError) in try tx.unportedItemCount() }) { error in
                    XCTAssertEqual((error as? CatalogError)?.kind, .notOnThisBackend)
                    XCTAssertTrue("\(error)".contains("not yet available on a PostgreSQL catalog: unportedItemCount"), "\(error)")
                    XCTAssertTrue("\(error)".contains("chưa dùng được trên danh mục PostgreSQL"), "\(error)")
                }
                XCTAssertThrowsError(
                    try catalog.write { tx throws(CatalogError) in
                        try tx.addLibrary(code: "TUY", name: "Thư viện huyện")
                        try tx.unportedLibraryRename()
                    }
                ) { error in
                    XCTAssertEqual((error as? CatalogError)?.kind, .notOnThisBackend)
                    XCTAssertTrue("\(error)".contains("unportedLibraryRename"), "\(error)")
                }
                XCTAssertNil(try catalog.library(code: "TUY"), "the refused write left nothing")
                XCTAssertEqual(try catalog.status().itemCount, 1, "what is ported still answers")
            }
        }
    }

    func testARunsWritesOfBatchesItemsPagesStagesAndFailuresGiveTheSameCatalogOnBothBackends() throws {
        var answers: [CatalogBackend: (status: CatalogStatus, items: [ItemRecord], pages: [PageRecord], stages: [PageStageRecord])] = [:]
        try TestCatalog.onEachEmptyBackend(self) { catalog, backend in
            let batch = try catalog.startBatch(path: "/b", pipeline: "default", at: t0)
            XCTAssertEqual(batch, 1, backend.rawValue)
            let item = try catalog.upsertItem(
                ItemRecord(id: "a", libraryCode: "LC", title: "Địa chí", sourcePath: "/b/a", batchID: batch), at: t0)
            XCTAssertEqual(item.createdAt, t0, backend.rawValue)
            var first = try catalog.upsertPage(
                PageRecord(itemID: "a", name: "p1", sequence: 1, sourcePath: "/b/a/1.tif", sourceSHA256: TestCatalog.sha("A")), at: t0)
            XCTAssertEqual(first.sourceSHA256, TestCatalog.sha("a"), "\(backend.rawValue): stored in lower case")
            first.meanConfidence = 91.5
            first.isBlank = true
            first.state = .done
            first = try catalog.upsertPage(first, at: t0 + 1)
            let second = try catalog.upsertPage(
                PageRecord(itemID: "a", name: "p2", sequence: 2, sourcePath: "/b/a/2.tif", sourceSHA256: TestCatalog.sha("b")), at: t0)
            let firstID = try XCTUnwrap(first.id)
            try catalog.setStage(pageID: firstID, stage: .ocr, state: .running, at: t0 + 2)
            try catalog.setStage(pageID: firstID, stage: .ocr, state: .done, at: t0 + 3)
            try catalog.setStage(pageID: try XCTUnwrap(second.id), stage: .ocr, state: .failed, error: "hỏng", at: t0 + 4)
            XCTAssertTrue(try catalog.isPageDone(sha256: TestCatalog.sha("a"), itemID: "a", name: "p1"), backend.rawValue)
            XCTAssertFalse(try catalog.isPageDone(sha256: TestCatalog.sha("b"), itemID: "a", name: "p2"), backend.rawValue)
            try catalog.recordFailure(batchID: batch, itemID: "a", file: "/b/a/2.tif", stage: .ocr, reason: "hỏng", at: t0 + 4)
            _ = try catalog.upsertItem(
                ItemRecord(id: "a", libraryCode: "LC", title: "Địa chí", sourcePath: "/b/a", batchID: batch, pageCount: 2), at: t0 + 5)
            try catalog.markItemPackaged(id: "a", version: "v1", objectPath: "o/a", at: t0 + 6)
            XCTAssertThrowsError(try catalog.markItemPackaged(id: "none", version: "v1", objectPath: "o/x", at: t0)) { error in
                XCTAssertEqual((error as? CatalogError)?.kind, .notFound, backend.rawValue)
            }
            try catalog.finishBatch(id: batch, state: .finished, pages: 2, failures: 1, at: t0 + 7)
            XCTAssertEqual(try catalog.failures(batchID: batch).map(\.reason), ["hỏng"], backend.rawValue)
            let items = try catalog.items()
            XCTAssertEqual(items.first?.createdAt, t0, "\(backend.rawValue): createdAt kept by an update")
            XCTAssertEqual(items.first?.state, .packaged, backend.rawValue)
            answers[backend] = (try catalog.status(), items, try catalog.pages(itemID: "a"), try catalog.stages(pageID: firstID))
        }
        if let postgres = answers[.postgres], let sqlite = answers[.sqlite] {
            XCTAssertEqual(postgres.status, sqlite.status)
            XCTAssertEqual(postgres.items, sqlite.items)
            XCTAssertEqual(postgres.pages, sqlite.pages)
            XCTAssertEqual(postgres.stages, sqlite.stages)
        }
    }

    /// Text is listed in byte order on PostgreSQL too (`v-byte-order`), even in a database whose own
    /// collation (here ICU's `en-US`) orders `a` before `B`, `B_2` before `B10` and `Đ` before `E`.
    func testTextIsListedInSQLitesByteOrderOnAPostgreSQLWhoseCollationOrdersOtherwise() throws {
        let test = try TestCatalog(self)
        for code in ["B_2", "B10", "B-2"] {
            try test.catalog.addLibrary(code: code, name: "Thư viện \(code)", at: t0)
        }
        let ids = ["a", "B", "Đ", "E"]
        for id in ids {
            try test.addItem(id)
            var pageIDs: [Int64] = []
            for name in ["a", "B"] {
                pageIDs.append(try XCTUnwrap(try test.addPage(id, name, sequence: 1).id))
            }
            try test.catalog.write { tx throws(CatalogError) in
                for pageID in pageIDs {
                    try tx.setPageSuspicion(pageID: pageID, reason: "nghi ngờ", syllableShare: 0.5)
                }
            }
        }
        // An item of another library: items are listed by id, whatever their library.
        try test.catalog.upsertItem(ItemRecord(id: "z", libraryCode: "B10", sourcePath: "/batch/z"))
        let bytes = ids.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        XCTAssertEqual(bytes, ["B", "E", "a", "Đ"])
        var answers: [CatalogBackend: (status: CatalogStatus, tally: [String])] = [:]
        try test.onEachBackend(self, icuLocale: "en-US") { catalog, backend in
            if backend == .postgres {
                let raw = try catalog.read { tx throws(CatalogError) in
                    try tx.statements.fetch("SELECT x FROM (VALUES ('a'), ('B'), ('Đ'), ('E')) AS v(x) ORDER BY x", [])
                        .map { row throws(CatalogError) in try row.string("x") }
                }
                XCTAssertEqual(raw, ["a", "B", "Đ", "E"], "the database's own collation is not byte order, so this test can fail")
            }
            XCTAssertEqual(try catalog.items().map(\.id), ["B", "E", "a", "z", "Đ"], backend.rawValue)
            XCTAssertEqual(try catalog.pages(itemID: "a").map(\.name), ["B", "a"], backend.rawValue)
            XCTAssertEqual(try catalog.libraries().map(\.code), ["B-2", "B10", "B_2", "LC"], backend.rawValue)
            let suspects = try catalog.suspectPages()
            XCTAssertEqual(suspects.map { "\($0.itemID)/\($0.pageName)" }, bytes.flatMap { ["\($0)/B", "\($0)/a"] }, backend.rawValue)
            let status = try catalog.status()
            XCTAssertEqual(status.itemCount, 5, backend.rawValue)
            let tally = try catalog.progressSnapshot { tx throws(CatalogError) in try tx.progressTally(asOf: Date()) }
            answers[backend] = (status, (tally.holdings.map { "\($0)" } + tally.items.map { "\($0)" }).sorted())
        }
        if let postgres = answers[.postgres], let sqlite = answers[.sqlite] {
            XCTAssertEqual(postgres.status, sqlite.status, "status on PostgreSQL is SQLite's, its suspect pages in the same order")
            XCTAssertEqual(postgres.tally, sqlite.tally, "progress on PostgreSQL is SQLite's (its groups are sums, in no order)")
        }
    }

    /// A run's events and page texts (`Catalog+Events`, `Catalog+Texts` but search), written on each
    /// backend from empty: the same records back, the same refusals.
    func testEventsAndPageTextsAreWrittenAndReadTheSameOnBothBackends() throws {
        var answers: [CatalogBackend: (events: [EventRecord], pages: [PageExport])] = [:]
        try TestCatalog.onEachEmptyBackend(self) { catalog, backend in
            _ = try catalog.upsertItem(ItemRecord(id: "a", libraryCode: "LC", title: "Địa chí", sourcePath: "/b/a"), at: t0)
            var ids: [Int64] = []
            for sequence in 1...3 {
                let page = try catalog.upsertPage(
                    PageRecord(
                        itemID: "a", name: "p\(sequence)", sequence: sequence, sourcePath: "/b/a/\(sequence).tif",
                        sourceSHA256: TestCatalog.sha("a"), state: sequence == 3 ? .failed : .done), at: t0)
                ids.append(try XCTUnwrap(page.id))
            }
            let recognized = try catalog.addEvent(
                itemID: "a", pageID: ids[0], type: .recognized, agent: "sohoa 0.1.0 / tesseract 5.3.0", detail: "độ tin cậy 91%",
                at: t0 + 2)
            XCTAssertNotNil(recognized.id, backend.rawValue)
            XCTAssertEqual(recognized.detail, "độ tin cậy 91%", backend.rawValue)
            let packaged = try catalog.addEvent(itemID: "a", type: .packaged, agent: "sohoa 0.1.0", at: t0 + 1)
            let checked = try catalog.addEvent(itemID: "a", type: .fixityChecked, agent: "sohoa 0.1.0", outcome: .warning, at: t0 + 1)
            XCTAssertEqual(try catalog.events(itemID: "a"), [packaged, checked, recognized], "\(backend.rawValue): by time, then id")
            XCTAssertThrowsError(try catalog.addEvent(itemID: "a", type: "Bad Type", agent: "sohoa")) { error in
                XCTAssertEqual((error as? CatalogError)?.kind, .constraintViolated, "\(backend.rawValue): \(error)")
            }

            try catalog.recordPageText(pageID: ids[0], itemID: "a", text: "ban nha\u{301}p", at: t0)
            try catalog.recordPageText(pageID: ids[0], itemID: "a", text: "\u{110}i\u{323}a chi\u{301} Lai Cha\u{302}u", at: t0 + 3)
            try catalog.recordPageText(pageID: ids[1], itemID: "a", text: "trang hai", at: t0 + 3)
            XCTAssertEqual(try catalog.pageText(pageID: ids[0]), "Địa chí Lai Châu", "\(backend.rawValue): replaced, stored as NFC")
            XCTAssertNil(try catalog.pageText(pageID: ids[2]), backend.rawValue)
            XCTAssertThrowsError(try catalog.recordPageText(pageID: ids[2], itemID: "b", text: "x")) { error in
                XCTAssertEqual((error as? CatalogError)?.kind, .constraintViolated, "\(backend.rawValue): another item's page: \(error)")
            }
            if backend == .postgres {
                let search = try catalog.read { tx throws(CatalogError) in
                    try tx.statements.fetchOne("SELECT search::text AS s FROM page_texts WHERE pageID = ?", [.integer(ids[0])])?.string("s")
                }
                XCTAssertEqual(search, "'chau':4 'chi':2 'dia':1 'lai':3", "the search column follows the new text")
            }
            let pages = try catalog.exportablePages(itemID: "a")
            XCTAssertEqual(pages.map(\.text), ["Địa chí Lai Châu", "trang hai"], "\(backend.rawValue): done pages only, in order")
            answers[backend] = (try catalog.events(itemID: "a"), pages)
        }
        if let postgres = answers[.postgres], let sqlite = answers[.sqlite] {
            XCTAssertEqual(postgres.events, sqlite.events)
            XCTAssertEqual(postgres.pages, sqlite.pages)
        }
    }

    /// The rest of a run's writes ported with `Catalog+Structure`, `+Access`, `+Suspects` and
    /// `+InterruptedBatches`, on each backend from empty: the same answers and refusals.
    func testStructureAccessSuspicionAndInterruptedBatchesAreTheSameOnBothBackends() throws {
        try TestCatalog.onEachEmptyBackend(self) { catalog, backend in
            let name = backend.rawValue
            let running = try catalog.startBatch(path: "/b1", pipeline: "default", at: t0)
            let finished = try catalog.startBatch(path: "/b2", pipeline: "default", at: t0)
            try catalog.finishBatch(id: finished, state: .finished, pages: 0, failures: 0, at: t0 + 1)
            XCTAssertEqual(try catalog.closeInterruptedBatches(at: t0 + 9), 1, name)
            XCTAssertEqual(try catalog.batch(id: running)?.state, .interrupted, name)
            XCTAssertEqual(try catalog.batch(id: running)?.finishedAt, t0 + 9, name)
            XCTAssertEqual(try catalog.batch(id: finished)?.finishedAt, t0 + 1, name)

            _ = try catalog.upsertItem(ItemRecord(id: "a", libraryCode: "LC", title: "Địa chí", sourcePath: "/b/a"), at: t0)
            let page = try catalog.upsertPage(
                PageRecord(itemID: "a", name: "p1", sequence: 1, sourcePath: "/b/a/1.tif", sourceSHA256: TestCatalog.sha("a")), at: t0)
            let pageID = try XCTUnwrap(page.id)

            let labels = #"{"labels":["Bìa"]}"#
            try catalog.write { tx throws(CatalogError) in try tx.setStructureJSON(itemID: "a", #"{"labels":["1"]}"#, at: t0) }
            try catalog.write { tx throws(CatalogError) in try tx.setStructureJSON(itemID: "a", labels, at: t0 + 1) }
            XCTAssertEqual(try catalog.structureJSON(itemID: "a"), labels, name)
            XCTAssertEqual(try catalog.structureJSONs(itemIDs: ["a", "none"]), ["a": labels], name)
            XCTAssertThrowsError(try catalog.write { tx throws(CatalogError) in try tx.setStructureJSON(itemID: "none", "{}") }) {
                XCTAssertEqual(($0 as? CatalogError)?.kind, .notFound, name)
            }
            try catalog.write { tx throws(CatalogError) in try tx.setStructureJSON(itemID: "a", nil) }
            XCTAssertNil(try catalog.structureJSON(itemID: "a"), name)

            func changedAt(_ date: Date) throws -> Int {
                try catalog.read { tx throws(CatalogError) in
                    try tx.statements.fetchOne("SELECT COUNT(*) AS n FROM items WHERE accessChangedAt = ?", [.date(date)])?.int("n") ?? 0
                }
            }
            try catalog.setAccess(itemID: "a", .restricted, at: t0 + 5)
            try catalog.setAccess(itemID: "a", .restricted, at: t0 + 6)
            XCTAssertEqual(try catalog.access(itemID: "a"), .restricted, name)
            XCTAssertEqual(try changedAt(t0 + 5), 1, "\(name): the moment of the real change is kept")
            try catalog.setAccess(itemID: "a", .closed, at: t0 + 7, recordingChange: false)
            XCTAssertEqual(try catalog.access(itemID: "a"), .closed, name)
            XCTAssertEqual(try changedAt(t0 + 5), 1, "\(name): a change not recorded")
            XCTAssertNil(try catalog.access(itemID: "none"), name)
            XCTAssertThrowsError(try catalog.setAccess(itemID: "none", .closed)) {
                XCTAssertEqual(($0 as? CatalogError)?.kind, .notFound, name)
            }

            try catalog.write { tx throws(CatalogError) in try tx.setPageSuspicion(pageID: pageID, reason: "nghi ngờ", syllableShare: 1.5) }
            XCTAssertEqual(try catalog.suspectPages().map(\.reason), ["nghi ngờ"], name)
            let share = try catalog.read { tx throws(CatalogError) in
                try tx.statements.fetchOne("SELECT syllableShare FROM pages WHERE id = ?", [.integer(pageID)])?.optionalDouble(
                    "syllableShare")
            }
            XCTAssertEqual(share, 1, "\(name): the share is kept within 0…1")
            try catalog.write { tx throws(CatalogError) in try tx.setPageSuspicion(pageID: pageID, reason: "", syllableShare: nil) }
            XCTAssertEqual(try catalog.suspectPages(), [], "\(name): an empty reason is no suspicion")
            XCTAssertThrowsError(
                try catalog.write { tx throws(CatalogError) in try tx.setPageSuspicion(pageID: 999, reason: "x", syllableShare: nil) }
            ) {
                XCTAssertEqual(($0 as? CatalogError)?.kind, .notFound, name)
            }
        }
    }

    /// A holding of the register and the archived items naming it (`holding(id:)`,
    /// `archivedItemCount`), the same on both backends.
    func testAHoldingAndItsArchivedItemsAreTheSameOnBothBackends() throws {
        let test = try TestCatalog(self)
        let holding = HoldingRecord(
            id: "LCH-0001", callNumber: "ĐC 12", title: "Địa chí Lai Châu", libraryCode: "LC", collectionType: .rareBook,
            specialValue: true, subjects: "địa chí; lịch sử", estimatedPages: 120, year: 1936, source: "sổ đăng ký", importedAt: t0,
            updatedAt: t0)
        _ = try test.catalog.importHoldings([holding], at: t0)
        for (id, access) in [("a", AccessLevel.public), ("b", .restricted), ("c", .public)] {
            _ = try test.catalog.upsertItem(ItemRecord(id: id, libraryCode: "LC", holdingID: "LCH-0001", sourcePath: "/b/\(id)"), at: t0)
            if id != "c" { try test.catalog.markItemPackaged(id: id, version: "v1", objectPath: "o/\(id)", at: t0) }
            try test.catalog.setAccess(itemID: id, access, at: t0)
        }
        var answers: [CatalogBackend: HoldingRecord] = [:]
        try test.onEachBackend(self) { catalog, backend in
            let stored = try XCTUnwrap(try catalog.holding(id: "LCH-0001"), backend.rawValue)
            XCTAssertEqual(stored.title, "Địa chí Lai Châu", backend.rawValue)
            XCTAssertEqual(stored.year, 1936, backend.rawValue)
            XCTAssertTrue(stored.specialValue, backend.rawValue)
            XCTAssertNil(try catalog.holding(id: "none"), backend.rawValue)
            XCTAssertEqual(
                try catalog.archivedItemCount(holdingID: "LCH-0001", access: [.public]), 1, "\(backend.rawValue): c is not archived")
            XCTAssertEqual(try catalog.archivedItemCount(holdingID: "LCH-0001", access: [.public, .restricted]), 2, backend.rawValue)
            XCTAssertEqual(try catalog.archivedItemCount(holdingID: "LCH-0001", access: []), 0, backend.rawValue)
            answers[backend] = stored
        }
        if let postgres = answers[.postgres], let sqlite = answers[.sqlite] {
            XCTAssertEqual(postgres, sqlite)
        }
    }

    /// What a run and the review screen write and read of a page's review (`reviewEntry`,
    /// `setReviewState`, `addReview`, `reviews`), on each backend from empty.
    func testAPagesReviewIsTheSameOnBothBackends() throws {
        var answers: [CatalogBackend: (entry: ReviewQueueEntry?, reviews: [ReviewRecord])] = [:]
        try TestCatalog.onEachEmptyBackend(self) { catalog, backend in
            let name = backend.rawValue
            _ = try catalog.upsertItem(ItemRecord(id: "a", libraryCode: "LC", title: "Địa chí", sourcePath: "/b/a"), at: t0)
            var page = try catalog.upsertPage(
                PageRecord(itemID: "a", name: "p1", sequence: 1, sourcePath: "/b/a/1.tif", sourceSHA256: TestCatalog.sha("a")), at: t0)
            page.meanConfidence = 71.5
            page.isBlank = true
            page = try catalog.upsertPage(page, at: t0)
            let pageID = try XCTUnwrap(page.id)
            try catalog.markItemPackaged(id: "a", version: "v1", objectPath: "o/a", at: t0)
            let entry = try XCTUnwrap(try catalog.reviewEntry(pageID: pageID), name)
            XCTAssertEqual(entry.itemState, .packaged, name)
            XCTAssertEqual(entry.meanConfidence, 71.5, name)
            XCTAssertTrue(entry.isBlank, name)
            XCTAssertEqual(entry.reviewState, .pending, name)
            XCTAssertNotNil(try catalog.reviewEntry(pageID: pageID, scope: .library("LC")), name)
            XCTAssertNil(try catalog.reviewEntry(pageID: pageID, scope: .library("TUY")), "\(name): another library's page")
            try catalog.write { tx throws(CatalogError) in
                try tx.setReviewState(pageID: pageID, .rescan, rescanReason: "mờ")
                try tx.addReview(
                    ReviewRecord(pageID: pageID, itemID: "a", userID: nil, reviewer: "lan", action: .rescan, detail: "mờ", at: t0 + 2))
                let first = try tx.addReview(
                    ReviewRecord(
                        pageID: pageID, itemID: "a", userID: nil, reviewer: "lan", action: .corrected, ocflVersion: "v2", at: t0 + 1))
                XCTAssertNotNil(first.id, name)
            }
            XCTAssertEqual(try catalog.reviewEntry(pageID: pageID)?.rescanReason, "mờ", name)
            try catalog.write { tx throws(CatalogError) in try tx.setReviewState(pageID: pageID, .approved, rescanReason: "bỏ qua") }
            let reviews = try catalog.reviews(pageID: pageID)
            XCTAssertEqual(reviews.map(\.action), [.corrected, .rescan], "\(name): by time")
            XCTAssertThrowsError(try catalog.write { tx throws(CatalogError) in try tx.setReviewState(pageID: 999, .approved) }) {
                XCTAssertEqual(($0 as? CatalogError)?.kind, .notFound, name)
            }
            answers[backend] = (try catalog.reviewEntry(pageID: pageID), reviews)
        }
        if let postgres = answers[.postgres], let sqlite = answers[.sqlite] {
            XCTAssertEqual(postgres.entry, sqlite.entry)
            XCTAssertNil(postgres.entry?.rescanReason, "approved: no rescan reason kept")
            XCTAssertEqual(postgres.reviews, sqlite.reviews)
        }
    }
}

extension CatalogTransaction {
    /// A query written for GRDB only, as an unported one is: refused on PostgreSQL, naming itself.
    fileprivate func unportedItemCount() throws(CatalogError) -> Int {
        try run { try ItemRecord.fetchCount(db) }
    }

    /// A write written for GRDB only: refused on PostgreSQL, naming itself.
    fileprivate func unportedLibraryRename() throws(CatalogError) {
        try run { try db.execute(sql: "UPDATE libraries SET name = 'x'") }
    }
}
