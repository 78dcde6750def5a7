import XCTest

final class SohoaPipelineTestsPlaceholder: XCTestCase {
    func testBuilds() {}
}
