import SohoaImaging
import SohoaTesting
import XCTest

/// Encoding a raster as PNG and decoding it again gives the same pixels.
final class PNGEncoderTests: XCTestCase {
    func testGrayAndRGBRoundTrip() throws {
        let folder = try TemporaryFolder()
        for layout in [Raster.Layout.gray, .rgb] {
            let width = 37
            let height = 23
            let pixels = (0..<(width * height * layout.rawValue)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 / 5) }
            let raster = Raster(width: width, height: height, layout: layout, pixels: pixels)
            let bytes = try PNGEncoder.encode(raster)
            XCTAssertEqual(Array(bytes.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
            let url = folder.url.appendingPathComponent("round-trip-\(layout).png")
            try raster.writePNG(to: url)
            XCTAssertEqual(try Data(contentsOf: url), Data(bytes))
            let decoded = try ScanDecoder.decode(url)
            XCTAssertEqual(decoded.raster, raster)
            XCTAssertEqual(decoded.technical.colorModel, layout == .gray ? "gray" : "rgb")
            XCTAssertEqual(decoded.technical.bitsPerSample, 8)
        }
    }

    func testRealPageRoundTrip() throws {
        let scan = try ScanDecoder.decode(TestScans.url("vie_vietocr3_samples/vietsample.tif"))
        let bytes = try PNGEncoder.encode(scan.raster)
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("page.png")
        try Data(bytes).write(to: url)
        XCTAssertEqual(try ScanDecoder.decode(url).raster, scan.raster)
    }

    func testWritingIntoAMissingFolderFails() {
        let raster = Raster(width: 4, height: 4)
        let url = URL(fileURLWithPath: "/nonexistent-sohoa-folder/x.png")
        XCTAssertThrowsError(try raster.writePNG(to: url)) { error in
            XCTAssertEqual((error as? ImagingError)?.kind, .writeFailed)
        }
    }
}
