import Dispatch
import Foundation
import Synchronization
import XCTest

@testable import SohoaCatalog

/// One `Catalog` shared by many threads: writes never fail with SQLITE_BUSY, reads run alongside.
final class ConcurrencyTests: XCTestCase {
    func testConcurrentWritesAndReadsThroughOneCatalog() throws {
        let test = try TestCatalog(self)
        let catalog = test.catalog
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

        XCTAssertEqual(errors.withLock { $0 }, [])
        let status = try catalog.status()
        XCTAssertEqual(status.itemCount, threads)
        XCTAssertEqual(status.pageCount, threads * pagesPerThread)
        XCTAssertEqual(status.pagesByStage[.ocr], [.done: threads * pagesPerThread])
        XCTAssertEqual(status.failureCount, threads * pagesPerThread / 5)
        XCTAssertEqual(try catalog.search("thu vien", limit: 1000).count, threads * pagesPerThread)
        XCTAssertEqual(try catalog.search(#""luong 3 trang 7""#).map(\.itemID), ["item-3"])
    }

    func testTwoCatalogValuesOnOneFileFromManyThreads() throws {
        let test = try TestCatalog(self)
        let other = try Catalog(url: test.catalog.file)
        let errors = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            let catalog = thread.isMultiple(of: 2) ? test.catalog : other
            do {
                for n in 0..<20 {
                    try catalog.upsertItem(ItemRecord(id: "i\(thread)-\(n)", libraryCode: "LC", sourcePath: "/x"))
                }
            } catch {
                errors.withLock { $0.append("\(error)") }
            }
        }
        XCTAssertEqual(errors.withLock { $0 }, [])
        XCTAssertEqual(try test.catalog.items().count, 80)
    }
}
