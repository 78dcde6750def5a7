import SohoaImaging
import XCTest

/// Real TIFF scans decode with the right size, depth, colour model, resolution and plausible pixels.
final class TIFFDecodingTests: XCTestCase {
    func testVietSampleIsTwoPageGroup4MinIsWhite() throws {
        let url = try TestScans.url("vie_vietocr3_samples/vietsample.tif")
        XCTAssertEqual(try ScanDecoder.inspect(url), ScanFileInfo(format: .tiff, pageCount: 2))
        for page in 0..<2 {
            let scan = try ScanDecoder.decode(url, page: page)
            let t = scan.technical
            XCTAssertEqual(t.format, .tiff)
            XCTAssertEqual([t.width, t.height], [2550, 3300])
            XCTAssertEqual(t.bitsPerSample, 1)
            XCTAssertEqual(t.samplesPerPixel, 1)
            XCTAssertEqual(t.colorModel, "bilevel")
            XCTAssertEqual(t.compression, "CCITT Group 4")
            XCTAssertFalse(t.hasAlpha)
            XCTAssertEqual(t.resolutionX, 300)
            XCTAssertEqual(t.resolutionY, 300)
            XCTAssertEqual(t.pageIndex, page)
            XCTAssertEqual(t.pageCount, 2)
            XCTAssertEqual(scan.raster.layout, .gray)
            XCTAssertTrue(scan.raster.pixels.allSatisfy { $0 == 0 || $0 == 255 })
            // Min-is-white handled: a text page is mostly white paper with some black ink.
            let dark = scan.raster.darkFraction
            XCTAssertGreaterThan(dark, 0.01, "page \(page) has no ink")
            XCTAssertLessThan(dark, 0.25, "page \(page) looks inverted")
            // The top-left corner is margin: white.
            XCTAssertEqual(scan.raster.pixels[0], 255)
        }
        XCTAssertThrowsError(try ScanDecoder.decode(url, page: 2)) { error in
            XCTAssertEqual((error as? ImagingError)?.kind, .pageOutOfRange)
        }
    }

    func testUNLVMagazinePagesAreBilevel300DPI() throws {
        let files = try TestScans.files(in: "tesseract_test/unlv", withExtension: "tif")
        XCTAssertEqual(files.count, 2)
        let sizes = ["8071_093.3B.tif": [3312, 2550], "8087_054.3B.tif": [2560, 3300]]
        for url in files {
            let scan = try ScanDecoder.decode(url)
            let t = scan.technical
            XCTAssertEqual([t.width, t.height], sizes[url.lastPathComponent], url.lastPathComponent)
            XCTAssertEqual(t.colorModel, "bilevel")
            XCTAssertEqual(t.compression, "CCITT Group 4")
            XCTAssertEqual(t.pageCount, 1)
            XCTAssertEqual(t.resolutionX, 300)  // stored without a unit; taken as per inch
            XCTAssertEqual(DPIResolver.resolve(t), ResolvedDPI(dpi: 300, estimated: false))
            let dark = scan.raster.darkFraction
            XCTAssertGreaterThan(dark, 0.01, url.lastPathComponent)
            XCTAssertLessThan(dark, 0.4, url.lastPathComponent)  // 8071 has a dark photo and a black scanner edge
        }
    }

    func testSixteenBitGrayIsScaledToEightBits() throws {
        // test16.tif holds only the 16-bit extremes 0 and 65535: they must become 0 and 255.
        let url = try TestScans.url("leptonica_prog/test16.tif")
        let scan = try ScanDecoder.decode(url)
        let t = scan.technical
        XCTAssertEqual([t.width, t.height, t.bitsPerSample, t.samplesPerPixel], [550, 426, 16, 1])
        XCTAssertEqual(t.colorModel, "gray")
        XCTAssertEqual(t.compression, "Deflate")
        XCTAssertEqual(t.resolutionX, 74)
        XCTAssertEqual(scan.raster.layout, .gray)
        XCTAssertEqual(Set(scan.raster.pixels), [0, 255])
    }

