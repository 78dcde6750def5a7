import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaTesting
import XCTest

@testable import SohoaCollection
@testable import SohoaPipeline

/// `ArchiveAudit` records each audit in the catalog, where `sohoa status` shows the last one.
final class ArchiveAuditTests: XCTestCase {
    func testAuditsAreRecordedAndTheLastIsInTheStatus() throws {
        let folder = try temporaryFolder()
        let archive = try ArchiveTestBatch.archive(items: ["sach"], pages: 1, in: folder)
        let session = try ArchiveSession(folder: archive)
        let clean = try ArchiveAudit(session: session).run()
        XCTAssertEqual(clean.findings, [])
        XCTAssertEqual(clean.objectsChecked, ["urn:sohoa:LOCAL:sach"])
        XCTAssertEqual(try session.catalog.status().lastAudit?.findingCount, 0)

        let access = try XCTUnwrap(try session.root.contentURL(objectID: "urn:sohoa:LOCAL:sach", logicalPath: "access/1.png"))
        var bytes = try Data(contentsOf: access)
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: access)
        let damaged = try ArchiveAudit(session: session).run(itemIDs: ["sach"])
        XCTAssertEqual(damaged.findings.map(\.kind), [.changed])
        XCTAssertEqual(damaged.findings.first?.path, "v1/content/access/1.png")
        XCTAssertTrue(damaged.text.contains("changed v1/content/access/1.png"), damaged.text)
        let status = try session.catalog.status()
        let last = try XCTUnwrap(status.lastAudit)
        XCTAssertEqual(last.findingCount, 1)
        XCTAssertEqual(last.scope, "items sach")
        XCTAssertTrue(last.findings.first?.contains("access/1.png") == true)
        let report = StatusReport.text(status, archive: archive)
        XCTAssertTrue(report.contains("1 \(Messages.english ? "findings" : "vấn đề")"), report)
        let event = try XCTUnwrap(try session.catalog.events(itemID: "sach").last)
        XCTAssertEqual(event.type, .fixityChecked)
        XCTAssertEqual(event.outcome, .failure)
        XCTAssertThrowsError(try ArchiveAudit(session: session).run(itemIDs: ["khong-co"])) { error in
            XCTAssertEqual((error as? RunError)?.exitStatus, .usage)
        }
    }
}
