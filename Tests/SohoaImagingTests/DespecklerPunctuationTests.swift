import Foundation
import SohoaImaging
import XCTest

/// Despeckling keeps punctuation that stands alone in a typewriter face's wide cells.
final class DespecklerPunctuationTests: XCTestCase {
    /// Lines of a 12 pt monospaced face at 300 dpi (cells 31 px wide, letters 20 px wide and 28 px
    /// tall) with a 5 px full stop alone in its cell on the baseline, as in "2.000" and "hại. Đường"
    /// (eval pages in TeX Gyre Cursor and FreeMono lost every one). Every stop is kept; dust between
    /// the lines and in the margins is still removed.
    func testFullStopsInMonospacedTextAreKept() {
        var page = Raster(width: 1200, height: 700)
        func box(_ x: Int, _ y: Int, _ width: Int, _ height: Int) {
            for row in y..<(y + height) { for col in x..<(x + width) { page.pixels[row * page.width + col] = 20 } }
        }
        let cell = 31
        var stops = 0
        for line in 0..<5 {
            let baseline = 130 + line * 110
            // "xx.xxxx xx.xx": a stop in the third and the eleventh cell.
            for (index, glyph) in Array("xx.xxxx xx.xxxx xxx.").enumerated() {
                let x = 100 + index * cell
                switch glyph {
                case "x": box(x + 5, baseline - 28, 20, 28)
                case ".":
                    box(x + 13, baseline - 5, 5, 5)
                    stops += 1
                default: break
                }
            }
        }
        let before = page.pixels.filter { $0 < 128 }.count
        let dust = [(30, 30), (900, 60), (1150, 650), (400, 180), (800, 410)]
        for (x, y) in dust { box(x, y, 3, 3) }
        let options = NormalizeOptions(orientation: false, deskew: false, cropBorders: false, evenLight: false)
        let normalized = Normalizer(options: options).normalize(.synthetic(page))
        XCTAssertEqual(normalized.report.specksRemoved, dust.count)
        XCTAssertEqual(normalized.raster.pixels.filter { $0 < 128 }.count, before, "all \(stops) full stops kept")
    }
}
