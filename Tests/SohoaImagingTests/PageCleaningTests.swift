import Foundation
import SohoaImaging
import SohoaTesting
import XCTest

/// Border removal, even light, despeckling, binarization and spread splitting on synthetic pages
/// whose content is known.
final class PageCleaningTests: XCTestCase {
    private func inkPixels(_ raster: Raster) -> Int { raster.pixels.filter { $0 < 128 }.count }

    func testDarkBorderIsCroppedWithoutCuttingText() {
        var page = SyntheticPage.text(degrees: 0, width: 1240, height: 1754)
        let text = inkPixels(page)
        // A dark band on the left (the scanner lid) and along the top.
        for y in 0..<page.height {
            for x in 0..<page.width where x < 90 || y < 50 { page.pixels[y * page.width + x] = 35 }
        }
        let options = NormalizeOptions(deskew: false, evenLight: false, despeckle: false)
        let normalized = Normalizer(options: options).normalize(.synthetic(page))
        let crop = normalized.report.cropBox
        XCTAssertNotNil(crop)
        XCTAssertGreaterThanOrEqual(crop?.x ?? 0, 90)
        XCTAssertGreaterThanOrEqual(crop?.y ?? 0, 50)
        XCTAssertEqual(Double(inkPixels(normalized.raster)), Double(text), accuracy: Double(text) * 0.001, "text kept whole")
        // A point of the normalized page maps back onto the same point of the master.
        let back = normalized.transform.toMaster(x: 10, y: 10)
        XCTAssertEqual(back.x, Double(10 + (crop?.x ?? 0)), accuracy: 0.01)
        XCTAssertEqual(back.y, Double(10 + (crop?.y ?? 0)), accuracy: 0.01)
    }

    func testUnevenLightAndGrayPaperBecomeWhite() {
        var page = SyntheticPage.text(degrees: 0, width: 1240, height: 1754)
        for y in 0..<page.height {
            for x in 0..<page.width {
                // Paper from 150 (left) to 215 (right); print keeps its contrast with the paper.
                let light = 150 + 65 * Double(x) / Double(page.width)
                page.pixels[y * page.width + x] = UInt8(Double(page.pixels[y * page.width + x]) * light / 255)
            }
        }
        let normalized = Normalizer(options: NormalizeOptions(deskew: false)).normalize(.synthetic(page))
        let raster = normalized.raster
        // The left margin and the right margin are both (nearly) white.
        for x in [20, raster.width - 20] {
            var sum = 0
            for y in 20..<200 { sum += Int(raster.pixels[y * raster.width + x]) }
            XCTAssertGreaterThan(sum / 180, 240, "margin at x=\(x)")
        }
        XCTAssertEqual(
            Double(inkPixels(raster)), Double(inkPixels(SyntheticPage.text(degrees: 0, width: 1240, height: 1754))), accuracy: 5000)
    }

    func testDespeckleRemovesDustButKeepsToneMarks() {
        var page = Raster(width: 1200, height: 600)
        func dot(_ x: Int, _ y: Int, _ size: Int) {
            for dy in 0..<size { for dx in 0..<size { page.pixels[(y + dy) * page.width + x + dx] = 20 } }
        }
        // Words (28 px tall) with a small mark 4 px above (a tone mark) and 4 px below (the dot of nặng).
        var marks = 0
        for line in 0..<4 {
            var x = 80
            while x < 1000 {
                let y = 100 + line * 110
                for row in y..<(y + 28) { for col in x..<(x + 90) { page.pixels[row * page.width + col] = 20 } }
                dot(x + 40, y - 8, 4)
                dot(x + 20, y + 32, 3)
                marks += 2
                x += 130
            }
        }
        let before = inkPixels(page)
        // Dust: isolated specks between the lines and in the margins.
        let dust = [(30, 30), (600, 160), (1150, 500), (300, 270), (900, 380), (40, 560)]
        for (x, y) in dust { dot(x, y, 3) }
        let options = NormalizeOptions(orientation: false, deskew: false, cropBorders: false, evenLight: false)
        let normalized = Normalizer(options: options).normalize(.synthetic(page))
        XCTAssertEqual(normalized.report.specksRemoved, dust.count)
        XCTAssertEqual(inkPixels(normalized.raster), before, "every word and all \(marks) marks are kept")
    }

