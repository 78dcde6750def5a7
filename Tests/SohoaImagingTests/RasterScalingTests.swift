import SohoaImaging
import XCTest

/// Gray conversion, area-average downscaling and bilinear upscaling.
final class RasterScalingTests: XCTestCase {
    func testGrayscaleUsesRec601Luma() {
        let rgb = Raster(width: 4, height: 1, layout: .rgb, pixels: [255, 0, 0, 0, 255, 0, 0, 0, 255, 200, 200, 200])
        XCTAssertEqual(rgb.grayscale().pixels, [76, 150, 29, 200])
        let gray = Raster(width: 2, height: 1, layout: .gray, pixels: [1, 2])
        XCTAssertEqual(gray.grayscale(), gray)
    }

    func testDownscaleAveragesAreasAndKeepsAspect() {
        // A 4×2 checkerboard of 0/255 columns averages to mid-gray at half size.
        let raster = Raster(width: 400, height: 200, layout: .gray, pixels: (0..<80_000).map { $0 % 2 == 0 ? 0 : 255 })
        let small = raster.downscaled(maxSide: 100)
        XCTAssertEqual([small.width, small.height], [100, 50])
        XCTAssertTrue(small.pixels.allSatisfy { (126...129).contains($0) })
        XCTAssertEqual(raster.downscaled(maxSide: 1000), raster)
        let rgb = Raster(width: 300, height: 90, layout: .rgb, filledWith: 77).downscaled(maxSide: 100)
        XCTAssertEqual([rgb.width, rgb.height], [100, 30])
        XCTAssertTrue(rgb.pixels.allSatisfy { $0 == 77 })
    }

    func testBilinearUpscale() {
        let raster = Raster(width: 2, height: 1, layout: .gray, pixels: [0, 200])
        let big = raster.scaled(by: 4)
        XCTAssertEqual([big.width, big.height], [8, 4])
        let row = Array(big.pixels.prefix(8))
        XCTAssertEqual(row.first, 0)
        XCTAssertEqual(row.last, 200)
        XCTAssertEqual(row, row.sorted(), "a ramp between the two samples")
        XCTAssertEqual(raster.scaled(by: 1), raster)
    }
}
