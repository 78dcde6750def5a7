import XCTest

@testable import SohoaCollection

/// A suspect page's reason, recorded in English, read in Vietnamese where people read it.
final class SuspectReasonWordsTests: XCTestCase {
    func testEveryFormTheJudgeWritesIsPutIntoVietnamese() {
        XCTAssertEqual(
            SuspectReasonWords.vietnamese("no text recognized on a page that is not blank"),
            "không nhận dạng được chữ nào dù trang không để trống")
        XCTAssertEqual(SuspectReasonWords.vietnamese("mean confidence 41%"), "độ tin cậy trung bình 41%")
        XCTAssertEqual(
            SuspectReasonWords.vietnamese("mean confidence 41% (batch 93%); 12% of words are Vietnamese syllables (batch 95%)"),
            "độ tin cậy trung bình 41% (cả lô 93%); 12% số từ là âm tiết tiếng Việt (cả lô 95%)")
        XCTAssertEqual(SuspectReasonWords.vietnamese("40% of words are Vietnamese syllables"), "40% số từ là âm tiết tiếng Việt")
    }

    func testAReasonInNoKnownFormIsKept() {
        XCTAssertEqual(SuspectReasonWords.vietnamese("read by hand"), "read by hand")
        XCTAssertEqual(SuspectReasonWords.vietnamese(""), "")
    }

    func testTheCommandLineSaysItInItsLanguage() {
        let reason = "mean confidence 41% (batch 93%)"
        XCTAssertEqual(SuspectReasonWords.forCommandLine(reason), Messages.english ? reason : "độ tin cậy trung bình 41% (cả lô 93%)")
    }
}
