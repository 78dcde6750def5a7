import XCTest

final class SohoaCLITestsPlaceholder: XCTestCase {
    func testBuilds() {}
}
