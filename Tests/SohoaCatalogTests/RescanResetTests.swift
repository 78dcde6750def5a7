import Foundation
import XCTest

@testable import SohoaCatalog

/// A page sent back for rescanning leaves the rescan list when a new scan (another SHA-256) of it
/// is stored, and its review starts again; storing the same scan again changes nothing. On SQLite and
/// on PostgreSQL (`onEachEmptyTestBackend`).
final class RescanResetTests: XCTestCase {
    func testNewScanOfARescanPageStartsItsReviewAgain() throws {
        try TestCatalog.onEachEmptyTestBackend(self) { test, backend in
            try test.addItem("so-1")
            let page = try test.addPage("so-1", "p001", sequence: 1, sha: "a")
            let id = try XCTUnwrap(page.id)
            try test.catalog.write { tx throws(CatalogError) in
                try tx.setReviewState(pageID: id, .rescan, rescanReason: "mờ, chụp lại")
            }
            XCTAssertEqual(try test.catalog.rescanRequests().map(\.pageName), ["p001"], "\(backend)")
            let revision = try XCTUnwrap(try test.catalog.write { tx throws(CatalogError) in try tx.pageRevision(pageID: id) })

            try test.addPage("so-1", "p001", sequence: 1, sha: "a")
            XCTAssertEqual(try test.catalog.rescanRequests().count, 1, "\(backend): the same scan again is not a rescan")

            try test.addPage("so-1", "p001", sequence: 1, sha: "b")
            XCTAssertEqual(try test.catalog.rescanRequests().count, 0, "\(backend)")
            let state = try test.catalog.write { tx throws(CatalogError) in
                (try tx.pageRevision(pageID: id), try tx.reviewEntry(pageID: id))
            }
            XCTAssertEqual(state.0, revision + 1, "\(backend): an open review form of the old scan must not save over the new one")
            XCTAssertEqual(state.1?.reviewState, .pending, "\(backend)")
        }
    }
}
