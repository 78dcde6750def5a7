import Foundation
import SohoaImaging
import XCTest

/// The normalize stage on real scans from `../shared/scans` (skipped when absent): pages lying on
/// their side or upside down are turned upright, a skewed bordered page is levelled and its border
/// removed, a book opening is split at its gutter.
final class RealScanNormalizationTests: XCTestCase {
    func testRotatedTesseractPagesAreTurnedUpright() throws {
        // File → clockwise quarter turns that make it upright (checked by eye on each image).
        let expected = [
            "tesseract_test/rotation/phototest-rotated-180.png": 2,
            "tesseract_test/rotation/phototest-rotated-L.png": 1,
            "tesseract_test/rotation/phototest-rotated-R.png": 3,
            "tesseract_test/rotation/phototestrot.tif": 1,
            "tesseract_test/synthetic/phototest.tif": 0,
        ]
        for (path, turns) in expected.sorted(by: { $0.key < $1.key }) {
            let scan = try ScanDecoder.decode(TestScans.url(path))
            let estimate = OrientationDetector.estimate(scan.raster)
            print("\(path): \(estimate)")
            XCTAssertEqual(estimate.quarterTurns, turns, path)
            XCTAssertGreaterThanOrEqual(estimate.confidence, 0.5, path)
        }
    }

    func testVietnamesePageLyingOnItsSide() throws {
        let scan = try ScanDecoder.decode(TestScans.url("vie_vietocr3_samples/vietsample2.tif"), page: 0)
        let estimate = OrientationDetector.estimate(scan.raster)
        print("vietsample2.tif page 1: \(estimate)")
        // The lines run top to bottom with their tops on the right: the page lies turned clockwise and
        // takes three clockwise quarter turns (Tesseract's OSD agrees: "Rotate: 270").
        XCTAssertEqual(estimate.quarterTurns, 3)
        XCTAssertGreaterThanOrEqual(estimate.confidence, 0.5)
        for path in ["vie_vietocr3_samples/vietsample.tif", "tesseract_test/synthetic/viet.tif"] {
            let upright = OrientationDetector.estimate(try ScanDecoder.decode(TestScans.url(path)).raster)
            print("\(path): \(upright)")
            XCTAssertEqual(upright.quarterTurns, 0, path)
        }
    }

    func testSkewedBorderedPage() throws {
        let scan = try ScanDecoder.decode(TestScans.url("unpaper_tests/imgsrc001.png"))
        // Orientation off: this page repeats "Some text here." in aligned columns, which fools the
        // line-profile measure alone; Tesseract's OSD settles it (TesseractOrientationDetectorTests).
        let pages = Normalizer(options: NormalizeOptions(orientation: false)).pages(of: scan)
        XCTAssertEqual(pages.count, 1)
        let page = try XCTUnwrap(pages.first)
        print("imgsrc001.png: \(page.report)")
        XCTAssertGreaterThan(page.report.skewDegrees, 3)
        XCTAssertLessThan(page.report.skewDegrees, 5)
        XCTAssertEqual(page.report.quarterTurnsApplied, 0)
        XCTAssertNotNil(page.report.cropBox, "the border is cropped or painted")
        // The black area at the top left is gone: no solid dark block remains near the left edge.
        let left = page.raster.cropped(x: 0, y: 0, width: page.raster.width / 12, height: page.raster.height / 3)
        let darkShare = Double(left.pixels.filter { $0 < 100 }.count) / Double(left.pixels.count)
        XCTAssertLessThan(darkShare, 0.02, "border left at the top left")
    }

    func testBookOpeningIsSplitAtItsGutter() throws {
        let scan = try ScanDecoder.decode(TestScans.url("unpaper_tests/imgsrcE001.png"))
        // Orientation off: both pages repeat "left page" / "right page" in aligned columns, which
        // fools the line profiles alone; in the pipeline Tesseract's OSD settles it
        // (NormalizationPipelineTests runs this spread with it).
        let pages = Normalizer(options: NormalizeOptions(orientation: false)).pages(of: scan)
        XCTAssertEqual(pages.map(\.report.spreadPart), ["a", "b"])
        guard pages.count == 2 else { return }
        print("imgsrcE001.png: gutter at \(pages[0].report.gutterX ?? -1) of \(scan.raster.width)")
        let gutter = try XCTUnwrap(pages[0].report.gutterX)
        XCTAssertGreaterThan(gutter, scan.raster.width * 45 / 100)
        XCTAssertLessThan(gutter, scan.raster.width * 55 / 100)
        // The right page's left edge, half-way down, lies at the gutter of the master (a few pixels
        // off for the small deskew rotation about the centre).
        let edge = pages[1].transform.toMaster(x: 0, y: Double(pages[1].raster.height) / 2)
        XCTAssertEqual(edge.x, Double(gutter + (pages[1].report.cropBox?.x ?? 0)), accuracy: 25)
        for page in pages { XCTAssertFalse(page.report.blank) }
    }
}
