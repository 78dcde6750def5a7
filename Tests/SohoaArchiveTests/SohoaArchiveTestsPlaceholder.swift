import XCTest

final class SohoaArchiveTestsPlaceholder: XCTestCase {
    func testBuilds() {}
}
