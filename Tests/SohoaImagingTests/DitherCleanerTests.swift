import XCTest

@testable import SohoaImaging

/// Dither cleaning leaves clean bilevel pages alone; its work on dither is tested through the
/// normalizer in `PageCleaningTests`.
final class DitherCleanerTests: XCTestCase {
    func testCleanBilevelPageWithHairlineRulesIsLeftAsItIs() {
        // Words, and a table ruled with lines one pixel thin every 20 pixels: no dither anywhere.
        var page = SyntheticPage.text(degrees: 0, width: 1240, height: 1754)
        page.pixels = page.pixels.map { $0 < 128 ? 0 : 255 }
        for y in 1200..<1600 {
            for x in 200..<1000 where x % 20 == 0 || y % 20 == 0 { page.pixels[y * page.width + x] = 0 }
        }
        let cleaned = DitherCleaner.cleaned(page, dpi: 300)
        XCTAssertEqual(cleaned.regions, 0, "no region is taken for dither")
        XCTAssertEqual(cleaned.raster.pixels, page.pixels, "every pixel is kept")
    }
}
