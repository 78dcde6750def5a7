import Foundation
import SohoaImaging
import XCTest

/// Pages turned by 90°, 180° and 270° (also skewed) are recognised and turned back; the transform
/// with quarter turns maps every point back onto the master.
final class OrientationDetectorTests: XCTestCase {
    func testQuarterTurnsAreRecovered() {
        let upright = SyntheticPage.text(degrees: 0, width: 1240, height: 1754)
        for turns in 0..<4 {
            let estimate = OrientationDetector.estimate(upright.quarterTurned(clockwise: turns))
            XCTAssertEqual(estimate.quarterTurns, (4 - turns) % 4, "page turned clockwise \(turns * 90)°")
            XCTAssertGreaterThanOrEqual(estimate.confidence, 0.5, "page turned clockwise \(turns * 90)°")
        }
    }

    func testTurnedAndSkewedPagesAreNormalizedUpright() {
        for (turns, degrees) in [(1, 3.0), (2, -7.5), (3, 12.0), (0, -15.0)] {
            let page = SyntheticPage.text(degrees: degrees, width: 1240, height: 1754, seed: UInt64(turns + 5))
            let normalized = Normalizer().normalize(.synthetic(page.quarterTurned(clockwise: turns)))
            let report = normalized.report
            XCTAssertEqual(report.quarterTurnsApplied, (4 - turns) % 4, "turned \(turns * 90)°, skewed \(degrees)°")
            XCTAssertEqual(report.skewDegrees, degrees, accuracy: 0.1, "turned \(turns * 90)°, skewed \(degrees)°")
            XCTAssertEqual(normalized.transform.quarterTurns, (4 - turns) % 4)
        }
    }

    func testBlankAndTinyPagesAreNotTurned() {
        XCTAssertEqual(OrientationDetector.estimate(SyntheticPage.blank(width: 1240, height: 1754)).quarterTurns, 0)
        XCTAssertEqual(OrientationDetector.estimate(Raster(width: 4, height: 4)).confidence, 0)
    }

    func testTransformMapsThroughTurnsRotationAndCrop() {
        let width = 300
        let height = 420
        let dots = [(80, 100), (210, 120), (150, 210), (100, 300)]
        for turns in 0..<4 {
            for degrees in [0.0, 4, -9] {
                for (x, y) in dots {
                    var master = Raster(width: width, height: height)
                    for dy in -1...1 { for dx in -1...1 { master.pixels[(y + dy) * width + x + dx] = 0 } }
                    let turned = master.quarterTurned(clockwise: turns)
                    let rotated = turned.rotated(degrees: degrees, fill: 255)
                    let cropped = rotated.cropped(x: 17, y: 23, width: rotated.width - 40, height: rotated.height - 50)
                    let transform = PageTransform(
                        masterWidth: width, masterHeight: height, quarterTurns: turns, rotationDegrees: degrees,
                        normalizedWidth: rotated.width, normalizedHeight: rotated.height
                    ).cropped(x: 17, y: 23, width: cropped.width, height: cropped.height)
                    guard let p = cropped.darkCentroid() else {
                        XCTFail("dot (\(x),\(y)) left the page at \(turns) turns, \(degrees)°")
                        continue
                    }
                    let back = transform.toMaster(x: p.x, y: p.y)
                    let error = hypot(back.x - (Double(x) + 0.5), back.y - (Double(y) + 0.5))
                    XCTAssertLessThan(error, 1, "dot (\(x),\(y)), \(turns) turns, \(degrees)°: \(error) px off")
                }
            }
        }
    }

    func testOlderTransformsStillDecode() throws {
        let json = #"{"masterWidth":10,"masterHeight":20,"scale":1,"rotationDegrees":2,"normalizedWidth":10,"normalizedHeight":20}"#
        let transform = try JSONDecoder().decode(PageTransform.self, from: Data(json.utf8))
        XCTAssertEqual(
            transform, PageTransform(masterWidth: 10, masterHeight: 20, rotationDegrees: 2, normalizedWidth: 10, normalizedHeight: 20))
    }

}
