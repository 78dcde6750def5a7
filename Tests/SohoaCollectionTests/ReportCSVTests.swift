import XCTest

@testable import SohoaCollection

/// CSV files people open in spreadsheets: no cell runs as a formula (CSV injection).
final class ReportCSVTests: XCTestCase {
    func testCellsThatWouldBeFormulasGetAQuote() {
        for hostile in ["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx", "-", "=1", "-cmd|' /C calc'!A0"] {
            XCTAssertEqual(ReportCSV.protected(hostile), "'" + hostile, hostile.debugDescription)
        }
    }

    func testNumbersAndOrdinaryTextAreUntouched() {
        for plain in ["-12", "-0.5", "12", "0.33", "Thư viện tỉnh Lai Châu", "LCH", "", "a=b", "1-2"] {
            XCTAssertEqual(ReportCSV.protected(plain), plain, plain.debugDescription)
        }
    }

    func testWrittenTablesAreProtectedAndQuoted() {
        let text = ReportCSV.csv([["name", "gap"], ["=cmd|'/C calc'!A0", "-3"], ["@x, y", "4"]])
        XCTAssertEqual(text, "name,gap\r\n'=cmd|'/C calc'!A0,-3\r\n\"'@x, y\",4\r\n")
    }
}
