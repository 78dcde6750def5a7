import Dispatch
import Foundation
import Synchronization
import XCTest

@testable import SohoaCatalog

/// One `Catalog` shared by many threads: writes never fail with SQLITE_BUSY (nor wait forever for
/// PostgreSQL's write lock), reads run alongside; on SQLite and on PostgreSQL (`onEachEmptyBackend`).
final class ConcurrencyTests: XCTestCase {
    func testConcurrentWritesAndReadsThroughOneCatalog() throws {
        try TestCatalog.onEachEmptyBackend(self) { catalog, backend in
            let batch = try catalog.startBatch(path: "/b", pipeline: "default")
            let threads = 8
            let pagesPerThread = 25
            let errors = Mutex<[String]>([])

            DispatchQueue.concurrentPerform(iterations: threads) { thread in
                do {
                    let itemID = "item-\(thread)"
                    try catalog.upsertItem(ItemRecord(id: itemID, libraryCode: "LC", sourcePath: "/b/\(itemID)"))
                    for n in 1...pagesPerThread {
                        let page = try catalog.upsertPage(
                            PageRecord(
                                itemID: itemID, name: String(format: "p%03d", n), sequence: n,
                                sourcePath: "/b/\(itemID)/\(n).tif", sourceSHA256: TestCatalog.sha("e")))
                        let pageID = page.id ?? 0
                        try catalog.write { tx throws(CatalogError) in
                            try tx.setStage(pageID: pageID, stage: .ocr, state: .done)
                            try tx.recordPageText(
                                pageID: pageID, itemID: itemID, text: "Thư viện luồng \(thread) trang \(n)")
                            try tx.addEvent(itemID: itemID, pageID: pageID, type: .recognized, agent: "test")
                        }
                        if n % 5 == 0 {
                            try catalog.recordFailure(
                                batchID: batch, file: "/b/\(itemID)/bad\(n).tif", stage: .ingest, reason: "bad")
                            _ = try catalog.search("thu vien")
                            _ = try catalog.status()
                        }
                    }
                } catch {
                    errors.withLock { $0.append("\(error)") }
                }
            }

            XCTAssertEqual(errors.withLock { $0 }, [], "\(backend)")
            let status = try catalog.status()
            XCTAssertEqual(status.itemCount, threads, "\(backend)")
            XCTAssertEqual(status.pageCount, threads * pagesPerThread, "\(backend)")
            XCTAssertEqual(status.pagesByStage[.ocr], [.done: threads * pagesPerThread], "\(backend)")
            XCTAssertEqual(status.failureCount, threads * pagesPerThread / 5, "\(backend)")
            XCTAssertEqual(try catalog.search("thu vien", limit: 1000).count, threads * pagesPerThread, "\(backend)")
            XCTAssertEqual(try catalog.search(#""luong 3 trang 7""#).map(\.itemID), ["item-3"], "\(backend)")
        }
    }

    /// On SQLite two `Catalog` values on one file in one process; on PostgreSQL two catalogs on one
    /// database, each with connections of its own (as two processes would have), writing at once.
    func testTwoCatalogValuesOnOneFileFromManyThreads() throws {
        try TestCatalog.onEachEmptyBackendOpenedTwice(self) { catalog, another, backend in
            let other = try another()
            let errors = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 4) { thread in
                let writer = thread.isMultiple(of: 2) ? catalog : other
                do {
                    for n in 0..<20 {
                        try writer.upsertItem(ItemRecord(id: "i\(thread)-\(n)", libraryCode: "LC", sourcePath: "/x"))
                    }
                } catch {
                    errors.withLock { $0.append("\(error)") }
                }
            }
            XCTAssertEqual(errors.withLock { $0 }, [], "\(backend)")
            XCTAssertEqual(try catalog.items().count, 80, "\(backend)")
            XCTAssertEqual(try other.items().count, 80, "\(backend)")
        }
    }
}
