import SohoaImaging
import XCTest

/// The bolder copy of a page that OCR reads a second time when thin type read with low confidence.
final class StrokeThickenerTests: XCTestCase {
    func testDarkStrokesWidenByOnePixelOnEachSideAndThePageKeepsItsSize() {
        var page = Raster(width: 9, height: 9)
        page.pixels[4 * 9 + 4] = 10
        page.pixels[0] = 100
        let thick = StrokeThickener.thickened(page)
        XCTAssertEqual(thick.width, 9)
        XCTAssertEqual(thick.height, 9)
        for y in 0..<9 {
            for x in 0..<9 {
                let expected: UInt8 = (3...5).contains(x) && (3...5).contains(y) ? 10 : (x <= 1 && y <= 1 ? 100 : 255)
                XCTAssertEqual(thick.pixels[y * 9 + x], expected, "(\(x), \(y))")
            }
        }
    }
}
