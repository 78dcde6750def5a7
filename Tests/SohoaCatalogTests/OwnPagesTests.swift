import Foundation
import XCTest

@testable import SohoaCatalog

/// A split spread keeps its own record (done, its OCR skipped) beside its halves `<page>-a` and
/// `<page>-b` (same scan: same sequence and SHA-256): it is not a page of the item. An image-only
/// item's pages have their OCR skipped too, and are pages, even when a user named scans like halves.
final class OwnPagesTests: XCTestCase {
    func testASplitSpreadsRecordIsNotAPageAndAnImageOnlyPageIs() throws {
        let test = try TestCatalog(self)
        try test.addItem("sach")
        try test.addItem("anh")
        var pages: [String: PageRecord] = [:]
        for (name, sequence, sha) in [("1", 1, "a"), ("2", 2, "c"), ("2-a", 2, "c"), ("2-b", 2, "c"), ("3", 3, "d"), ("4", 4, "e")] {
            pages[name] = try test.addPage("sach", name, sequence: sequence, sha: Character(sha))
        }
        for name in ["1", "2-a", "2-b", "3"] { try test.catalog.setStage(pageID: pages[name]?.id ?? 0, stage: .ocr, state: .done) }
        try test.catalog.setStage(pageID: pages["2"]?.id ?? 0, stage: .ocr, state: .skipped)
        // Page 4 could not be read: not archived.
        var failed = try XCTUnwrap(pages["4"])
        failed.state = .failed
        failed.error = "unreadable"
        try test.catalog.upsertPage(failed)
        // An image-only item (a script Tesseract cannot read): every page's OCR skipped, and a user's
        // own scans named 1, 1-a, 1-b (other scans: their own sequences and contents).
        for (name, sequence, sha) in [("1", 1, "b"), ("1-a", 2, "f"), ("1-b", 3, "9")] {
            let page = try test.addPage("anh", name, sequence: sequence, sha: Character(sha))
            try test.catalog.setStage(pageID: page.id ?? 0, stage: .ocr, state: .skipped)
        }

        try test.onEachBackend(self) { catalog, backend in
            XCTAssertEqual(try catalog.ownPages(itemID: "sach").map(\.name), ["1", "2-a", "2-b", "3", "4"], backend.rawValue)
            XCTAssertEqual(try catalog.pageCount(itemID: "sach"), 4, "the failed page was not archived (\(backend))")
            XCTAssertEqual(try catalog.ownPages(itemID: "anh").map(\.name), ["1", "1-a", "1-b"], backend.rawValue)
            XCTAssertEqual(try catalog.exportablePages(itemID: "sach").map(\.page.name), ["1", "2-a", "2-b", "3"], backend.rawValue)
            // Positions in the archived item, by which labels count: the failed page and the spread's record have none.
            XCTAssertEqual(
                try catalog.pagePositions(itemIDs: ["sach", "anh", "none"]),
                ["sach": ["1": 1, "2-a": 2, "2-b": 3, "3": 4], "anh": ["1": 1, "1-a": 2, "1-b": 3]], backend.rawValue)
            let status = try catalog.status()
            XCTAssertEqual(status.pageCount, 8, backend.rawValue)
            XCTAssertEqual(status.pagesByState, [.done: 7, .failed: 1], backend.rawValue)
            // By stage too: the spread's record is not counted there either (the image-only pages are).
            XCTAssertEqual(status.pagesByStage[.ocr], [.done: 4, .skipped: 3], backend.rawValue)
        }
    }
}
