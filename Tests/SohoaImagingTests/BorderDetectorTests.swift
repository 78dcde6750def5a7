import Foundation
import SohoaImaging
import XCTest

/// Border removal next to text: the crop and the painting stop at the page, never at the words.
final class BorderDetectorTests: XCTestCase {
    private func scan(_ raster: Raster) -> DecodedScan {
        DecodedScan(
            raster: raster,
            technical: TechnicalMetadata(
                format: .tiff, width: raster.width, height: raster.height, bitsPerSample: 1, samplesPerPixel: 1,
                colorModel: "bilevel", compression: "ccitt-g4", hasAlpha: false, resolutionX: 300, resolutionY: 300,
                pageIndex: 0, pageCount: 1))
    }

    /// A bilevel scan whose left margin fell into a shadow: solid black at the edge, then black dots
    /// thinning out towards the middle, with the beginnings of the lines inside the dots (eval pages
    /// 0013 and 0046). The solid black is removed; no letter under the dots is painted over.
    func testWordsInADottedShadowAreKept() {
        let clean = SyntheticPage.text(degrees: 0, width: 1240, height: 1754)
        var page = clean
        var random = SplitMix(seed: 11)
        let solid = 60
        let fade = 420
        for y in 0..<page.height {
            for x in 0..<fade {
                let index = y * page.width + x
                let chance = x < solid ? 1.0 : 1.0 - Double(x - solid) / Double(fade - solid)
                if Double(random.next() % 1000) < chance * 1000 { page.pixels[index] = 0 }
            }
        }
        let options = NormalizeOptions(orientation: false, deskew: false, evenLight: false, despeckle: false)
        let normalized = Normalizer(options: options).normalize(scan(page))
        let crop = normalized.report.cropBox ?? CropBox(x: 0, y: 0, width: page.width, height: page.height)
        XCTAssertGreaterThanOrEqual(crop.x, solid - 10, "the solid black edge is cropped")
        // Every pixel of a word (in the shadow or not) is still ink on the normalized page.
        var words = 0
        var kept = 0
        let raster = normalized.raster
        for y in 0..<clean.height {
            for x in 0..<clean.width where clean.pixels[y * clean.width + x] < 128 {
                let nx = x - crop.x
                let ny = y - crop.y
                guard nx >= 0, ny >= 0, nx < raster.width, ny < raster.height else { continue }
                words += 1
                if raster.pixels[ny * raster.width + nx] < 128 { kept += 1 }
            }
        }
        XCTAssertGreaterThan(words, 0)
        XCTAssertEqual(kept, words, "\(words - kept) word pixels painted over")
    }
}
