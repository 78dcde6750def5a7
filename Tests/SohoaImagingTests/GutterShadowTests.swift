import Foundation
import SohoaTesting
import XCTest

@testable import SohoaImaging

/// Issue 11: the spine's shadow along the cut edge of a spread's half, which even light leaves
/// (its coarse grid takes the dark cells for print), is found and lifted to paper, keeping the
/// print inside it; a clean edge is left alone; a solid black band is painted like a border.
final class GutterShadowTests: XCTestCase {
    private let dpi = 300

    /// A half page of word boxes on paper at 240 (print at 30), darkened toward the `edge` by a
    /// shadow `depth` deep (share of the paper's level), darkest `inset` pixels from the cut, that
    /// fades over `fade` pixels, with a word drawn inside the shadow, 30 px from the cut.
    private func half(edge: GutterShadow.Edge, depth: Double, fade: Double, inset: Double = 0) -> Raster {
        let text = SyntheticPage.text(degrees: 0, width: 1240, height: 1754)
        var page = text
        for y in 0..<page.height {
            for x in 0..<page.width {
                let fromCut = Double(edge == .left ? x : page.width - 1 - x)
                let light = 1 - depth * exp(-abs(fromCut - inset) / fade)
                let level = text.pixels[y * page.width + x] < 128 ? 30.0 : 240.0
                page.pixels[y * page.width + x] = UInt8((level * light).rounded())
            }
        }
        let wordX = edge == .left ? 30 : page.width - 30 - 60
        for y in 800..<830 {
            for x in wordX..<(wordX + 60) { page.pixels[y * page.width + x] = UInt8(30 * (1 - depth)) }
        }
        return page
    }

    private func columnMedian(_ raster: Raster, x: Int) -> Int {
        var column = (0..<raster.height).map { Int(raster.pixels[$0 * raster.width + x]) }
        column.sort()
        return column[column.count / 2]
    }

    func testShadowAlongTheLeftCutIsLiftedAndItsPrintKept() throws {
        let page = half(edge: .left, depth: 0.4, fade: 60)
        let band = try XCTUnwrap(GutterShadow.band(page, edge: .left, dpi: dpi))
        XCTAssertEqual(band.paper, 240)
        XCTAssertEqual(band.offset, 0)
        // The shadow is darker than 90% of the paper where 0.4·e^(−x/60) > 0.1: the first 83 px.
        XCTAssertTrue((70...100).contains(band.columns.count), "band \(band.columns.count) px")
        let lifted = GutterShadow.lifted(page, edge: .left, dpi: dpi)
        XCTAssertEqual(lifted.width, band.columns.count)
        for x in [0, 10, 40] {
            XCTAssertGreaterThanOrEqual(columnMedian(lifted.raster, x: x), 232, "column \(x) not lifted")
        }
        // The word in the shadow is still print, far darker than the paper.
        XCTAssertLessThan(lifted.raster.pixels[815 * page.width + 60], 60)
        // Beyond the band the page is untouched.
        for y in stride(from: 0, to: page.height, by: 97) {
            XCTAssertEqual(lifted.raster.pixels[y * page.width + 400], page.pixels[y * page.width + 400])
        }
    }

    func testShadowAlongTheRightCutOfTheLeftHalf() throws {
        let page = half(edge: .right, depth: 0.35, fade: 90)
        let band = try XCTUnwrap(GutterShadow.band(page, edge: .right, dpi: dpi))
        XCTAssertTrue((90...150).contains(band.columns.count), "band \(band.columns.count) px")
        XCTAssertNil(GutterShadow.band(page, edge: .left, dpi: dpi), "no shadow at the outer edge")
        let lifted = GutterShadow.lifted(page, edge: .right, dpi: dpi).raster
        XCTAssertGreaterThanOrEqual(columnMedian(lifted, x: page.width - 1), 232)
    }

    func testShadowBesideACutInOnePagesMarginIsLifted() throws {
        // The cut fell in the margin beside the spine: paper, then the shadow, darkest 90 px in.
        let page = half(edge: .left, depth: 0.4, fade: 30, inset: 90)
        let band = try XCTUnwrap(GutterShadow.band(page, edge: .left, dpi: dpi))
        // Darker than 90% of the paper where 0.4·e^(−|x−90|/30) > 0.1: from 48 to 132 px.
        XCTAssertTrue((40...56).contains(band.offset), "band from \(band.offset) px")
        let lifted = GutterShadow.lifted(page, edge: .left, dpi: dpi)
        XCTAssertTrue((125...140).contains(lifted.width), "band to \(lifted.width) px")
        for x in [60, 90, 120] {
            XCTAssertGreaterThanOrEqual(columnMedian(lifted.raster, x: x), 232, "column \(x) not lifted")
        }
        // The paper between the cut and the band is left as it was.
        XCTAssertEqual(columnMedian(lifted.raster, x: 5), columnMedian(page, x: 5))
    }

    func testAVerticalRuleNearTheCutIsNotAShadow() {
        var page = half(edge: .left, depth: 0, fade: 1)
        for y in 200..<1500 {
            for x in 60..<64 { page.pixels[y * page.width + x] = 30 }
        }
        XCTAssertNil(GutterShadow.band(page, edge: .left, dpi: dpi))
    }

    func testCleanEdgeAndTextNearTheCutAreLeftAlone() {
        // Words start 124 px from the left edge of SyntheticPage; move them to 12 px from the cut.
        let text = SyntheticPage.text(degrees: 0, width: 1240, height: 1754)
        var page = Raster(width: text.width, height: text.height, layout: .gray, filledWith: 240)
        for y in 0..<page.height {
            for x in 0..<(page.width - 112) where text.pixels[y * text.width + x + 112] < 128 {
                page.pixels[y * page.width + x] = 30
            }
        }
        XCTAssertNil(GutterShadow.band(page, edge: .left, dpi: dpi))
        let lifted = GutterShadow.lifted(page, edge: .left, dpi: dpi)
        XCTAssertEqual(lifted.width, 0)
        XCTAssertEqual(lifted.raster, page)
    }

    func testSolidBlackBandIsPaintedPaper() {
        var page = half(edge: .left, depth: 0, fade: 1)
        for y in 0..<page.height {
            for x in 0..<50 { page.pixels[y * page.width + x] = 0 }
        }
        let lifted = GutterShadow.lifted(page, edge: .left, dpi: dpi)
        XCTAssertTrue((50...55).contains(lifted.width), "band \(lifted.width) px")
        for x in 0..<50 { XCTAssertEqual(columnMedian(lifted.raster, x: x), 240) }
        XCTAssertEqual(lifted.raster.pixels[800 * page.width + 10], 240, "the black band is painted")
    }
}
