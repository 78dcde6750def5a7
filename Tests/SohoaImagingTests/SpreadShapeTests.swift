import Foundation
import SohoaTesting
import XCTest

@testable import SohoaImaging

/// `split-spreads: auto` splits only an opened book: two blocks of horizontal lines parted by a
/// gutter. A page lying on its side (its line gaps look like gutters) and a table (its column gaps
/// do) are never split.
final class SpreadShapeTests: XCTestCase {
    /// Rasters of equal height side by side.
    private func sideBySide(_ parts: [Raster]) -> Raster {
        let height = parts[0].height
        let width = parts.map(\.width).reduce(0, +)
        var pixels = [UInt8](repeating: 255, count: width * height)
        var x0 = 0
        for part in parts {
            for y in 0..<height {
                for x in 0..<part.width { pixels[y * width + x0 + x] = part.pixels[y * part.width + x] }
            }
            x0 += part.width
        }
        return Raster(width: width, height: height, layout: .gray, pixels: pixels)
    }

    private var spread: Raster {
        sideBySide([
            SyntheticPage.text(degrees: 0, width: 1748, height: 2480, seed: 3),
            SyntheticPage.text(degrees: 0, width: 1748, height: 2480, seed: 4),
        ])
    }

    private var profilesOnly: NormalizeOptions {
        var options = NormalizeOptions()
        options.orientation = false
        return options
    }

    func testAnUprightSpreadIsSplit() {
        let pages = Normalizer(options: profilesOnly).pages(of: .synthetic(spread))
        XCTAssertEqual(pages.count, 2)
        XCTAssertEqual(Double(pages[0].report.gutterX ?? 0), Double(spread.width / 2), accuracy: Double(spread.width) / 20)
    }

    func testAPortraitPageLyingOnItsSideIsNotSplit() {
        // Landscape in shape, its lines run down the page: the gaps between them are not gutters.
        let lying = SyntheticPage.text(degrees: 0, width: 1748, height: 2480, seed: 5).quarterTurned(clockwise: 1)
        XCTAssertEqual(Normalizer(options: profilesOnly).pages(of: .synthetic(lying)).count, 1)
        XCTAssertEqual(Normalizer().pages(of: .synthetic(lying)).count, 1)
    }

    func testASpreadLyingOnItsSideIsNotSplitUntilTurned() {
        let lying = spread.quarterTurned(clockwise: 3)
        // Portrait in shape: never a spread as it lies.
        XCTAssertEqual(Normalizer(options: profilesOnly).pages(of: .synthetic(lying)).count, 1)
    }

    func testATableIsNotSplit() {
        // Four columns of short cells: the widest column gap is in the middle, but others are as wide.
        let column = { (seed: UInt64) in SyntheticPage.text(degrees: 0, width: 560, height: 1748, seed: seed) }
        let gap = Raster(width: 60, height: 1748)
        let table = sideBySide([column(6), gap, column(7), gap, column(8), gap, column(9)])
        XCTAssertGreaterThan(table.width * 10, table.height * 12, "landscape")
        XCTAssertEqual(Normalizer(options: profilesOnly).pages(of: .synthetic(table)).count, 1)
        var always = profilesOnly
        always.splitSpreads = .always
        XCTAssertEqual(Normalizer(options: always).pages(of: .synthetic(table)).count, 2, "`always` still splits")
    }

    /// `spread` with a band of gray painted over the middle of its gutter, in `rows` (fractions of
    /// the height): `level(x, y)` is the band's gray at column `x` of the band, row `y`.
    private func spread(shadowWidth: Int, rows: ClosedRange<Double>, level: (Int, Int) -> UInt8) -> Raster {
        var raster = spread
        let x0 = raster.width / 2 - shadowWidth / 2
        let top = Int(rows.lowerBound * Double(raster.height))
        let bottom = Swift.min(raster.height, Int(rows.upperBound * Double(raster.height)))
        for y in top..<bottom {
            for x in 0..<shadowWidth { raster.pixels[y * raster.width + x0 + x] = level(x, y) }
        }
        return raster
    }

