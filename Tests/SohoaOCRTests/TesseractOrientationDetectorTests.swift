import Foundation
import SohoaImaging
import XCTest

@testable import SohoaOCR

/// Tesseract's OSD as the normalize stage's second opinion: it reads the turned test pages the
/// same way as sohoa's own measure, and it settles the page that fools the line profiles.
final class TesseractOrientationDetectorTests: XCTestCase {
    func testTurnedPages() throws {
        let detector = try TesseractOrientationDetector()
        let expected = [
            "tesseract_test/rotation/phototest-rotated-180.png": 2,
            "tesseract_test/rotation/phototest-rotated-L.png": 1,
            "tesseract_test/rotation/phototest-rotated-R.png": 3,
            "tesseract_test/synthetic/phototest.tif": 0,
            "vie_vietocr3_samples/vietsample2.tif": 3,
        ]
        for (path, turns) in expected.sorted(by: { $0.key < $1.key }) {
            let scan = try ScanDecoder.decode(try TestFixtures.scan(path))
            let estimate = try XCTUnwrap(detector.orientation(of: scan.raster.grayscale(), dpi: 300), path)
            print("\(path): \(estimate)")
            XCTAssertEqual(estimate.quarterTurns, turns, path)
            XCTAssertGreaterThanOrEqual(estimate.confidence, 0.5, path)
        }
    }

    func testOSDKeepsAnAlignedColumnsPageUpright() throws {
        // imgsrc001 repeats "Some text here." in aligned columns: the line profiles alone would lay
        // it on its side; with OSD as second opinion it stays upright and is only deskewed.
        let scan = try ScanDecoder.decode(try TestFixtures.scan("unpaper_tests/imgsrc001.png"))
        let detector = try TesseractOrientationDetector()
        let pages = Normalizer().pages(of: scan, orientationDetector: detector)
        XCTAssertEqual(pages.count, 1)
        let report = try XCTUnwrap(pages.first?.report)
        print("imgsrc001.png: \(String(describing: report.orientation))")
        XCTAssertEqual(report.quarterTurnsApplied, 0)
        XCTAssertEqual(report.orientation?.method, .tesseractOSD)
        XCTAssertGreaterThan(report.skewDegrees, 3)
    }

    func testMissingModelIsAnErrorThatSaysWhatToInstall() {
        XCTAssertThrowsError(try TesseractOrientationDetector(tessdata: URL(fileURLWithPath: "/nonexistent"))) { error in
            XCTAssertTrue("\(error)".contains("tesseract-ocr-osd"), "\(error)")
        }
    }
}
