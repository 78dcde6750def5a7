import XCTest

@testable import SohoaSharing

final class SharingConfigurationTests: XCTestCase {
    func testDefaultsHideRestrictedItems() {
        XCTAssertEqual(SharingConfiguration().restricted, .hidden)
    }
}
