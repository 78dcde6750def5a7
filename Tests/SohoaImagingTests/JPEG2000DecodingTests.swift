import Foundation
import SohoaTesting
import XCTest

@testable import SohoaImaging

/// JPEG 2000 scans decode in-process through OpenJPEG: a real file from another project like its PNG
/// copy; files Pillow makes (gray, colour, 16-bit, a raw codestream) exactly when lossless; lossy
/// coding told apart from lossless; the resolution box read; damaged files refused by name.
final class JPEG2000DecodingTests: XCTestCase {
    private func meanDifference(_ a: Raster, _ b: Raster) -> Double {
        XCTAssertEqual([a.width, a.height, a.layout.rawValue], [b.width, b.height, b.layout.rawValue])
        let total = zip(a.pixels, b.pixels).reduce(0) { $0 + abs(Int($1.0) - Int($1.1)) }
        return Double(total) / Double(max(1, a.pixels.count))
    }

    /// A synthetic text page written as PNG, then converted by Pillow to `name`.
    private func pillowFile(_ page: Raster, _ name: String, mode: String? = nil, options: String = "") throws -> URL {
        let folder = try temporaryFolder("sohoa-jp2", removedAfter: self)
        let png = folder.appendingPathComponent("source.png")
        try Data(try PNGEncoder.encode(page)).write(to: png)
        let target = folder.appendingPathComponent(name)
        try Pillow.convert(png, to: target, mode: mode, options: options)
        return target
    }

    func testTheRealJPEG2000DecodesLikeItsPNGCopy() throws {
        let url = try TestScans.url("pytesseract_formats/test.jpeg2000")
        XCTAssertEqual(try ScanDecoder.inspect(url), ScanFileInfo(format: .jpeg2000, pageCount: 1, isLossy: false))
        let scan = try ScanDecoder.decode(url)
        XCTAssertEqual(scan.technical.format, .jpeg2000)
        XCTAssertEqual(scan.technical.compression, "JPEG 2000 (lossless)")
        XCTAssertEqual(scan.technical.colorModel, "rgb")
        XCTAssertEqual(scan.technical.pronom?.puid, "x-fmt/392")
        XCTAssertThrowsError(try ScanDecoder.decode(url, page: 1)) { error in
            XCTAssertEqual((error as? ImagingError)?.kind, .pageOutOfRange)
            XCTAssertTrue("\(error)".contains(url.path) && "\(error)".contains("no page 2"), "\(error)")
        }
        let png = try ScanDecoder.decode(TestScans.url("pytesseract_formats/test.png"))
        XCTAssertLessThan(meanDifference(scan.raster.grayscale(), png.raster.grayscale()), 4, "the same page as the PNG")
    }

    func testLosslessFilesDecodeToTheSamePixels() throws {
        let page = SyntheticPage.text(degrees: 0, width: 300, height: 200)
        let gray = try ScanDecoder.decode(try pillowFile(page, "gray.jp2"))
        XCTAssertEqual(gray.raster.layout, .gray)
        XCTAssertEqual(gray.raster.pixels, page.pixels, "a lossless JP2 gives back every pixel")
        XCTAssertEqual(gray.technical.bitsPerSample, 8)
        XCTAssertFalse(try ScanDecoder.inspect(try pillowFile(page, "again.jp2")).isLossy)

        let codestream = try ScanDecoder.decode(try pillowFile(page, "raw.j2k"))
        XCTAssertEqual(codestream.raster.pixels, page.pixels, "a raw codestream too")
        XCTAssertNil(codestream.technical.pronom, "FIDO names no PRONOM format for a raw codestream either")

        let colour = Raster(
            width: page.width, height: page.height, layout: .rgb,
            pixels: page.pixels.enumerated().flatMap { index, value in [value, UInt8(index % 256), 255 - value] })
        let rgb = try ScanDecoder.decode(try pillowFile(colour, "rgb.jp2"))
        XCTAssertEqual(rgb.raster.layout, .rgb)
        XCTAssertEqual(rgb.raster.pixels, colour.pixels, "colour samples in their order")

        let deep = try ScanDecoder.decode(try pillowFile(page, "gray16.jp2", mode: "I;16"))
        XCTAssertEqual(deep.technical.bitsPerSample, 16)
        XCTAssertLessThanOrEqual(meanDifference(deep.raster, page), 1, "16-bit samples scaled to 8 bits")
    }

