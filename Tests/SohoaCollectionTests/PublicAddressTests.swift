import XCTest

@testable import SohoaCollection

/// The public address and the item page links made from it, as `sohoa export`, OAI-PMH and the server use them.
final class PublicAddressTests: XCTestCase {
    func testTheAddressIsTrimmedAndAnItemIdIsOnePathSegment() {
        XCTAssertEqual(PublicAddress.trimmed(" https://thuvien.laichau.gov.vn// "), "https://thuvien.laichau.gov.vn")
        XCTAssertEqual(PublicAddress.site("https://thuvien.laichau.gov.vn/so/"), "https://thuvien.laichau.gov.vn/so")
        XCTAssertNil(PublicAddress.site("thuvien.laichau.gov.vn"), "no scheme")
        XCTAssertNil(PublicAddress.site("ftp://thuvien.laichau.gov.vn"))
        XCTAssertEqual(
            PublicAddress.itemPage(site: "https://thuvien.laichau.gov.vn", itemID: "địa chí/1"),
            "https://thuvien.laichau.gov.vn/items/%C4%91%E1%BB%8Ba%20ch%C3%AD%2F1")
        XCTAssertEqual(
            PublicAddress.itemPage(site: "https://x.vn", itemID: "đi\u{0323}a:1"), "https://x.vn/items/%C4%91%E1%BB%8Ba%3A1",
            "NFC, and only unreserved characters left as they are")
    }
}
