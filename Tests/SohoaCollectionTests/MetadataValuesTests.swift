import Foundation
import SohoaCatalog
import XCTest

@testable import SohoaCollection

/// The values an archivist may give an item's description (issue 14): dates, rights URIs, and the
/// metadata CSV as spreadsheets save it.
final class MetadataValuesTests: XCTestCase {
    func testDatesInTheFormsLibrariesWriteAndNoOthers() {
        for date in ["1925", "1925-05", "1925-05-02", "2024-02-29", "1925-1930", "1925 – 1930", "[1925]", "[1925?]", "[192-]", "[18--]"] {
            XCTAssertTrue(MetadataDate.isValid(date), date)
        }
        for date in ["1925-13-01", "1925-02-30", "2023-02-29", "19x5", "năm 1925", "1930-1925", "2999", "925", "", "[19--"] {
            XCTAssertFalse(MetadataDate.isValid(date), date)
        }
    }

    func testSerialFieldsInTheFormAndTheCSV() throws {
        var item = ItemDescription(title: "Báo Lai Châu số 12", libraryCode: "LCH")
        try MetadataField.serial.set("bao-lai-chau", in: &item)
        try MetadataField.issueDate.set("1958-03-15", in: &item)
        try MetadataField.issueNumber.set(" 12 ", in: &item)
        XCTAssertEqual([item.serial, item.issueDate, item.issueNumber], ["bao-lai-chau", "1958-03-15", "12"])
        XCTAssertThrowsError(try MetadataField.issueDate.set("15/03/1958", in: &item)) {
            XCTAssertEqual(($0 as? MetadataFieldError)?.field, .issueDate)
        }
        XCTAssertThrowsError(try MetadataField.serial.set("Báo Lai Châu", in: &item))
        XCTAssertEqual(MetadataField(header: "Ngày phát hành"), .issueDate)
        XCTAssertTrue(MetadataCSV.headers.contains("issue-date") && MetadataCSV.headers.contains("serial-title"))
        let record = item.applied(to: ItemRecord(id: "so-12", libraryCode: "LCH", sourcePath: "/b/so-12"))
        XCTAssertEqual(record.serial, "bao-lai-chau")
        XCTAssertEqual(ItemDescription(item: record, access: .public), item)
    }

    func testRightsURIsAreMadeCanonicalAndUnknownOnesRefused() throws {
        XCTAssertEqual(
            RightsStatement("https://rightsstatements.org/vocab/NoC-NC/1.0")?.uri, "http://rightsstatements.org/vocab/NoC-NC/1.0/")
        XCTAssertEqual(RightsStatement("http://rightsstatements.org/page/InC/1.0/?language=en")?.english, "In Copyright")
        XCTAssertEqual(RightsStatement(" https://creativecommons.org/licenses/by/4.0/ ")?.vietnamese, "CC BY 4.0 — ghi công")
        XCTAssertNil(RightsStatement("http://example.org/rights"))
        XCTAssertNil(RightsStatement("http://creativecommons.org/licenses/"))
        var item = ItemDescription(title: "Sách", libraryCode: "LCH")
        XCTAssertThrowsError(try MetadataField.rights.set("tự do", in: &item)) {
            XCTAssertTrue(($0 as? MetadataFieldError)?.message.contains("not a rights statement") ?? false, "\($0)")
        }
        try MetadataField.access.set("Hạn chế", in: &item)
        XCTAssertEqual(item.access, .restricted)
        XCTAssertThrowsError(try MetadataField.title.set("  ", in: &item))
    }

    func testTheCSVTakesABOMSemicolonsVietnameseHeadersAndTheExportsProtection() throws {
        let rows = try MetadataCSV.rows("\u{FEFF}item;Nhan đề;năm;Chủ đề\r\nsach;'=Sách;1925;\"Lịch sử; Lai Châu\"\r\n;;;\r\n")
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(rows[0].itemID, "sach")
        XCTAssertEqual(rows[0].values[.title]?.text, "=Sách", "the ' the export puts before = is taken off")
        XCTAssertEqual(rows[0].values[.date]?.column, 3)
        XCTAssertEqual(rows[0].values[.subject]?.text, "Lịch sử; Lai Châu")
        XCTAssertThrowsError(try MetadataCSV.rows("item,colour\nsach,red\n")) {
            XCTAssertEqual(($0 as? MetadataCSVProblem)?.description.hasPrefix("line 1, column 2: unknown column 'colour'"), true, "\($0)")
        }
        XCTAssertThrowsError(try MetadataCSV.rows("title\nSách\n"))
        let exported = MetadataCSV.export([("sach", ItemDescription(title: "=Sách, tập 1", libraryCode: "LCH"))])
        XCTAssertTrue(exported.hasPrefix("\u{FEFF}item,title,"))
        XCTAssertEqual(try MetadataCSV.rows(exported)[0].values[.title]?.text, "=Sách, tập 1")
    }
}
