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

    func testPaperAndNoiseRoundTripThroughLibpng() throws {
        // The encoder writes its own chunks over ImageDeflate's zlib stream: libpng (which checks
        // every chunk's CRC) reads back the same samples, on runs of paper and on noise alike.
        var random = SplitMix64(seed: 23)
        let (width, height) = (600, 500)
        let paper = (0..<(width * height)).map { index -> UInt8 in index % 1_000 < 700 ? 255 : (index % 7 == 0 ? 0 : 250) }
        let noise = (0..<(width * height * 3)).map { _ in UInt8(truncatingIfNeeded: random.next() >> 40) }
        let folder = try TemporaryFolder()
        for raster in [
            Raster(width: width, height: height, layout: .gray, pixels: paper),
            Raster(width: width, height: height, layout: .rgb, pixels: noise),
            Raster(width: 1, height: 1, layout: .gray, pixels: [42]),
        ] {
            let bytes = try PNGEncoder.encode(raster)
            let url = folder.url.appendingPathComponent("\(raster.width)-\(raster.layout).png")
            try Data(bytes).write(to: url)
            XCTAssertEqual(try ScanDecoder.decode(url).raster, raster)
        }
        XCTAssertLessThan(try PNGEncoder.encode(Raster(width: width, height: height, layout: .gray, pixels: paper)).count, paper.count / 5)
        XCTAssertThrowsError(try PNGEncoder.encode(Raster(width: 0, height: 0, layout: .gray, pixels: [])))
    }

    func testWritingIntoAMissingFolderFails() {
        let raster = Raster(width: 4, height: 4)
        let url = URL(fileURLWithPath: "/nonexistent-sohoa-folder/x.png")
        XCTAssertThrowsError(try raster.writePNG(to: url)) { error in
            XCTAssertEqual((error as? ImagingError)?.kind, .writeFailed)
        }
    }
}
