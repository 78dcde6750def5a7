import SohoaOCR
import XCTest

final class LeptonicaImageLoaderTests: XCTestCase {
    func testReadsEveryPageOfAMultiPageG4TIFFAsGray() throws {
        let path = try TestFixtures.scan("vie_vietocr3_samples/vietsample.tif").path
        for page in 0..<2 {
            let image = try LeptonicaImageLoader.loadGray(path: path, page: page)
            XCTAssertEqual(image.raster.width, 2550)
            XCTAssertEqual(image.raster.height, 3300)
            XCTAssertEqual(image.dpi, 300)
            XCTAssertEqual(image.raster.layout, .gray)
            XCTAssertTrue(image.raster.pixels.allSatisfy { $0 == 0 || $0 == 255 }, "1-bit expands to 0/255")
            XCTAssertTrue(image.raster.pixels.contains(0))
        }
        XCTAssertThrowsError(try LeptonicaImageLoader.loadGray(path: path, page: 2)) {
            XCTAssertTrue("\($0)".contains("page 3"), "\($0)")
        }
    }

    func testMissingFileIsReported() {
        XCTAssertThrowsError(try LeptonicaImageLoader.loadGray(path: "/nonexistent/scan.tif")) {
            XCTAssertTrue("\($0)".contains("file missing or unreadable"), "\($0)")
        }
    }
}
