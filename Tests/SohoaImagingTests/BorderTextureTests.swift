import Foundation
import SohoaImaging
import SohoaTesting
import XCTest

/// Issue 11 (eval-0013): a shaded corner of a bilevel scan, printed as dots that grow denser toward
/// the corner, is darker on average than a scanner border; the border step must leave it and the
/// words in it, and still paint a solid dark corner. Both pages are skewed, so the dots are judged
/// before the deskew blurs them.
final class BorderTextureTests: XCTestCase {
    private let size = (width: 1240, height: 1754)
    private let radius = 520.0

    /// The synthetic page skewed 2°, with its bottom left corner darkened within `radius`: dots
    /// (each pixel black with a chance from 100% at the corner to 50% at `radius`), or solid.
    private func page(dotted: Bool) -> Raster {
        var page = SyntheticPage.text(degrees: 2, width: size.width, height: size.height)
        var random = SplitMix64(seed: 13)
        for y in 0..<page.height {
            for x in 0..<page.width {
                let distance = hypot(Double(x), Double(page.height - 1 - y))
                guard distance < radius else { continue }
                let chance = dotted ? 1 - 0.5 * distance / radius : 1
                if Double(random.next() % 10_000) < chance * 10_000 { page.pixels[y * page.width + x] = 0 }
            }
        }
        return page
    }

    /// Ink (dark pixels) in the box of words nearest the corner, on the normalized page.
    private func cornerInk(_ raster: Raster) -> Int {
        let box = raster.cropped(x: 130, y: raster.height - 330, width: 200, height: 160)
        return box.pixels.filter { $0 < 128 }.count
    }

    private func normalized(_ page: Raster) -> NormalizedPage {
        let options = NormalizeOptions(orientation: false, evenLight: false, despeckle: false)
        return Normalizer(options: options).normalize(.synthetic(page))
    }

    func testDottedShadedCornerKeepsItsWords() {
        let clean = SyntheticPage.text(degrees: 2, width: size.width, height: size.height)
        let words = cornerInk(clean)
        XCTAssertGreaterThan(words, 5_000, "the test box holds words")
        let result = normalized(page(dotted: true))
        XCTAssertNotEqual(result.report.rotationApplied, 0, "the page is deskewed")
        XCTAssertNil(result.report.cropBox, "nothing painted or cropped")
        XCTAssertGreaterThanOrEqual(cornerInk(result.raster), words * 9 / 10, "the words in the dotted corner are kept")
    }

    func testSolidDarkCornerIsStillPainted() {
        let result = normalized(page(dotted: false))
        XCTAssertNotEqual(result.report.rotationApplied, 0, "the page is deskewed")
        XCTAssertNotNil(result.report.cropBox, "the solid corner is border")
        // The solid corner, words and all, is painted the paper's colour.
        let corner = result.raster.cropped(x: 10, y: result.raster.height - 160, width: 150, height: 150)
        XCTAssertLessThan(corner.pixels.filter { $0 < 128 }.count, corner.pixels.count / 50, "solid corner painted")
    }
}
