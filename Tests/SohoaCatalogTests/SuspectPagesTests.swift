import Foundation
import XCTest

@testable import SohoaCatalog

/// Issue 11: suspect pages are recorded with their reason, listed first in the review queue as their own
/// section, and listed by `status`.
final class SuspectPagesTests: XCTestCase {
    private func packagedItemWithPages(_ test: TestCatalog, confidences: [Double]) throws -> [Int64] {
        try test.addItem("sach")
        var ids: [Int64] = []
        for (index, confidence) in confidences.enumerated() {
            var page = try test.addPage("sach", "p\(index + 1)", sequence: index + 1, sha: Character(String(index + 1)))
            page.meanConfidence = confidence
            page.wordCount = 100
            ids.append(try XCTUnwrap(try test.catalog.upsertPage(page).id))
        }
        try test.catalog.markItemPackaged(id: "sach", version: "v1", objectPath: "o/sach")
        return ids
    }

    func testSuspectPagesHaveTheirOwnQueueSectionAndLeaveTheTextSection() throws {
        let test = try TestCatalog(self)
        let ids = try packagedItemWithPages(test, confidences: [93, 41, 92])
        try test.catalog.write { tx throws(CatalogError) in
            try tx.setPageSuspicion(pageID: ids[1], reason: "mean confidence 41% (batch 93%)", syllableShare: 0.12)
            try tx.setPageSuspicion(pageID: ids[0], reason: nil, syllableShare: 0.97)
        }
        let suspect = try test.catalog.reviewQueue(section: .suspect)
        XCTAssertEqual(suspect.map(\.pageName), ["p2"])
        XCTAssertEqual(suspect.first?.suspectReason, "mean confidence 41% (batch 93%)")
        XCTAssertEqual(suspect.first?.syllableShare, 0.12)
        XCTAssertEqual(suspect.first?.section, .suspect)
        XCTAssertEqual(try test.catalog.reviewQueue(section: .text).map(\.pageName), ["p3", "p1"])
        XCTAssertEqual(try test.catalog.reviewQueueCounts(), ReviewQueueCounts(suspect: 1, text: 2))
        XCTAssertEqual(ReviewQueueSection.allCases.first, .suspect, "the suspect list comes first")

        // A page judged again without a reason leaves the suspect list.
        try test.catalog.write { tx throws(CatalogError) in try tx.setPageSuspicion(pageID: ids[1], reason: nil, syllableShare: nil) }
        XCTAssertEqual(try test.catalog.reviewQueueCounts(), ReviewQueueCounts(suspect: 0, text: 3))
    }

    func testStatusListsSuspectPagesWaitingForReviewFirst() throws {
        let test = try TestCatalog(self)
        let ids = try packagedItemWithPages(test, confidences: [50, 93, 30])
        try test.catalog.write { tx throws(CatalogError) in
            try tx.setPageSuspicion(pageID: ids[0], reason: "mean confidence 50%", syllableShare: nil)
            try tx.setPageSuspicion(pageID: ids[2], reason: "12% of words are Vietnamese syllables", syllableShare: 0.12)
            try tx.setReviewState(pageID: ids[0], .approved)
        }
        try test.onEachBackend(self) { catalog, backend in
            let status = try catalog.status()
            XCTAssertEqual(status.suspectPageCount, 2, backend.rawValue)
            XCTAssertEqual(status.suspectPages.map(\.pageName), ["p3", "p1"], backend.rawValue)
            XCTAssertEqual(status.suspectPages.map(\.reviewState), [.pending, .approved], backend.rawValue)
        }
    }

    func testSuspicionOfAMissingPageIsAnErrorAndTheShareIsKeptInRange() throws {
        let test = try TestCatalog(self)
        let ids = try packagedItemWithPages(test, confidences: [90])
        XCTAssertThrowsError(
            try test.catalog.write { tx throws(CatalogError) in try tx.setPageSuspicion(pageID: 999, reason: "x", syllableShare: nil) })
        try test.catalog.write { tx throws(CatalogError) in try tx.setPageSuspicion(pageID: ids[0], reason: "", syllableShare: 1.5) }
        let entry = try XCTUnwrap(try test.catalog.reviewEntry(pageID: ids[0]))
        XCTAssertNil(entry.suspectReason, "an empty reason is no reason")
        XCTAssertEqual(entry.syllableShare, 1)
    }
}