    func testDitherBandOnABilevelScanIsClearedKeepingEveryLetterAndToneMark() {
        // A bilevel page: words 28 px tall, each with a tone mark above and the dot of nặng below.
        var page = Raster(width: 1200, height: 700)
        var shapes: [(x: Int, y: Int, width: Int, height: Int)] = []
        for line in 0..<5 {
            var x = 80
            while x < 1000 {
                let y = 100 + line * 110
                shapes += [(x, y, 90, 28), (x + 40, y - 8, 4, 4), (x + 20, y + 32, 3, 3)]
                x += 130
            }
        }
        for shape in shapes {
            for row in shape.y..<(shape.y + shape.height) {
                for col in shape.x..<(shape.x + shape.width) { page.pixels[row * page.width + col] = 0 }
            }
        }
        // A vignette fell near the scanner's threshold: 40% of the paper of a band over three lines
        // and their marks became black dots.
        var random = SplitMix64(seed: 11)
        let band = 190..<560
        for row in band {
            for col in 0..<page.width where random.next() % 5 < 2 { page.pixels[row * page.width + col] = 0 }
        }
        let options = NormalizeOptions(orientation: false, deskew: false, cropBorders: false, evenLight: false)
        let normalized = Normalizer(options: options).normalize(.synthetic(page))
        let cleaned = normalized.raster
        XCTAssertGreaterThan(normalized.report.ditherRegionsCleaned ?? 0, 0, "the report says dither was cleared")

        func black(_ x: Int, _ y: Int) -> Bool { cleaned.pixels[y * cleaned.width + x] < 128 }
        for shape in shapes {
            var kept = 0
            for row in shape.y..<(shape.y + shape.height) {
                for col in shape.x..<(shape.x + shape.width) where black(col, row) { kept += 1 }
            }
            XCTAssertGreaterThanOrEqual(
                kept * 4, shape.width * shape.height * 3, "the mark or word at \(shape.x),\(shape.y) is kept")
        }
        // Paper in the band, away from any letter, is white again.
        var paper = 0
        var dots = 0
        for row in band {
            for col in 0..<cleaned.width {
                let nearInk = shapes.contains {
                    col >= $0.x - 3 && col < $0.x + $0.width + 3 && row >= $0.y - 3 && row < $0.y + $0.height + 3
                }
                guard !nearInk else { continue }
                paper += 1
                if black(col, row) { dots += 1 }
            }
        }
        XCTAssertLessThan(Double(dots) / Double(paper), 0.005, "\(dots) of \(paper) paper pixels in the band stay black")
    }

