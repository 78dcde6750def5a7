import XCTest

@testable import SohoaImaging

/// `toMaster(box:)` keeps a box's true size: a long text line on a page deskewed by 3° stays a
/// line-high box on the master instead of growing into the hull of its rotated corners.
final class PageTransformBoxTests: XCTestCase {
    func testALineOnADeskewedPageKeepsItsHeight() {
        let transform = PageTransform(
            masterWidth: 2000, masterHeight: 3000, rotationDegrees: 3, normalizedWidth: 2000, normalizedHeight: 3000)
        let line = transform.toMaster(box: (x: 200, y: 1000, width: 1600, height: 40))
        XCTAssertEqual(line.width, 1600, accuracy: 1)
        XCTAssertEqual(line.height, 40, accuracy: 1, "the hull would be about 124 px high")
        let centre = transform.toMaster(x: 1000, y: 1020)
        XCTAssertEqual(Double(line.x) + Double(line.width) / 2, centre.x, accuracy: 1)
        XCTAssertEqual(Double(line.y) + Double(line.height) / 2, centre.y, accuracy: 1)
    }

    func testQuarterTurnsAndScaleSwapAndResizeExactly() {
        let turned = PageTransform(masterWidth: 200, masterHeight: 100, quarterTurns: 1, normalizedWidth: 100, normalizedHeight: 200)
        let box = turned.toMaster(box: (x: 10, y: 20, width: 30, height: 40))
        XCTAssertEqual([box.width, box.height], [40, 30])
        let halved = PageTransform(masterWidth: 400, masterHeight: 300, scale: 0.5, normalizedWidth: 200, normalizedHeight: 150)
        let big = halved.toMaster(box: (x: 10, y: 10, width: 20, height: 30))
        XCTAssertEqual([big.x, big.y, big.width, big.height], [20, 20, 40, 60])
    }

    func testBoxesAreClampedToTheMaster() {
        let transform = PageTransform.identity(width: 100, height: 100)
        let box = transform.toMaster(box: (x: 90, y: -5, width: 30, height: 20))
        XCTAssertEqual([box.x, box.y, box.width, box.height], [90, 0, 10, 15])
    }
}
