import XCTest

final class SohoaCatalogTestsPlaceholder: XCTestCase {
    func testBuilds() {}
}
