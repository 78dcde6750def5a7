import Foundation
import SohoaCatalog
import SohoaTesting
import Synchronization
import XCTest

@testable import SohoaPipeline

/// The run's one catalog writer: writes handed in are applied in order, look-ups see every write
/// handed in before them, and a write that fails loses only itself.
final class CatalogWriterTests: XCTestCase {
    private func makeWriter() throws -> CatalogWriter {
        let folder = try temporaryFolder()
        let catalog = try Catalog(url: folder.appendingPathComponent("catalog.sqlite"))
        return CatalogWriter(catalog: catalog, path: catalog.file.path) { _ in false }
    }

    func testWritesAreAppliedInTheOrderHandedInAndLookUpsSeeThem() throws {
        let writer = try makeWriter()
        // Each page needs its item (a foreign key): applied out of order, the pages would fail.
        for item in 0..<20 {
            writer.record("item \(item)") { tx throws(CatalogError) in
                try tx.upsertItem(ItemRecord(id: "i\(item)", libraryCode: "LC", sourcePath: "/b/i\(item)"))
            }
            for page in 1...3 {
                writer.record("page \(item)/\(page)") { tx throws(CatalogError) in
                    try tx.upsertPage(
                        PageRecord(
                            itemID: "i\(item)", name: "\(page)", sequence: page, sourcePath: "/b/i\(item)/\(page).tif",
                            sourceSHA256: String(repeating: "0", count: 63) + "\(page)", frameIndex: 0))
                }
            }
        }
        let pages = writer.now { (try? writer.catalog.pages(itemID: "i19").count) ?? -1 }
        XCTAssertEqual(pages, 3, "a look-up runs after every write handed in before it")
        writer.drain()
        XCTAssertEqual(try writer.catalog.items().count, 20)
        XCTAssertEqual(writer.problems.count, 0, writer.problems.first ?? "")
    }

    func testAFailingWriteLosesOnlyItselfAndIsReportedOnce() throws {
        let writer = try makeWriter()
        for n in 0..<10 {
            writer.record("failure \(n)") { tx throws(CatalogError) in
                try tx.recordFailure(batchID: nil, file: "/b/\(n).tif", stage: .ingest, reason: "unreadable \(n)")
            }
            if n == 4 {
                writer.record("the missing item") { tx throws(CatalogError) in
                    try tx.markItemFailed(id: "missing", reason: "no such item")
                }
            }
        }
        writer.drain()
        XCTAssertEqual(try writer.catalog.failures(limit: 100).count, 10, "the writes batched with the failing one are kept")
        XCTAssertEqual(writer.problems.count, 1, writer.problems.joined(separator: "\n"))
        XCTAssertTrue(writer.problems.first?.contains("could not record the missing item") ?? false, writer.problems.joined())
    }

    func testABatchWhoseOutcomeIsUnknownIsNotAppliedAgain() throws {
        let backend = CommitLostBackend()
        let writer = CatalogWriter(catalog: Catalog(backend: backend), path: "postgresql://db/sohoa") { _ in false }
        // Handed in while the writer is busy: all five wait, and go in one transaction.
        writer.now {
            for n in 0..<5 {
                writer.record("failure \(n)") { tx throws(CatalogError) in
                    try tx.recordFailure(batchID: nil, file: "/b/\(n).tif", stage: .ingest, reason: "unreadable \(n)")
                }
            }
        }
        writer.drain()
        XCTAssertEqual(backend.writes, 1, "the batch is not applied again one write at a time (it may have been kept)")
        XCTAssertEqual(writer.problems.count, 5, writer.problems.joined(separator: "\n"))
        XCTAssertTrue(writer.problems.allSatisfy { $0.contains("whether it was saved is unknown") }, writer.problems.joined())
    }
}

/// A catalog whose every write fails as if the connection to PostgreSQL broke during its COMMIT.
private final class CommitLostBackend: CatalogBackend {
    private let count = Mutex(0)
    /// How many writes were asked for.
    var writes: Int { count.withLock { $0 } }
    var location: URL { URL(fileURLWithPath: "/nowhere/catalog") }

    func write<T>(_ body: (any CatalogStatements) throws(CatalogError) -> T) throws(CatalogError) -> T {
        count.withLock { $0 += 1 }
        throw CatalogError.outcomeUnknown(file: location, detail: "connection reset")
    }

    func read<T>(_ body: (any CatalogStatements) throws(CatalogError) -> T) throws(CatalogError) -> T {
        throw CatalogError(kind: .databaseFailed, file: location, message: "no reads here")
    }
}
