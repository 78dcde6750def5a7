import Foundation
import SohoaImaging
import XCTest

/// `Raster.rotated` follows `PageTransform`'s convention: a point of the rotated raster maps back
/// onto the master with `toMaster`, and deskewing by `-estimate.degrees` levels the text.
final class RotationTransformTests: XCTestCase {
    func testDotLandsWhereTheTransformSays() throws {
        let width = 301
        let height = 420
        // Dots within 140 px of the centre stay on the canvas at every angle tried.
        let dots = [(80, 100), (230, 110), (150, 210), (90, 320), (220, 330)]
        for degrees in [0.3, -0.3, 2, -2, 7.5, -7.5, 15, -15] {
            for (x, y) in dots {
                var master = Raster(width: width, height: height)
                for dy in -1...1 { for dx in -1...1 { master.pixels[(y + dy) * width + x + dx] = 0 } }
                let rotated = master.rotated(degrees: degrees, fill: 255)
                XCTAssertEqual([rotated.width, rotated.height], [width, height])
                let transform = PageTransform(
                    masterWidth: width, masterHeight: height, rotationDegrees: degrees, normalizedWidth: width,
                    normalizedHeight: height)
                let p = try XCTUnwrap(rotated.darkCentroid(), "dot (\(x),\(y)) left the canvas at \(degrees)°")
                let back = transform.toMaster(x: p.x, y: p.y)
                let error = hypot(back.x - (Double(x) + 0.5), back.y - (Double(y) + 0.5))
                XCTAssertLessThan(error, 1, "dot (\(x),\(y)) rotated by \(degrees)° maps back \(error) px away")
            }
        }
    }

    func testPositiveAnglesTurnCounterClockwiseOnScreen() throws {
        // A dot right of the centre moves up (smaller y) when rotated by +90°.
        var master = Raster(width: 201, height: 201)
        master.pixels[100 * 201 + 180] = 0
        let p = try XCTUnwrap(master.rotated(degrees: 90).darkCentroid())
        XCTAssertEqual(p.x, 100.5, accuracy: 1)
        XCTAssertEqual(p.y, 20.5, accuracy: 1)
    }

    func testDeskewingLevelsAPage() {
        let page = SyntheticPage.text(degrees: 4, width: 1240, height: 1754)
        let estimate = SkewDetector.estimate(page)
        XCTAssertEqual(estimate.degrees, 4, accuracy: 0.2)
        let levelled = page.rotated(degrees: -estimate.degrees)
        XCTAssertEqual(SkewDetector.estimate(levelled).degrees, 0, accuracy: 0.2)
    }

    func testRGBRotationKeepsColour() {
        let raster = Raster(width: 50, height: 40, layout: .rgb, filledWith: 90)
        let rotated = raster.rotated(degrees: 3, fill: 255)
        XCTAssertEqual(rotated.layout, .rgb)
        XCTAssertEqual(rotated.pixels[(20 * 50 + 25) * 3], 90)
        XCTAssertEqual(rotated.pixels[0], 255, "an uncovered corner gets the fill")
    }
}