    func testAGutterCutByASoftSpineShadowIsFound() {
        // What even light leaves of a spine's shadow: dark in its middle, soft at its edges, top to
        // bottom. The gutter's two halves are each a gap as wide as the other; still one gutter.
        var random = SplitMix64(seed: 11)
        let shadowed = spread(shadowWidth: 90, rows: 0...1) { x, _ in
            let edge = Swift.min(x, 89 - x)
            return edge < 20 ? 145 + UInt8(random.next() % 30) : 60
        }
        let gutter = SpreadDetector.gutter(shadowed, dpi: 300, mode: .auto)
        XCTAssertEqual(Double(gutter ?? 0), Double(shadowed.width / 2), accuracy: Double(shadowed.width) / 20)
    }

    func testASpreadIsCutAtItsSpineNotInOnePagesMargin() {
        // The spine's shadow lies beside the left page's text: the widest gap is the right page's
        // margin (1710–1923), and a cut in its middle left the whole shadow inside the left half,
        // 100 px from the cut (eval-0043). The cut is in the middle of the gutter across the spine.
        var shadowed = spread
        var random = SplitMix64(seed: 5)
        for y in 0..<shadowed.height {
            for x in 1620..<1710 { shadowed.pixels[y * shadowed.width + x] = 110 + UInt8(random.next() % 20) }
        }
        let gutter = SpreadDetector.gutter(shadowed, dpi: 300, mode: .auto)
        XCTAssertEqual(Double(gutter ?? 0), 1748, accuracy: 30)
        let pages = Normalizer(options: profilesOnly).pages(of: .synthetic(shadowed))
        XCTAssertEqual(pages.count, 2)
        let left = pages[0].raster
        XCTAssertNotNil(pages[0].report.gutterShadowWidth, "the shadow along the left half's cut is lifted")
        for offset in [10, 45, 80] where offset < left.width {
            let x = left.width - 1 - offset
            var column = (0..<left.height).map { Int(left.pixels[$0 * left.width + x]) }
            column.sort()
            XCTAssertGreaterThanOrEqual(column[column.count / 2], 200, "column \(offset) px from the cut is still dark")
        }
    }

    func testAGutterCutByAThinSpeckledFoldIsFound() {
        // The fold in the middle of the gutter: one column of specks, dark in 6% of the rows, with
        // gaps as wide on both sides (a tune spread, seed 29, was left unsplit).
        var folded = spread
        for y in 0..<folded.height where y % 96 < 6 {
            for x in 1746..<1752 { folded.pixels[y * folded.width + x] = 40 }
        }
        let gutter = SpreadDetector.gutter(folded, dpi: 300, mode: .auto)
        XCTAssertEqual(Double(gutter ?? 0), 1748, accuracy: 30)
        // A ruled line down the page there is not a fold: three columns, not a book opening.
        var ruled = spread
        for y in 0..<ruled.height {
            for x in 1746..<1752 { ruled.pixels[y * ruled.width + x] = 40 }
        }
        XCTAssertNil(SpreadDetector.gutter(ruled, dpi: 300, mode: .auto))
    }

    func testAGutterCutByAPatchOfShadowIsFound() {
        // A faint shadow that even light removed but at the bottom of the page, plus a few specks.
        let patch = spread(shadowWidth: 70, rows: 0.9...1) { x, y in (x + y) % 3 == 0 ? 60 : 200 }
        let gutter = SpreadDetector.gutter(patch, dpi: 300, mode: .auto)
        XCTAssertEqual(Double(gutter ?? 0), Double(patch.width / 2), accuracy: Double(patch.width) / 20)
    }

    func testANarrowColumnOfPrintInTheMiddleIsNotAShadow() {
        // Two blocks of text and, between them, a narrow column of short lines (a table's column of
        // numbers): three columns, not a book opening.
        let narrow = SyntheticPage.text(degrees: 0, width: 1748, height: 2480, seed: 12)
        let stub = narrow.cropped(x: 174, y: 0, width: 220, height: 2480)
        let gap = Raster(width: 120, height: 2480)
        let left = SyntheticPage.text(degrees: 0, width: 1748, height: 2480, seed: 3)
        let right = SyntheticPage.text(degrees: 0, width: 1748, height: 2480, seed: 4)
        let page = sideBySide([
            left.cropped(x: 0, y: 0, width: 1748 - 174, height: 2480), gap, stub, gap,
            right.cropped(x: 174, y: 0, width: 1748 - 174, height: 2480),
        ])
        XCTAssertNil(SpreadDetector.gutter(page, dpi: 300, mode: .auto))
    }
}
