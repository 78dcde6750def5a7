import XCTest

final class SohoaOCRTestsPlaceholder: XCTestCase {
    func testBuilds() {}
}
