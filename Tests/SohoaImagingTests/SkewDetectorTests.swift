import Foundation
import SohoaImaging
import XCTest

/// Skew is recovered within ±0.2° over ±15° on synthetic text pages, is 0 with low confidence on
/// blank pages, and is sensible on a real skewed scan.
final class SkewDetectorTests: XCTestCase {
    func testSyntheticPagesAtKnownAngles() {
        var worst = 0.0
        for angle in [0, 0.5, -0.5, 1, -1, 2.5, -2.5, 5, -5, 10, -10, 15, -15, 0.15, -3.7, 7.3] {
            let page = SyntheticPage.text(degrees: angle, seed: UInt64(abs(angle * 100)) + 3)
            let estimate = SkewDetector.estimate(page)
            let error = estimate.degrees - angle
            worst = max(worst, abs(error))
            print(
                String(
                    format: "skew %+6.2f° → estimate %+7.3f° (error %+.3f°, confidence %.2f)",
                    angle, estimate.degrees, error, estimate.confidence))
            XCTAssertEqual(estimate.degrees, angle, accuracy: 0.2, "page skewed by \(angle)°")
            XCTAssertGreaterThan(estimate.confidence, 0.5, "page skewed by \(angle)°")
        }
        print(String(format: "worst skew error on synthetic pages: %.3f°", worst))
    }

    func testBlankAndFlatPagesHaveNoSkew() {
        let blank = SkewDetector.estimate(SyntheticPage.blank())
        XCTAssertEqual(blank.degrees, 0)
        XCTAssertLessThan(blank.confidence, 0.2)
        let white = SkewDetector.estimate(Raster(width: 1000, height: 1400))
        XCTAssertEqual(white, SkewEstimate(degrees: 0, confidence: 0))
        let tiny = SkewDetector.estimate(Raster(width: 3, height: 3, layout: .gray, filledWith: 0))
        XCTAssertEqual(tiny, SkewEstimate(degrees: 0, confidence: 0))
    }

    func testRealSkewedPage() throws {
        let scan = try ScanDecoder.decode(TestScans.url("unpaper_tests/imgsrc001.png"))
        let estimate = SkewDetector.estimate(scan.raster)
        print("unpaper imgsrc001.png: skew \(estimate.degrees)°, confidence \(estimate.confidence)")
        // Checked by eye on a reduced copy: the lines rise to the right (counter-clockwise) by about
        // 3.5–4° (a line climbs ~23 px over ~385 px at 900 px page height), and the page deskewed by
        // -estimate looks level.
        XCTAssertGreaterThan(estimate.degrees, 3)
        XCTAssertLessThan(estimate.degrees, 5)
        XCTAssertGreaterThan(estimate.confidence, 0.3)
    }

    func testRealStraightPagesAreNearlyLevel() throws {
        for path in ["vie_vietocr3_samples/vietsample.tif", "tesseract_test/unlv/8087_054.3B.tif"] {
            let scan = try ScanDecoder.decode(TestScans.url(path))
            let estimate = SkewDetector.estimate(scan.raster)
            print("\(path): skew \(estimate.degrees)°, confidence \(estimate.confidence)")
            XCTAssertLessThan(abs(estimate.degrees), 0.5, path)
        }
    }

    func testTimingOnAFullPage() {
        let page = SyntheticPage.text(degrees: 3.2, width: 2500, height: 3500)
        _ = SkewDetector.estimate(page)  // warm-up
        let start = Date()
        let runs = 3
        var estimate = SkewEstimate(degrees: 0, confidence: 0)
        for _ in 0..<runs { estimate = SkewDetector.estimate(page) }
        let seconds = Date().timeIntervalSince(start) / Double(runs)
        #if DEBUG
            let build = "debug"
        #else
            let build = "release"
        #endif
        print(
            String(
                format: "deskew timing (%@ build): synthetic 2500×3500 page in %.3f s, estimate %.3f° for 3.2°",
                build, seconds, estimate.degrees))
        if let real = try? ScanDecoder.decode(TestScans.url("vie_vietocr3_samples/vietsample.tif")).raster {
            let start = Date()
            _ = SkewDetector.estimate(real)
            print(
                String(
                    format: "deskew timing (%@ build): real 2550×3300 page in %.3f s", build,
                    Date().timeIntervalSince(start)))
        }
    }
}
