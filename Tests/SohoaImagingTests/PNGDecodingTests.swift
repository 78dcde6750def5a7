import SohoaImaging
import XCTest

/// Real PNG scans decode with the right size, depth, colour model, resolution and plausible pixels.
final class PNGDecodingTests: XCTestCase {
    func testPalettePageAt300DPI() throws {
        let url = try TestScans.url("vie_vietocr3_samples/vietsample2.png")
        XCTAssertEqual(try ScanDecoder.inspect(url), ScanFileInfo(format: .png, pageCount: 1))
        let scan = try ScanDecoder.decode(url)
        let t = scan.technical
        XCTAssertEqual(t.format, .png)
        XCTAssertEqual([t.width, t.height, t.bitsPerSample, t.samplesPerPixel], [2550, 3300, 8, 1])
        XCTAssertEqual(t.colorModel, "palette")
        XCTAssertEqual(t.compression, "Deflate")
        XCTAssertEqual(t.pageCount, 1)
        XCTAssertEqual(try XCTUnwrap(t.resolutionX), 300, accuracy: 0.5)
        let dark = scan.raster.grayscale().darkFraction
        XCTAssertGreaterThan(dark, 0.01)
        XCTAssertLessThan(dark, 0.25)
    }

    func testSixteenBitGrayMatchesTheTIFFCopy() throws {
        let png = try ScanDecoder.decode(TestScans.url("leptonica_prog/test16.png"))
        let tiff = try ScanDecoder.decode(TestScans.url("leptonica_prog/test16.tif"))
        XCTAssertEqual(png.technical.bitsPerSample, 16)
        XCTAssertEqual(png.technical.colorModel, "gray")
        XCTAssertEqual(png.raster.layout, .gray)
        XCTAssertEqual(png.raster.width, tiff.raster.width)
        XCTAssertEqual(png.raster.height, tiff.raster.height)
        // Same picture in two containers: decoded samples agree to within rounding.
        let differences = zip(png.raster.pixels, tiff.raster.pixels).map { abs(Int($0) - Int($1)) }
        XCTAssertLessThanOrEqual(differences.max() ?? 0, 2)
    }

    func testGrayWithAlphaIsCompositedOnWhite() throws {
        let scan = try ScanDecoder.decode(TestScans.url("pytesseract_formats/test_la.png"))
        let t = scan.technical
        XCTAssertEqual([t.width, t.height, t.samplesPerPixel], [400, 80, 2])
        XCTAssertEqual(t.colorModel, "gray")
        XCTAssertTrue(t.hasAlpha)
        XCTAssertEqual(scan.raster.layout, .gray)
        let dark = scan.raster.darkFraction
        XCTAssertGreaterThan(dark, 0.005)
        XCTAssertLessThan(dark, 0.5)
    }

    func testColormappedPhoto() throws {
        let scan = try ScanDecoder.decode(
            TestScans.url("ocrmypdf_resources/formats_colorspaces/baiona_colormapped.png"))
        let t = scan.technical
        XCTAssertEqual([t.width, t.height], [640, 682])
        XCTAssertEqual(t.colorModel, "palette")
        XCTAssertEqual(scan.raster.layout, .rgb)
    }

    func testRGBAPhotoIsCompositedOnWhite() throws {
        let scan = try ScanDecoder.decode(TestScans.url("ocrmypdf_resources/formats_colorspaces/baiona_alpha.png"))
        let t = scan.technical
        XCTAssertEqual([t.width, t.height, t.samplesPerPixel], [640, 682, 4])
        XCTAssertEqual(t.colorModel, "rgb")
        XCTAssertTrue(t.hasAlpha)
        XCTAssertEqual(scan.raster.layout, .rgb)
        XCTAssertEqual(scan.raster.pixels.count, 640 * 682 * 3)
    }

    func testOneBitPaletteBrochureIsGray() throws {
        let scan = try ScanDecoder.decode(TestScans.url("ocrmypdf_resources/linn_with_reference_text/linn.png"))
        XCTAssertEqual(scan.technical.bitsPerSample, 1)
        XCTAssertEqual(scan.technical.colorModel, "palette")
        XCTAssertEqual(scan.raster.layout, .gray, "a black-and-white palette decodes to gray")
        // This file has no pHYs chunk: the resolution is unknown and DPIResolver estimates it.
        XCTAssertNil(scan.technical.resolutionX)
        XCTAssertEqual(DPIResolver.resolve(scan.technical).dpi, 300)
        XCTAssertTrue(DPIResolver.resolve(scan.technical).estimated)
    }
}
