import Foundation
import SohoaTesting
import XCTest

@testable import SohoaImaging

/// JPEG scans decode in-process: real files from other projects with their resolution, made ones in
/// gray, colour, CMYK and progressive form, turned upright by their EXIF orientation; damaged ones
/// are refused by name.
final class JPEGDecodingTests: XCTestCase {
    /// Mean absolute difference of two same-sized rasters' samples.
    private func meanDifference(_ a: Raster, _ b: Raster) -> Double {
        XCTAssertEqual([a.width, a.height, a.layout.rawValue], [b.width, b.height, b.layout.rawValue])
        let total = zip(a.pixels, b.pixels).reduce(0) { $0 + abs(Int($1.0) - Int($1.1)) }
        return Double(total) / Double(max(1, a.pixels.count))
    }

    private func write(_ data: Data, _ name: String) throws -> URL {
        let url = try temporaryFolder("sohoa-jpeg").appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    func testARealJPEGDecodesLikeItsPNGCopyWithItsResolution() throws {
        let url = try TestScans.url("pytesseract_formats/test.jpg")
        XCTAssertEqual(try ScanDecoder.inspect(url), ScanFileInfo(format: .jpeg, pageCount: 1))
        let scan = try ScanDecoder.decode(url)
        let t = scan.technical
        XCTAssertEqual(t.format, .jpeg)
        XCTAssertEqual(t.compression, "JPEG")
        XCTAssertEqual(t.bitsPerSample, 8)
        XCTAssertEqual(try XCTUnwrap(t.resolutionX), 200, accuracy: 0.5, "JFIF density in dots per inch")
        let png = try ScanDecoder.decode(TestScans.url("pytesseract_formats/test.png"))
        XCTAssertLessThan(meanDifference(scan.raster.grayscale(), png.raster.grayscale()), 4, "the same page as the PNG")
    }

    func testEXIFOrientationTurnsThePageUpright() throws {
        let page = SyntheticPage.text(degrees: 0, width: 240, height: 320)
        let upright = try ScanDecoder.decode(try write(try JPEGBuilder.jpeg(page), "upright.jpg")).raster
        // Stored turned a quarter counter-clockwise, with orientation 6 saying "turn 90° clockwise to view".
        let stored = page.quarterTurned(clockwise: 3)
        for (orientation, storedImage) in [(6, stored), (8, page.quarterTurned(clockwise: 1)), (3, page.quarterTurned(clockwise: 2))] {
            let url = try write(try JPEGBuilder.jpeg(storedImage, orientation: orientation), "o\(orientation).jpg")
            let scan = try ScanDecoder.decode(url)
            XCTAssertEqual([scan.raster.width, scan.raster.height], [240, 320], "orientation \(orientation)")
            XCTAssertLessThan(meanDifference(scan.raster, upright), 3, "orientation \(orientation)")
            XCTAssertEqual(scan.technical.width, storedImage.width, "the technical record describes the file as stored")
        }
        let mirroredStored = page.mirrored()
        let mirrored = try ScanDecoder.decode(try write(try JPEGBuilder.jpeg(mirroredStored, orientation: 2), "o2.jpg"))
        XCTAssertLessThan(meanDifference(mirrored.raster, upright), 3)
    }

    func testGrayProgressiveAndCMYKFilesDecode() throws {
        let page = SyntheticPage.text(degrees: 0, width: 300, height: 200)
        let baseline = try ScanDecoder.decode(try write(try JPEGBuilder.jpeg(page, dpi: 300), "gray.jpg"))
        XCTAssertEqual(baseline.technical.colorModel, "gray")
        XCTAssertEqual(baseline.raster.layout, .gray)
        XCTAssertEqual(try XCTUnwrap(baseline.technical.resolutionY), 300, accuracy: 0.5)

        let progressive = try ScanDecoder.decode(try write(try JPEGBuilder.jpeg(page, progressive: true), "progressive.jpg"))
        XCTAssertEqual(progressive.technical.compression, "JPEG (progressive)")
        XCTAssertLessThan(meanDifference(progressive.raster, baseline.raster), 2)

        let rgb = Raster(width: 300, height: 200, layout: .rgb, pixels: page.pixels.flatMap { [$0, $0, $0] })
        let cmyk = try ScanDecoder.decode(try write(try JPEGBuilder.jpeg(rgb, colour: .cmyk), "cmyk.jpg"))
        XCTAssertEqual(cmyk.technical.colorModel, "cmyk")
        XCTAssertEqual(cmyk.technical.samplesPerPixel, 4)
        XCTAssertEqual(cmyk.raster.layout, .rgb)
        XCTAssertLessThan(meanDifference(cmyk.raster.grayscale(), baseline.raster), 4, "ink becomes dark, paper white")
    }

    func testARealAdobeCMYKJPEGLooksLikeItsGrayCopy() throws {
        let cmyk = try ScanDecoder.decode(TestScans.url("ocrmypdf_resources/formats_colorspaces/baiona_cmyk.jpg"))
        let gray = try ScanDecoder.decode(TestScans.url("ocrmypdf_resources/formats_colorspaces/baiona_gray.png"))
        XCTAssertEqual(cmyk.technical.colorModel, "cmyk")
        XCTAssertEqual(cmyk.raster.layout, .rgb)
        XCTAssertLessThan(meanDifference(cmyk.raster.grayscale(), gray.raster.grayscale()), 12, "not inverted, not washed out")
    }

    func testACutShortJPEGIsRefusedAsDamaged() throws {
        let page = SyntheticPage.text(degrees: 0, width: 300, height: 400)
        let whole = try JPEGBuilder.jpeg(page)
        let url = try write(whole.prefix(whole.count / 2), "cut.jpg")
        XCTAssertThrowsError(try ScanDecoder.decode(url)) { error in
            let imaging = error as? ImagingError
            XCTAssertEqual(imaging?.kind, .corrupt)
            XCTAssertTrue(imaging?.reason.contains("cut short") == true, "\(error)")
            XCTAssertEqual(imaging?.file, url.path)
        }
        let header = try write(whole.prefix(20), "header.jpg")
        XCTAssertThrowsError(try ScanDecoder.inspect(header)) { error in
            XCTAssertEqual((error as? ImagingError)?.kind, .corrupt, "\(error)")
        }
    }
    /// Data cut short and closed by an end marker (a copy broken off and "repaired") reaches a marker in
    /// the middle of the image: libjpeg-turbo says "premature end of data segment" and would give the rest
    /// of the page as flat gray. Stray bytes between segments are the one warning that still gives a whole page.
    func testDataEndingAtAMarkerIsRefusedAndStrayBytesAreNot() throws {
        let page = SyntheticPage.text(degrees: 0, width: 300, height: 400)
        let whole = try JPEGBuilder.jpeg(page)
        let closed = try write(whole.prefix(whole.count / 2) + Data([0xFF, 0xD9]), "closed.jpg")
        XCTAssertThrowsError(try ScanDecoder.decode(closed)) { error in
            let imaging = error as? ImagingError
            XCTAssertEqual(imaging?.kind, .corrupt, "\(error)")
            XCTAssertTrue(imaging?.reason.contains("premature end of data segment") == true, "\(error)")
        }
        // Two stray bytes between two scans of a progressive JPEG (in the header they are refused before
        // any decoding, as libjpeg-turbo's header reading fails on them).
        let progressive = [UInt8](try JPEGBuilder.jpeg(page, progressive: true))
        let scans = progressive.indices.dropLast().filter { progressive[$0] == 0xFF && progressive[$0 + 1] == 0xDA }
        XCTAssertGreaterThan(scans.count, 1, "a progressive JPEG has several scans")
        let second = scans[1]
        let stray = try write(Data(progressive.prefix(second) + [0x00, 0x00] + progressive.dropFirst(second)), "stray.jpg")
        let decoded = try ScanDecoder.decode(stray)
        let reference = try ScanDecoder.decode(try write(Data(progressive), "whole.jpg"))
        XCTAssertEqual(decoded.raster.pixels, reference.raster.pixels, "the whole page, as without the stray bytes")
        // Stray bytes, then data that ends early: libjpeg-turbo names only the first warning of a decode,
        // so a decode past the stray bytes would hide the second; it is refused.
        let cut = Array(progressive.prefix(second) + [0x00, 0x00] + progressive.dropFirst(second))
        let strayAndCut = try write(Data(cut.prefix(second + 2 + (cut.count - second) / 2) + [0xFF, 0xD9]), "stray-cut.jpg")
        XCTAssertThrowsError(try ScanDecoder.decode(strayAndCut)) { error in
            XCTAssertEqual((error as? ImagingError)?.kind, .corrupt, "\(error)")
        }
    }

    /// Bytes after the last scan's data, before the end-of-image marker ("2 extraneous bytes before
    /// marker 0xd9", the common form of the warning): the page is whole, in baseline and progressive
    /// JPEGs alike; data cut short before such bytes is still refused.
    func testStrayBytesBeforeTheEndMarkerKeepTheWholePage() throws {
        let page = SyntheticPage.text(degrees: 0, width: 300, height: 400)
        for progressive in [false, true] {
            let whole = [UInt8](try JPEGBuilder.jpeg(page, progressive: progressive))
            XCTAssertEqual(Array(whole.suffix(2)), [0xFF, 0xD9])
            let reference = try ScanDecoder.decode(try write(Data(whole), "whole.jpg"))
            let end = whole.count - 2
            for stray in [[0x00, 0x00], [0x12, 0x34, 0x56]] as [[UInt8]] {
                let url = try write(Data(whole.prefix(end) + stray + whole.suffix(2)), "stray-end.jpg")
                let decoded = try ScanDecoder.decode(url)
                XCTAssertEqual(decoded.raster.pixels, reference.raster.pixels, "progressive \(progressive), \(stray.count) stray bytes")
            }
            let cut = try write(Data(whole.prefix(whole.count / 2) + [0x00, 0x00, 0xFF, 0xD9]), "cut-stray-end.jpg")
            XCTAssertThrowsError(try ScanDecoder.decode(cut), "progressive \(progressive): cut short, then stray bytes") { error in
                XCTAssertEqual((error as? ImagingError)?.kind, .corrupt, "\(error)")
            }
        }
    }

    /// The frame header's size, read without libjpeg-turbo (the fuzzer leaves large pages undecoded by
    /// it): baseline and progressive; nothing when the data ends inside the frame header.
    func testTheFrameHeaderGivesThePageSize() throws {
        let page = SyntheticPage.text(degrees: 0, width: 300, height: 400)
        for progressive in [false, true] {
            let bytes = [UInt8](try JPEGBuilder.jpeg(page, progressive: progressive))
            let markers = JPEGMarkers(bytes)
            XCTAssertEqual(markers.frameWidth, 300, "progressive \(progressive)")
            XCTAssertEqual(markers.frameHeight, 400, "progressive \(progressive)")
            XCTAssertEqual(markers.progressive, progressive)
            let frame = try XCTUnwrap(bytes.indices.dropLast().first { bytes[$0] == 0xFF && JPEGMarkers.isFrameHeader(bytes[$0 + 1]) })
            XCTAssertNil(JPEGMarkers(Array(bytes.prefix(frame + 6))).frameWidth, "the frame header cut short")
        }
    }
}
