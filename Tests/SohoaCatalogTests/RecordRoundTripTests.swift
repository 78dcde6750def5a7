import Foundation
import XCTest

@testable import SohoaCatalog

/// What is written comes back the same: batches, items, pages, stages, events, failures; on SQLite and
/// on PostgreSQL (`onEachEmptyTestBackend`).
final class RecordRoundTripTests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_750_000_000)

    func testBatchStartAndFinish() throws {
        try TestCatalog.onEachEmptyTestBackend(self) { test, backend in
            let id = try test.catalog.startBatch(path: "/scans/2025-06", pipeline: "rare-books", at: t0)
            var batch = try XCTUnwrap(test.catalog.batch(id: id))
            XCTAssertEqual(batch.state, .running)
            XCTAssertNil(batch.finishedAt)
            XCTAssertEqual(batch.path, "/scans/2025-06")
            XCTAssertEqual(batch.pipeline, "rare-books")
            XCTAssertEqual(batch.startedAt, t0)

            try test.catalog.finishBatch(id: id, state: .finished, pages: 12, failures: 2, at: t0 + 60)
            batch = try XCTUnwrap(test.catalog.batch(id: id))
            XCTAssertEqual(batch.state, .finished)
            XCTAssertEqual(batch.pageCount, 12)
            XCTAssertEqual(batch.failureCount, 2)
            XCTAssertEqual(batch.finishedAt, t0 + 60, backend.rawValue)

            XCTAssertThrowsError(try test.catalog.finishBatch(id: 999, state: .failed, pages: 0, failures: 0)) {
                XCTAssertEqual(($0 as? CatalogError)?.kind, .notFound)
            }
        }
    }

    func testItemRoundTripUpsertAndStates() throws {
        try TestCatalog.onEachEmptyTestBackend(self) { test, backend in
            let batchID = try test.catalog.startBatch(path: "/b", pipeline: "default")
            let item = ItemRecord(
                id: "dia-chi-lai-chau", libraryCode: "TVLC", title: "Địa chí Lai Châu", creator: "Nhiều tác giả",
                date: "[19--]", language: "vie", type: "Text", subject: "Lai Châu — lịch sử", holdingID: "H-0042",
                metadataJSON: #"{"publisher":"Thư viện tỉnh Lai Châu"}"#, sourcePath: "/b/dia-chi-lai-chau",
                batchID: batchID, pageCount: 3)
            let stored = try test.catalog.upsertItem(item, at: t0)
            XCTAssertEqual(stored.objectID, "urn:sohoa:TVLC:dia-chi-lai-chau")
            XCTAssertEqual(stored.createdAt, t0)
            var fetched = try XCTUnwrap(test.catalog.item(id: "dia-chi-lai-chau"))
            XCTAssertEqual(fetched, stored, backend.rawValue)
            XCTAssertEqual(fetched.state, .pending)

            // Upserting again replaces the fields but keeps createdAt.
            var changed = item
            changed.title = "Địa chí tỉnh Lai Châu"
            try test.catalog.upsertItem(changed, at: t0 + 10)
            fetched = try XCTUnwrap(test.catalog.item(id: "dia-chi-lai-chau"))
            XCTAssertEqual(fetched.title, "Địa chí tỉnh Lai Châu")
            XCTAssertEqual(fetched.createdAt, t0)
            XCTAssertEqual(fetched.updatedAt, t0 + 10)

            try test.catalog.markItemPackaged(
                id: "dia-chi-lai-chau", version: "v1", objectPath: "ab/cd/ef/obj", at: t0 + 20)
            fetched = try XCTUnwrap(test.catalog.item(id: "dia-chi-lai-chau"))
            XCTAssertEqual(fetched.state, .packaged)
            XCTAssertEqual(fetched.ocflVersion, "v1")
            XCTAssertEqual(fetched.objectPath, "ab/cd/ef/obj")
            XCTAssertEqual(fetched.packagedAt, t0 + 20)

            try test.addItem("bao-1")
            try test.catalog.markItemFailed(id: "bao-1", reason: "disk full while writing the PDF")
            XCTAssertEqual(try test.catalog.item(id: "bao-1")?.state, .failed)
            XCTAssertEqual(try test.catalog.item(id: "bao-1")?.failureReason, "disk full while writing the PDF")

            XCTAssertEqual(try test.catalog.items().map(\.id), ["bao-1", "dia-chi-lai-chau"], backend.rawValue)
            XCTAssertEqual(try test.catalog.items(state: .packaged).map(\.id), ["dia-chi-lai-chau"])
            XCTAssertNil(try test.catalog.item(id: "nope"))
            XCTAssertThrowsError(try test.catalog.markItemPackaged(id: "nope", version: "v1", objectPath: "x")) {
                XCTAssertEqual(($0 as? CatalogError)?.kind, .notFound)
            }
        }
    }

    func testPageRoundTripOrderAndUpsert() throws {
        try TestCatalog.onEachEmptyTestBackend(self) { test, backend in
            try test.addItem("sach")
            let page = PageRecord(
                itemID: "sach", name: "scan-p0003", sequence: 3, sourcePath: "/b/sach/scan.tif",
                sourceSHA256: TestCatalog.sha("b"), frameIndex: 2, technicalJSON: #"{"bitsPerSample":1}"#,
                normalizeReportJSON: #"{"angle":0.4,"blank":false}"#, dpi: 300, dpiEstimated: true, width: 2480,
                height: 3508, state: .done, meanConfidence: 87.5, wordCount: 312, isBlank: false, error: nil)
            let stored = try test.catalog.upsertPage(page, at: t0)
            let id = try XCTUnwrap(stored.id)
            XCTAssertEqual(try test.catalog.page(itemID: "sach", name: "scan-p0003"), stored, backend.rawValue)
            XCTAssertEqual(try test.catalog.page(id: id), stored)

            try test.addPage("sach", "scan-p0001", sequence: 1)
            try test.addPage("sach", "scan-p0010", sequence: 10)
            try test.addPage("sach", "scan-p0002", sequence: 2)
            XCTAssertEqual(
                try test.catalog.pages(itemID: "sach").map(\.name),
                ["scan-p0001", "scan-p0002", "scan-p0003", "scan-p0010"])

            // Same item and name: the row is updated in place, keeping its id.
            var again = page
            again.meanConfidence = 91
            let updated = try test.catalog.upsertPage(again)
            XCTAssertEqual(updated.id, id)
            XCTAssertEqual(try test.catalog.page(id: id)?.meanConfidence, 91)
            XCTAssertEqual(try test.catalog.pages(itemID: "sach").count, 4)
        }
    }

    func testStagesRoundTripWithTimes() throws {
        try TestCatalog.onEachEmptyTestBackend(self) { test, backend in
            try test.addItem("sach")
            let pageID = try XCTUnwrap(test.addPage("sach", "p001", sequence: 1).id)
            try test.catalog.setStage(pageID: pageID, stage: .ingest, state: .done, at: t0)
            try test.catalog.setStage(pageID: pageID, stage: .ocr, state: .running, at: t0 + 1)
            try test.catalog.setStage(pageID: pageID, stage: .normalize, state: .done, at: t0 + 1)
            var stages = try test.catalog.stages(pageID: pageID)
            XCTAssertEqual(stages.map(\.stage), [.ingest, .normalize, .ocr])
            XCTAssertEqual(stages[2].state, .running)
            XCTAssertEqual(stages[2].startedAt, t0 + 1)
            XCTAssertNil(stages[2].finishedAt)

            try test.catalog.setStage(pageID: pageID, stage: .ocr, state: .failed, error: "tesseract crashed", at: t0 + 5)
            stages = try test.catalog.stages(pageID: pageID)
            XCTAssertEqual(
                stages[2],
                PageStageRecord(
                    pageID: pageID, stage: .ocr, state: .failed, error: "tesseract crashed", startedAt: t0 + 1,
                    finishedAt: t0 + 5), backend.rawValue)

            try test.catalog.setStage(pageID: pageID, stage: .ocr, state: .done, at: t0 + 9)
            stages = try test.catalog.stages(pageID: pageID)
            XCTAssertEqual(stages[2].state, .done)
            XCTAssertNil(stages[2].error)
        }
    }

    func testEventsRoundTripInOrder() throws {
        try TestCatalog.onEachEmptyTestBackend(self) { test, backend in
            try test.addItem("sach")
            let pageID = try XCTUnwrap(test.addPage("sach", "p001", sequence: 1).id)
            try test.catalog.addEvent(
                itemID: "sach", pageID: pageID, type: .recognized, agent: "sohoa 0.1.0 / tesseract 5.3.0",
                outcome: .success, detail: "vie, 312 words", at: t0 + 2)
            let first = try test.catalog.addEvent(
                EventRecord(itemID: "sach", pageID: pageID, type: .ingested, at: t0, agent: "sohoa 0.1.0"))
            XCTAssertNotNil(first.id)
            try test.catalog.addEvent(
                itemID: "sach", type: .recognitionSkipped, agent: "sohoa 0.1.0", outcome: .warning,
                detail: "no OCR model for blt (Tai Dam)", at: t0 + 3)
            let events = try test.catalog.events(itemID: "sach")
            XCTAssertEqual(events.map(\.type), [.ingested, .recognized, .recognitionSkipped])
            XCTAssertEqual(events[0], first, backend.rawValue)
            XCTAssertEqual(events[1].detail, "vie, 312 words")
            XCTAssertEqual(events[2].outcome, .warning)
            XCTAssertNil(events[2].pageID)
            XCTAssertEqual(events[2].type.rawValue, "recognition-skipped")
        }
    }

    func testFailuresRoundTripAndOrder() throws {
        try TestCatalog.onEachEmptyTestBackend(self) { test, backend in
            let b1 = try test.catalog.startBatch(path: "/b1", pipeline: "default")
            let b2 = try test.catalog.startBatch(path: "/b2", pipeline: "default")
            try test.catalog.recordFailure(
                batchID: b1, file: "/b1/broken.tif", stage: .ingest, reason: "truncated TIFF; rescan the page", at: t0)
            try test.catalog.recordFailure(
                batchID: b1, itemID: "sach", file: "/b1/sach/multi.tif", page: 4, stage: .ocr, reason: "timeout", at: t0 + 1
            )
            try test.catalog.recordFailure(batchID: b2, file: "/b2/x.pdf", stage: .ingest, reason: "PDF", at: t0 + 2)

            let first = try test.catalog.failures(batchID: b1)
            XCTAssertEqual(first.map(\.filePath), ["/b1/broken.tif", "/b1/sach/multi.tif"])
            XCTAssertEqual(first[1].pageIndex, 4)
            XCTAssertEqual(first[1].stage, .ocr)
            XCTAssertEqual(first[1].itemID, "sach")
            XCTAssertEqual(first[0].at, t0)
            XCTAssertEqual(
                try test.catalog.failures().map(\.filePath), ["/b2/x.pdf", "/b1/sach/multi.tif", "/b1/broken.tif"], backend.rawValue)
            XCTAssertEqual(try test.catalog.failures(limit: 1).map(\.filePath), ["/b2/x.pdf"])
        }
    }

    func testSeveralWritesInOneTransactionAreAllOrNothing() throws {
        try TestCatalog.onEachEmptyTestBackend(self) { test, backend in
            try test.catalog.write { tx throws(CatalogError) in
                try tx.upsertItem(ItemRecord(id: "sach", libraryCode: "LC", sourcePath: "/b/sach"))
                let page = try tx.upsertPage(
                    PageRecord(
                        itemID: "sach", name: "p001", sequence: 1, sourcePath: "/b/sach/1.tif",
                        sourceSHA256: TestCatalog.sha("c")))
                try tx.setStage(pageID: page.id ?? 0, stage: .ingest, state: .done)
            }
            XCTAssertEqual(try test.catalog.pages(itemID: "sach").count, 1)

            XCTAssertThrowsError(
                try test.catalog.write { tx throws(CatalogError) in
                    try tx.upsertItem(ItemRecord(id: "bao", libraryCode: "LC", sourcePath: "/b/bao"))
                    try tx.upsertPage(
                        PageRecord(
                            itemID: "missing", name: "p001", sequence: 1, sourcePath: "/b/x.tif",
                            sourceSHA256: TestCatalog.sha("c")))
                })
            XCTAssertNil(try test.catalog.item(id: "bao"), "the item of the failed transaction was kept (\(backend))")
        }
    }

    func testStatusCountsEverything() throws {
        let test = try TestCatalog(self)
        let batch = try test.catalog.startBatch(path: "/b", pipeline: "default", at: t0)
        try test.addItem("a")
        try test.addItem("b")
        try test.catalog.markItemPackaged(id: "a", version: "v1", objectPath: "o/a")
        var p1 = try test.addPage("a", "p001", sequence: 1)
        p1.meanConfidence = 80
        try test.catalog.upsertPage(p1)
        var p2 = try test.addPage("a", "p002", sequence: 2)
        p2.meanConfidence = 90
        p2.isBlank = true
        try test.catalog.upsertPage(p2)
        for page in [p1, p2] {
            try test.catalog.setStage(pageID: page.id ?? 0, stage: .ocr, state: .done)
        }
        try test.catalog.setStage(pageID: p1.id ?? 0, stage: .package, state: .failed, error: "disk full")
        try test.catalog.recordFailure(batchID: batch, file: "/b/bad.tif", stage: .ingest, reason: "unreadable")
        try test.catalog.finishBatch(id: batch, state: .finished, pages: 2, failures: 1, at: t0 + 5)

        try test.onEachBackend(self) { catalog, backend in
            let status = try catalog.status()
            XCTAssertEqual(status.recentBatches.map(\.id), [batch], backend.rawValue)
            XCTAssertEqual(status.recentBatches.first?.state, .finished, backend.rawValue)
            XCTAssertEqual(status.itemCount, 2, backend.rawValue)
            XCTAssertEqual(status.itemsByState, [.packaged: 1, .pending: 1], backend.rawValue)
            XCTAssertEqual(status.pageCount, 2, backend.rawValue)
            XCTAssertEqual(status.pagesByState, [.done: 2], backend.rawValue)
            XCTAssertEqual(status.pagesByStage[.ocr], [.done: 2], backend.rawValue)
            XCTAssertEqual(status.pagesByStage[.package], [.failed: 1], backend.rawValue)
            XCTAssertEqual(status.blankPageCount, 1, backend.rawValue)
            XCTAssertEqual(try XCTUnwrap(status.meanConfidence), 85, accuracy: 0.001, backend.rawValue)
            XCTAssertEqual(status.failureCount, 1, backend.rawValue)
            XCTAssertEqual(status.recentFailures.map(\.filePath), ["/b/bad.tif"], backend.rawValue)
            XCTAssertNoThrow(try JSONEncoder().encode(status), backend.rawValue)
        }
    }
}