    func testLossyCodingIsToldFromLossless() throws {
        let page = SyntheticPage.text(degrees: 0, width: 300, height: 200)
        let lossy = try pillowFile(page, "lossy.jp2", options: "irreversible=True, quality_mode='rates', quality_layers=[30]")
        XCTAssertTrue(try ScanDecoder.inspect(lossy).isLossy)
        let scan = try ScanDecoder.decode(lossy)
        XCTAssertEqual(scan.technical.compression, "JPEG 2000 (lossy)")
        XCTAssertLessThan(meanDifference(scan.raster, page), 12, "still the page")
        XCTAssertFalse(try ScanDecoder.inspect(try pillowFile(page, "reversible.jp2")).isLossy)
    }

    func testTheResolutionBoxGivesTheDPI() throws {
        let page = SyntheticPage.text(degrees: 0, width: 120, height: 80)
        let url = try pillowFile(page, "plain.jp2")
        var bytes = [UInt8](try Data(contentsOf: url))
        XCTAssertNil(try ScanDecoder.decode(url).technical.resolutionX, "no resolution box, no resolution")
        // A `res ` box holding `resc`: 11,811 grid points per metre both ways = 300 dpi.
        let resc: [UInt8] = [0, 0, 0, 18] + Array("resc".utf8) + [0x2E, 0x23, 0, 1, 0x2E, 0x23, 0, 1, 0, 0]
        let res: [UInt8] = [0, 0, 0, UInt8(8 + resc.count)] + Array("res ".utf8) + resc
        let jp2h = try XCTUnwrap(JPEG2000Boxes.boxes(bytes[...]).first { $0.type == "jp2h" })
        let headerStart = jp2h.body.startIndex - 8
        let newLength = 8 + jp2h.body.count + res.count
        bytes.insert(contentsOf: res, at: jp2h.body.endIndex)
        bytes.replaceSubrange(headerStart..<headerStart + 4, with: withUnsafeBytes(of: UInt32(newLength).bigEndian, Array.init))
        try Data(bytes).write(to: url)
        let scan = try ScanDecoder.decode(url)
        XCTAssertEqual(try XCTUnwrap(scan.technical.resolutionX), 300, accuracy: 0.5)
        XCTAssertEqual(try XCTUnwrap(scan.technical.resolutionY), 300, accuracy: 0.5)
        XCTAssertEqual(scan.raster.pixels, page.pixels, "the added box changes nothing else")
    }

    func testDamagedFilesAreRefusedByName() throws {
        let page = SyntheticPage.text(degrees: 0, width: 300, height: 200)
        let url = try pillowFile(page, "whole.jp2")
        let bytes = try Data(contentsOf: url)
        let cut = url.deletingLastPathComponent().appendingPathComponent("cut-short.jp2")
        try bytes.prefix(bytes.count * 6 / 10).write(to: cut)
        XCTAssertThrowsError(try ScanDecoder.decode(cut)) { error in
            let imaging = error as? ImagingError
            XCTAssertEqual(imaging?.kind, .corrupt)
            XCTAssertEqual(imaging?.file, cut.path)
            XCTAssertTrue(imaging?.reason.contains("damaged or cut short") == true, "\(error)")
        }
        let garbage = url.deletingLastPathComponent().appendingPathComponent("garbage.jp2")
        try Data(JPEG2000Boxes.jp2Signature + [UInt8](repeating: 0x5A, count: 200)).write(to: garbage)
        XCTAssertThrowsError(try ScanDecoder.decode(garbage)) { error in
            XCTAssertEqual((error as? ImagingError)?.kind, .corrupt, "\(error)")
        }
    }
}
