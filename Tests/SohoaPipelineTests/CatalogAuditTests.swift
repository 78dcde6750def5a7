import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaTesting
import XCTest

@testable import SohoaCollection
@testable import SohoaPipeline

/// `sohoa audit --catalog` (`ArchiveAudit.checkCatalog`): a fresh archive agrees with its catalog;
/// each kind of disagreement is found and named.
final class CatalogAuditTests: XCTestCase {
    func testAFreshArchiveAgreesWithItsCatalog() throws {
        let folder = try temporaryFolder()
        let archive = try ArchiveTestBatch.archive(items: ["sach", "bao"], pages: 2, in: folder)
        let report = try ArchiveAudit(session: try ArchiveSession(folder: archive)).checkCatalog()
        XCTAssertEqual(report.findings, [])
        XCTAssertEqual(report.itemsChecked, 2)
        XCTAssertEqual(report.objectsChecked, 2)
        XCTAssertEqual(report.pagesChecked, 4)
        XCTAssertTrue(report.isClean)
    }

    func testEachDisagreementIsFoundAndNamed() throws {
        let folder = try temporaryFolder()
        let archive = try ArchiveTestBatch.archive(items: ["sach", "bao", "tap-chi"], pages: 2, in: folder)
        let session = try ArchiveSession(folder: archive)
        let catalog = session.catalog
        let root = session.root
        // The catalog records a version the object does not have.
        try catalog.markItemPackaged(id: "sach", version: "v9", objectPath: root.objectPath(for: "urn:sohoa:LOCAL:sach"))
        // A page of a packaged item pending again, and a done page that is not in the object.
        var page = try XCTUnwrap(try catalog.page(itemID: "bao", name: "1"))
        page.state = .pending
        try catalog.upsertPage(page)
        try catalog.upsertPage(
            PageRecord(
                itemID: "bao", name: "9", sequence: 9, sourcePath: "/nowhere/9.png", sourceSHA256: String(repeating: "ab", count: 32),
                state: .done))
        // An object without a catalog item, and the same item under a second library code.
        let file = LogicalFile(logicalPath: "note.txt", source: .data(Data("x".utf8)))
        let user = VersionUser(name: "test", address: "urn:test")
        _ = try root.writeVersion(objectID: "urn:sohoa:LOCAL:mo-coi", files: [file], message: "t", user: user)
        _ = try root.writeVersion(objectID: "urn:sohoa:LCH:tap-chi", files: [file], message: "t", user: user)

        let report = try ArchiveAudit(session: session).checkCatalog()
        let found = Set(report.findings.map { "\($0.kind.rawValue) \($0.itemID ?? $0.objectID)\($0.page.map { "/\($0)" } ?? "")" })
        XCTAssertEqual(
            found,
            [
                "version-mismatch sach", "page-state bao/1", "page-missing bao/9", "uncatalogued urn:sohoa:LOCAL:mo-coi",
                "uncatalogued urn:sohoa:LCH:tap-chi", "duplicate tap-chi",
            ], report.text)
        XCTAssertFalse(report.isClean)
        XCTAssertTrue(report.text.contains("page-missing bao/9"), report.text)
    }

    func testAnObjectWrittenButNotRecordedIsFoundAndTheNextRunRecordsItWithoutANewVersion() throws {
        let folder = try temporaryFolder()
        let archive = try ArchiveTestBatch.archive(items: ["sach"], pages: 2, in: folder)
        let session = try ArchiveSession(folder: archive)
        // As if the run had been killed between writing the object and recording it.
        var item = try XCTUnwrap(try session.catalog.item(id: "sach"))
        item.state = .pending
        item.ocflVersion = nil
        item.objectPath = nil
        item.packagedAt = nil
        try session.catalog.upsertItem(item)
        let behind = try ArchiveAudit(session: session).checkCatalog()
        XCTAssertEqual(behind.findings.map(\.kind), [.notRecorded])

        let options = PipelineFixtures.options(
            batch: folder.appendingPathComponent("batch"), archive: archive
        ) { CountingEngine() }
        let summary = try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: RecordingReporter())).run()
        XCTAssertEqual(summary.exitStatus, .success)
        XCTAssertEqual(summary.snapshot.itemsSkipped, 1, "the object already holds the item: nothing is packaged again")
        XCTAssertEqual(try session.root.headVersion(objectID: "urn:sohoa:LOCAL:sach"), "v1")
        XCTAssertEqual(try session.catalog.item(id: "sach")?.state, .packaged)
        XCTAssertEqual(try session.catalog.item(id: "sach")?.ocflVersion, "v1")
        XCTAssertEqual(try ArchiveAudit(session: session).checkCatalog().findings, [])
    }

    /// A run writes the catalog and the archive one after the other, so they disagree while it works:
    /// the audit refuses while a run holds the archive (naming the run) and audits once it is gone.
    func testTheAuditRefusesWhileARunHoldsTheArchive() throws {
        let folder = try temporaryFolder()
        let archive = try ArchiveTestBatch.archive(items: ["sach"], pages: 1, in: folder)
        let session = try ArchiveSession(folder: archive)
        var lock: RunLock? = try RunLock.acquire(archive: archive, batch: "lo-dang-chay")
        XCTAssertNotNil(lock)
        do {
            _ = try ArchiveAudit(session: session).checkCatalog()
            XCTFail("the audit ran while a run held the archive")
        } catch {
            XCTAssertEqual(error.kind, .archive)
            XCTAssertTrue(error.message.contains("lo-dang-chay"), "the message names the run: \(error.message)")
        }
        lock = nil
        XCTAssertTrue(try ArchiveAudit(session: session).checkCatalog().isClean)
    }
}
