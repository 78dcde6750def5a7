import XCTest

final class SohoaImagingTestsPlaceholder: XCTestCase {
    func testBuilds() {}
}
