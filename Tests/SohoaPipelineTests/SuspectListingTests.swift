import Foundation
import SohoaCatalog
import XCTest

@testable import SohoaCollection
@testable import SohoaPipeline

/// Issue 11: suspect pages are listed in the run's summary and in `sohoa status`.
final class SuspectListingTests: XCTestCase {
    func testTheRunSummaryListsSuspectPages() {
        var snapshot = RunSnapshot(batch: "b", startedAt: Date(), elapsedSeconds: 1)
        XCTAssertFalse(RunSummary(snapshot: snapshot, unfinishedItems: []).text.contains("? "))
        snapshot.suspectPages = [SuspectPage(item: "sach", page: "p2", reason: "mean confidence 41% (batch 93%)")]
        let text = RunSummary(snapshot: snapshot, unfinishedItems: []).text
        let reason = Messages.english ? "mean confidence 41% (batch 93%)" : "độ tin cậy trung bình 41% (cả lô 93%)"
        XCTAssertTrue(text.contains("(1):\n  ? sach/p2: \(reason)"), text)
        XCTAssertEqual(RunSummary(snapshot: snapshot, unfinishedItems: []).exitStatus, .success, "a suspect page is not a failure")
    }

    func testStatusListsSuspectPagesWithTheirReviewState() {
        var status = CatalogStatus(
            recentBatches: [], itemCount: 1, itemsByState: [:], pageCount: 2, pagesByState: [:], pagesByStage: [:],
            blankPageCount: 0, meanConfidence: nil, failureCount: 0, recentFailures: [])
        XCTAssertFalse(StatusReport.text(status, archive: URL(fileURLWithPath: "/a")).contains("  ? "))
        status.suspectPageCount = 2
        status.suspectPages = [
            SuspectPageRecord(pageID: 2, itemID: "sach", pageName: "p2", sequence: 2, reason: "no text recognized", reviewState: .pending),
            SuspectPageRecord(
                pageID: 1, itemID: "sach", pageName: "p1", sequence: 1, reason: "mean confidence 50%", reviewState: .approved),
        ]
        let text = StatusReport.text(status, archive: URL(fileURLWithPath: "/a"))
        let reason = Messages.english ? "mean confidence 50%" : "độ tin cậy trung bình 50%"
        XCTAssertTrue(text.contains("(2):\n  ? sach / p2: no text recognized\n  ? sach / p1: \(reason) [approved]"), text)
    }
}
