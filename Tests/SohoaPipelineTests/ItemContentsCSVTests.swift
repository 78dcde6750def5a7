import Foundation
import SohoaArchive
import XCTest

@testable import SohoaCollection

final class ItemContentsCSVTests: XCTestCase {
    func testASpreadsheetExportWithBOMSemicolonsAndVietnameseHeadersMakesATree() throws {
        let csv =
            "\u{FEFF}cấp;tiêu đề;trang;đến trang;loại\r\n1;Lời nói đầu;2;;preface\r\n1;\"Chương I; Đất\";4;;\r\n2;Sông ngòi;4;5;section\r\n"
        let contents = try ItemContents(csv: csv, source: "contents.csv")
        XCTAssertEqual(contents.entries.map(\.title), ["Lời nói đầu", "Chương I; Đất"])
        XCTAssertEqual(contents.entries[0].type, "preface")
        XCTAssertEqual(contents.entries[1].sections.map(\.title), ["Sông ngòi"])
        XCTAssertEqual(contents.entries[1].sections[0].lastPage, 5)
        let resolved = try contents.resolved(pageCount: 8, source: "contents.csv")
        XCTAssertEqual(resolved.entries.map(\.pages), [2...3, 4...8])
    }

    func testBadRowsAreNamedWithLineAndColumn() {
        XCTAssertThrowsError(try ItemContents(csv: "level,title,page\n1,Chương I,bốn\n", source: "contents.csv")) {
            XCTAssertTrue("\($0)".contains("contents.csv: line 2, column page: 'bốn'"), "\($0)")
        }
        XCTAssertThrowsError(try ItemContents(csv: "level,title,trang,ghi chú\n", source: "contents.csv")) {
            XCTAssertTrue("\($0)".contains("unknown column 'ghi chú'"), "\($0)")
        }
        XCTAssertThrowsError(try ItemContents(csv: "title,page\nA,1\n", source: "x").resolved(pageCount: 0, source: "contents.csv")) {
            XCTAssertTrue("\($0)".contains("contents.csv"), "\($0)")
        }
    }
}