    func testLettersInADenseDitherCornerAreKeptWhenTheNoiseJoinsThem() {
        // A bilevel page whose dark corner fell well below the scanner's threshold: 60% of the paper
        // around three lines of letters (stems 4 px wide, 28 px tall, 6 px apart, as in 10-point
        // bold type) became black dots, enough for the noise to join the letters of a word into
        // one patch. The letters stay (a sixth of them were cleared with the noise before).
        var page = Raster(width: 900, height: 500)
        var stems: [(x: Int, y: Int)] = []
        for line in 0..<3 {
            for word in 0..<6 {
                for letter in 0..<4 { stems.append((80 + word * 120 + letter * 10, 120 + line * 110)) }
            }
        }
        for stem in stems {
            for row in stem.y..<(stem.y + 28) {
                for col in stem.x..<(stem.x + 4) { page.pixels[row * page.width + col] = 0 }
            }
        }
        var random = SplitMix64(seed: 5)
        let band = 80..<450
        for row in band {
            for col in 0..<page.width where random.next() % 5 < 3 { page.pixels[row * page.width + col] = 0 }
        }
        let options = NormalizeOptions(orientation: false, deskew: false, cropBorders: false, evenLight: false)
        let normalized = Normalizer(options: options).normalize(.synthetic(page))
        let cleaned = normalized.raster
        XCTAssertGreaterThan(normalized.report.ditherRegionsCleaned ?? 0, 0, "the report says dither was cleared")

        func black(_ x: Int, _ y: Int) -> Bool { cleaned.pixels[y * cleaned.width + x] < 128 }
        var lost = 0
        for stem in stems {
            var kept = 0
            for row in stem.y..<(stem.y + 28) {
                for col in stem.x..<(stem.x + 4) where black(col, row) { kept += 1 }
            }
            if kept * 4 < 28 * 4 * 3 { lost += 1 }
        }
        XCTAssertEqual(lost, 0, "\(lost) of \(stems.count) letters lost most of their ink")
        var paper = 0
        var dots = 0
        for row in band {
            for col in 0..<cleaned.width {
                let nearInk = stems.contains { col >= $0.x - 3 && col < $0.x + 7 && row >= $0.y - 3 && row < $0.y + 31 }
                guard !nearInk else { continue }
                paper += 1
                if black(col, row) { dots += 1 }
            }
        }
        // Noise this dense is thinned, not cleared: from 60% of the paper to under a tenth.
        XCTAssertLessThan(Double(dots) / Double(paper), 0.1, "\(dots) of \(paper) paper pixels in the dark corner stay black")
    }

    func testBinarizationMethodsGiveBlackAndWhite() {
        let page = SyntheticPage.text(degrees: 0, width: 1240, height: 1754)
        for method in [BinarizationMethod.otsu, .sauvola] {
            let options = NormalizeOptions(deskew: false, binarize: method)
            let normalized = Normalizer(options: options).normalize(.synthetic(page))
            XCTAssertTrue(normalized.raster.pixels.allSatisfy { $0 == 0 || $0 == 255 }, "\(method)")
            XCTAssertEqual(
                Double(inkPixels(normalized.raster)), Double(inkPixels(page)), accuracy: Double(inkPixels(page)) * 0.03, "\(method)")
            XCTAssertEqual(normalized.report.binarization, method)
        }
    }

    func testSpreadIsSplitAtItsGutter() throws {
        let left = SyntheticPage.text(degrees: 0, width: 900, height: 1270, seed: 3)
        let right = SyntheticPage.text(degrees: 0, width: 900, height: 1270, seed: 4)
        var spread = Raster(width: 1800, height: 1270)
        for y in 0..<1270 {
            for x in 0..<900 {
                spread.pixels[y * 1800 + x] = left.pixels[y * 900 + x]
                spread.pixels[y * 1800 + 900 + x] = right.pixels[y * 900 + x]
            }
        }
        let pages = Normalizer().pages(of: .synthetic(spread))
        XCTAssertEqual(pages.map(\.report.spreadPart), ["a", "b"])
        let gutter = try XCTUnwrap(pages.first?.report.gutterX)
        XCTAssertEqual(Double(gutter), 900, accuracy: 90)
        XCTAssertEqual(pages.map(\.raster.width).reduce(0, +), 1800)
        // A point on the right page maps onto the right half of the master.
        let back = pages[1].transform.toMaster(x: 100, y: 500)
        XCTAssertEqual(back.x, Double(gutter + 100), accuracy: 0.01)
        // Never splits a portrait page, nor anything with split-spreads: never.
        XCTAssertEqual(Normalizer().pages(of: .synthetic(left)).count, 1)
        XCTAssertEqual(Normalizer(options: NormalizeOptions(splitSpreads: .never)).pages(of: .synthetic(spread)).count, 1)
        XCTAssertEqual(Normalizer().normalize(.synthetic(spread)).report.spreadPart, nil)
    }

    func testBlankPageIsFlaggedNotDropped() {
        let pages = Normalizer().pages(of: .synthetic(SyntheticPage.blank(width: 1240, height: 1754)))
        XCTAssertEqual(pages.count, 1)
        XCTAssertTrue(pages[0].report.blank)
    }
}
