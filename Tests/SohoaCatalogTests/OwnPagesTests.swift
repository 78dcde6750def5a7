import Foundation
import XCTest

@testable import SohoaCatalog

/// A split spread keeps its own record (done, its OCR skipped) beside its halves `<page>-a` and
/// `<page>-b`: it is not a page of the item. An image-only item's pages have their OCR skipped too,
/// and are pages.
final class OwnPagesTests: XCTestCase {
    func testASplitSpreadsRecordIsNotAPageAndAnImageOnlyPageIs() throws {
        let test = try TestCatalog(self)
        try test.addItem("sach")
        try test.addItem("anh")
        var pages: [String: PageRecord] = [:]
        for (sequence, name) in ["1", "2", "2-a", "2-b", "3"].enumerated() {
            pages[name] = try test.addPage("sach", name, sequence: sequence + 1)
        }
        for name in ["1", "2-a", "2-b", "3"] { try test.catalog.setStage(pageID: pages[name]?.id ?? 0, stage: .ocr, state: .done) }
        try test.catalog.setStage(pageID: pages["2"]?.id ?? 0, stage: .ocr, state: .skipped)
        // An image-only item (a script Tesseract cannot read): every page's OCR skipped, one named like a half.
        for (sequence, name) in ["1", "1-a", "2"].enumerated() {
            let page = try test.addPage("anh", name, sequence: sequence + 1, sha: "b")
            try test.catalog.setStage(pageID: page.id ?? 0, stage: .ocr, state: .skipped)
        }

        try test.onEachBackend(self) { catalog, backend in
            XCTAssertEqual(try catalog.ownPages(itemID: "sach").map(\.name), ["1", "2-a", "2-b", "3"], backend.rawValue)
            XCTAssertEqual(try catalog.pageCount(itemID: "anh"), 3, backend.rawValue)
            XCTAssertEqual(try catalog.exportablePages(itemID: "sach").map(\.page.name), ["1", "2-a", "2-b", "3"], backend.rawValue)
            let status = try catalog.status()
            XCTAssertEqual(status.pageCount, 7, backend.rawValue)
            XCTAssertEqual(status.pagesByState, [.done: 7], backend.rawValue)
        }
    }
}