    func testSixteenBitRGB() throws {
        let url = try TestScans.url("leptonica_prog/rgb16.tif")
        let scan = try ScanDecoder.decode(url)
        let t = scan.technical
        XCTAssertEqual([t.width, t.height, t.bitsPerSample, t.samplesPerPixel], [129, 90, 16, 3])
        XCTAssertEqual(t.colorModel, "rgb")
        XCTAssertEqual(scan.raster.layout, .rgb)
        XCTAssertEqual(scan.raster.pixels.count, 129 * 90 * 3)
        XCTAssertGreaterThan(Set(scan.raster.pixels).count, 32)
    }

    func testJPEGCompressedGrayTIFF() throws {
        let url = try TestScans.url("leptonica_prog/jpeg-coded.tif")
        let scan = try ScanDecoder.decode(url)
        let t = scan.technical
        XCTAssertEqual([t.width, t.height, t.bitsPerSample], [640, 400, 8])
        XCTAssertEqual(t.compression, "JPEG")
        XCTAssertEqual(t.colorModel, "gray")
        XCTAssertEqual(t.resolutionX, 72)
        XCTAssertEqual(scan.raster.layout, .gray)
        // A gray pen stroke on white paper.
        let mean = scan.raster.pixels.reduce(0) { $0 + Int($1) } / scan.raster.pixels.count
        XCTAssertGreaterThan(mean, 200, "mostly white paper")
        XCTAssertLessThan(Int(scan.raster.pixels.min() ?? 255), 160, "the stroke is missing")
    }

    func testJPEGInTIFFIsLossyAndDeflateIsNot() throws {
        // Compression 7: the container is TIFF but the pixels went through JPEG, so `lossy-masters` applies.
        let jpeg = try TestScans.url("leptonica_prog/jpeg-coded.tif")
        XCTAssertTrue(try ScanDecoder.inspect(jpeg).isLossy)
        XCTAssertTrue(try ScanDecoder.decode(jpeg).technical.isLossy)
        let deflate = try TestScans.url("leptonica_prog/test16.tif")
        XCTAssertFalse(try ScanDecoder.inspect(deflate).isLossy)
        XCTAssertFalse(try ScanDecoder.decode(deflate).technical.isLossy)
    }

    func testDeflateGrayPhototest() throws {
        let url = try TestScans.url("pytesseract_formats/test.tiff")
        let scan = try ScanDecoder.decode(url)
        let t = scan.technical
        XCTAssertEqual([t.width, t.height, t.bitsPerSample, t.samplesPerPixel], [640, 480, 8, 1])
        XCTAssertEqual(t.compression, "Deflate")
        XCTAssertEqual(t.colorModel, "gray")
        XCTAssertEqual(t.resolutionX, 200)
        XCTAssertEqual(scan.raster.layout, .gray)
        let dark = scan.raster.darkFraction
        XCTAssertGreaterThan(dark, 0.01)
        XCTAssertLessThan(dark, 0.3)
    }

    func testRGBAWithAssociatedAlphaIsCompositedOnWhite() throws {
        let url = try TestScans.url("tesseract_test/rotation/phototestrot.tif")
        let scan = try ScanDecoder.decode(url)
        let t = scan.technical
        XCTAssertEqual([t.width, t.height, t.samplesPerPixel], [480, 640, 4])
        XCTAssertEqual(t.compression, "LZW")
        XCTAssertTrue(t.hasAlpha)
        XCTAssertEqual(scan.raster.layout, .rgb)
        let dark = scan.raster.grayscale().darkFraction
        XCTAssertGreaterThan(dark, 0.01)
        XCTAssertLessThan(dark, 0.3)
    }

    func testUncompressedBilevel() throws {
        let url = try TestScans.url("tesseract_test/synthetic/eurotext.tif")
        let scan = try ScanDecoder.decode(url)
        XCTAssertEqual(scan.technical.compression, "none")
        XCTAssertEqual(scan.technical.colorModel, "bilevel")
        XCTAssertGreaterThan(scan.raster.darkFraction, 0.01)
        XCTAssertLessThan(scan.raster.darkFraction, 0.3)
    }
}
