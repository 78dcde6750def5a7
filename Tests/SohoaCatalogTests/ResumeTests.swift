import Foundation
import XCTest

@testable import SohoaCatalog

/// `isPageDone` — the resume key — is true only for the same content at the same page with OCR done.
final class ResumeTests: XCTestCase {
    func testDoneOnlyForSameSHAAndDoneOCR() throws {
        try TestCatalog.onEachEmptyTestBackend(self) { test, backend in
            try test.addItem("sach")
            let sha = TestCatalog.sha("a")
            let pageID = try XCTUnwrap(test.addPage("sach", "p001", sequence: 1, sha: "a").id)
            XCTAssertFalse(try test.catalog.isPageDone(sha256: sha, itemID: "sach", name: "p001"), "no stage yet")

            for state in [PageStageRecord.State.pending, .running, .skipped] {
                try test.catalog.setStage(pageID: pageID, stage: .ocr, state: state)
                XCTAssertFalse(try test.catalog.isPageDone(sha256: sha, itemID: "sach", name: "p001"), "\(state)")
            }
            try test.catalog.setStage(pageID: pageID, stage: .ocr, state: .failed, error: "crash")
            XCTAssertFalse(try test.catalog.isPageDone(sha256: sha, itemID: "sach", name: "p001"))
            try test.catalog.setStage(pageID: pageID, stage: .normalize, state: .done)
            XCTAssertFalse(try test.catalog.isPageDone(sha256: sha, itemID: "sach", name: "p001"), "other stage done")

            try test.catalog.setStage(pageID: pageID, stage: .ocr, state: .done)
            XCTAssertTrue(try test.catalog.isPageDone(sha256: sha, itemID: "sach", name: "p001"), backend.rawValue)
            XCTAssertTrue(try test.catalog.isPageDone(sha256: sha.uppercased(), itemID: "sach", name: "p001"))
            XCTAssertFalse(try test.catalog.isPageDone(sha256: TestCatalog.sha("b"), itemID: "sach", name: "p001"))
            XCTAssertFalse(try test.catalog.isPageDone(sha256: sha, itemID: "sach", name: "p002"))
            XCTAssertFalse(try test.catalog.isPageDone(sha256: sha, itemID: "other", name: "p001"))
        }
    }

    func testChangedContentResetsStagesAndText() throws {
        let test = try TestCatalog(self)
        let page = try test.addText("sach", "Thư viện tỉnh Lai Châu")
        let pageID = try XCTUnwrap(page.id)
        try test.catalog.setStage(pageID: pageID, stage: .ocr, state: .done)
        XCTAssertTrue(try test.catalog.isPageDone(sha256: TestCatalog.sha("a"), itemID: "sach", name: "p001"))

        // Same content again: nothing is lost.
        try test.addPage("sach", "p001", sequence: 1, sha: "a")
        XCTAssertTrue(try test.catalog.isPageDone(sha256: TestCatalog.sha("a"), itemID: "sach", name: "p001"))
        XCTAssertEqual(try test.catalog.search("lai chau").count, 1)

        // A rescan (new SHA-256) under the same name: the page keeps its id, old results go.
        let rescanned = try test.addPage("sach", "p001", sequence: 1, sha: "b")
        XCTAssertEqual(rescanned.id, pageID)
        XCTAssertFalse(try test.catalog.isPageDone(sha256: TestCatalog.sha("b"), itemID: "sach", name: "p001"))
        XCTAssertFalse(try test.catalog.isPageDone(sha256: TestCatalog.sha("a"), itemID: "sach", name: "p001"))
        XCTAssertEqual(try test.catalog.stages(pageID: pageID), [])
        XCTAssertNil(try test.catalog.pageText(pageID: pageID))
        XCTAssertEqual(try test.catalog.search("lai chau").count, 0)
    }
}
