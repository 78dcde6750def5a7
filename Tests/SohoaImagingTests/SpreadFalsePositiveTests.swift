import XCTest

@testable import SohoaImaging

/// `split-spreads: auto` must never split a page that is not an opened book: a false split cuts
/// every text line in half (the failure issue 3 names in other tools).
final class SpreadFalsePositiveTests: XCTestCase {
    func testLandscapeStripsAndPhotographsAreNotSplit() throws {
        for path in [
            "pytesseract_formats/test_la.png",  // one line of text, 400×80
            "pytesseract_formats/test.png",
            "ocrmypdf_resources/formats_colorspaces/baiona_gray.png",  // a photograph
            "leptonica_prog/test16.tif",
        ] {
            let scan = try ScanDecoder.decode(try TestScans.url(path))
            let pages = Normalizer().pages(of: scan)
            XCTAssertEqual(pages.count, 1, "\(path) is one page, not a spread")
        }
    }

    func testARealSpreadIsStillSplit() throws {
        let scan = try ScanDecoder.decode(try TestScans.url("unpaper_tests/imgsrcE001.png"))
        // Orientation off: without Tesseract's OSD the profile method misreads this page's aligned
        // columns (the pipeline asks OSD; see RealScanNormalizationTests).
        var options = NormalizeOptions()
        options.orientation = false
        XCTAssertEqual(Normalizer(options: options).pages(of: scan).count, 2)
    }
}
