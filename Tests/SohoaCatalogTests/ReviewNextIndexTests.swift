import Foundation
import GRDB
import XCTest

@testable import SohoaCatalog

/// Issue 12: the page after the one being reviewed is found by a seek in `pages_review_next`
/// (migration "v-review-next-index"), not by sorting every waiting page, and in the same order as
/// the queue. The order is checked on SQLite and on PostgreSQL (`onEachEmptyTestBackend`).
final class ReviewNextIndexTests: XCTestCase {
    /// A packaged item whose pages have these mean confidences (nil: none), named p1, p2, ...
    private func packagedItem(_ test: TestCatalog, _ id: String, confidences: [Double?]) throws {
        _ = try test.addItem(id)
        for (index, confidence) in confidences.enumerated() {
            var page = try test.addPage(id, "p\(index + 1)", sequence: index + 1, sha: Character(String(index % 10)))
            page.meanConfidence = confidence
            page.wordCount = 100
            _ = try test.catalog.upsertPage(page)
        }
        try test.catalog.markItemPackaged(id: id, version: "v1", objectPath: "o/\(id)")
    }

    func testTheNextPageFollowsTheQueueOrder() throws {
        try TestCatalog.onEachEmptyTestBackend(self) { test, backend in
            try packagedItem(test, "sach", confidences: [80, 41, 80, 95, 41, 60])
            let queue = try test.catalog.reviewQueue(section: .text)
            XCTAssertEqual(queue.map(\.pageName), ["p2", "p5", "p6", "p1", "p3", "p4"], "\(backend)")
            var walked: [String] = []
            var entry = queue.first
            while let current = entry {
                walked.append(current.pageName)
                entry = try test.catalog.nextInReviewQueue(after: current)
            }
            XCTAssertEqual(walked, queue.map(\.pageName), "\(backend): equal confidences in id order, nothing skipped or repeated")
            // A filter narrows the next page too.
            try packagedItem(test, "bao", confidences: [50])
            let first = try XCTUnwrap(queue.first)
            let next = try test.catalog.nextInReviewQueue(after: first, filter: ReviewQueueFilter(itemID: "bao"))
            XCTAssertEqual(next?.itemID, "bao", "\(backend)")
        }
    }

    /// SQLite only: it reads SQLite's query plan (PostgreSQL's planner picks a plan by the table's
    /// statistics, so a small test table proves nothing about its use of the index).
    func testTheNextPageIsASeekInTheIndex() throws {
        let test = try TestCatalog(self)
        try packagedItem(test, "sach", confidences: [80, 41, nil])
        for section in ReviewQueueSection.allCases {
            let (condition, values) = ReviewQueueFilter(library: "LC").condition
            let arguments = SQLiteCatalogStatements.arguments(values)
            let plan = try test.catalog.pool.read { db in
                try Row.fetchAll(
                    db, sql: "EXPLAIN QUERY PLAN " + CatalogTransaction.nextInReviewQueueSQL(section, condition),
                    arguments: arguments + [41.0, 41.0, 2]
                ).map { $0["detail"] as String }
            }
            XCTAssertTrue(
                plan.contains { $0.contains("USING INDEX pages_review_next (reviewState=? AND <expr>>?)") }, "\(section): \(plan)")
            XCTAssertFalse(plan.contains { $0.contains("TEMP B-TREE") }, "\(section) sorts: \(plan)")
        }
    }
}
