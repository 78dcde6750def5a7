import Foundation
import SohoaImaging
import SohoaTesting
import XCTest

/// TIFF layouts the real scans do not cover, built byte by byte: exact decoded pixels.
final class SyntheticTIFFTests: XCTestCase {
    private func decode(_ bytes: [UInt8], page: Int = 0) throws -> DecodedScan {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("page.tif")
        try Data(bytes).write(to: url)
        return try ScanDecoder.decode(url, page: page)
    }

    func testBilevelMinIsBlackAndMinIsWhitePackBits() throws {
        // Row 0: 11110000 00001111, row 1: 10101010 01010101 (16 px wide).
        let rows: [UInt8] = [0xF0, 0x0F, 0xAA, 0x55]
        let bits: [Bool] = rows.flatMap { byte -> [Bool] in (0..<8).map { (byte << $0) & 0x80 != 0 } }
        let minIsBlack = try decode(
            TIFFBuilder().file([
                .init(tags: TIFFBuilder.tags(width: 16, height: 2, bits: [1], photometric: 1), chunks: [rows])
            ]))
        XCTAssertEqual(minIsBlack.technical.colorModel, "bilevel")
        XCTAssertEqual(minIsBlack.raster.layout, .gray)
        XCTAssertEqual(minIsBlack.raster.pixels, bits.map { $0 ? 255 : 0 })

        // PackBits: a literal run of 2 bytes per row (header byte n-1 = 1).
        let packed: [UInt8] = [0x01, 0xF0, 0x0F, 0x01, 0xAA, 0x55]
        let minIsWhite = try decode(
            TIFFBuilder().file([
                .init(
                    tags: TIFFBuilder.tags(width: 16, height: 2, bits: [1], photometric: 0, compression: 32773),
                    chunks: [packed])
            ]))
        XCTAssertEqual(minIsWhite.technical.compression, "PackBits")
        XCTAssertEqual(minIsWhite.raster.pixels, bits.map { $0 ? 0 : 255 })
    }

    func testPaletteColourAndGray() throws {
        var colour = TIFFBuilder.tags(width: 2, height: 2, bits: [8], photometric: 3)
        var map = [UInt16](repeating: 0, count: 768)
        let entries: [(UInt16, UInt16, UInt16)] = [(65535, 0, 0), (0, 65535, 0), (0, 0, 65535), (65535, 65535, 65535)]
        for (index, entry) in entries.enumerated() {
            map[index] = entry.0
            map[256 + index] = entry.1
            map[512 + index] = entry.2
        }
        colour[320] = .shorts(map)
        let scan = try decode(TIFFBuilder().file([.init(tags: colour, chunks: [[0, 1, 2, 3]])]))
        XCTAssertEqual(scan.technical.colorModel, "palette")
        XCTAssertEqual(scan.raster.layout, .rgb)
        XCTAssertEqual(scan.raster.pixels, [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255])

        var gray = TIFFBuilder.tags(width: 2, height: 2, bits: [8], photometric: 3)
        let ramp = (0..<256).map { UInt16($0) * 257 }
        gray[320] = .shorts(ramp + ramp + ramp)
        let grayScan = try decode(TIFFBuilder().file([.init(tags: gray, chunks: [[0, 50, 200, 255]])]))
        XCTAssertEqual(grayScan.raster.layout, .gray, "a gray colormap decodes to gray")
        XCTAssertEqual(grayScan.raster.pixels, [0, 50, 200, 255])
    }

    func testCMYK() throws {
        // White, black (K), cyan, red (magenta + yellow).
        let pixels: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 255, 255, 0, 0, 0, 0, 255, 255, 0]
        let scan = try decode(
            TIFFBuilder().file([
                .init(
                    tags: TIFFBuilder.tags(width: 4, height: 1, bits: [8, 8, 8, 8], photometric: 5), chunks: [pixels])
            ]))
        XCTAssertEqual(scan.technical.colorModel, "cmyk")
        XCTAssertEqual(scan.technical.samplesPerPixel, 4)
        XCTAssertFalse(scan.technical.hasAlpha)
        XCTAssertEqual(scan.raster.layout, .rgb)
        XCTAssertEqual(scan.raster.pixels, [255, 255, 255, 0, 0, 0, 0, 255, 255, 255, 0, 0])
    }

    func testTiledGray() throws {
        let width = 20
        let height = 20
        let expected = (0..<(width * height)).map { UInt8(($0 % width) * 10 + ($0 / width)) }
        var tiles: [[UInt8]] = []
        for tileY in 0..<2 {
            for tileX in 0..<2 {
                var tile = [UInt8](repeating: 0, count: 256)
                for y in 0..<16 {
                    for x in 0..<16 {
                        let sx = tileX * 16 + x
                        let sy = tileY * 16 + y
                        if sx < width, sy < height { tile[y * 16 + x] = expected[sy * width + sx] }
                    }
                }
                tiles.append(tile)
            }
        }
        var tags = TIFFBuilder.tags(width: width, height: height, bits: [8], photometric: 1)
        tags[278] = nil
        tags[322] = .longs([16])
        tags[323] = .longs([16])
        let scan = try decode(TIFFBuilder().file([.init(tags: tags, chunks: tiles, tiled: true)]))
        XCTAssertEqual(scan.raster.layout, .gray)
        XCTAssertEqual(scan.raster.pixels, expected)
    }

    func testSeparatePlanesRGB() throws {
        var tags = TIFFBuilder.tags(width: 2, height: 1, bits: [8, 8, 8], photometric: 2)
        tags[284] = .shorts([2])
        let scan = try decode(TIFFBuilder().file([.init(tags: tags, chunks: [[10, 20], [30, 40], [50, 60]])]))
        XCTAssertEqual(scan.raster.layout, .rgb)
        XCTAssertEqual(scan.raster.pixels, [10, 30, 50, 20, 40, 60])
    }

    func testUnassociatedAlphaIsCompositedOnWhite() throws {
        var tags = TIFFBuilder.tags(width: 3, height: 1, bits: [8, 8, 8, 8], photometric: 2)
        tags[338] = .shorts([2])
        let scan = try decode(
            TIFFBuilder().file([.init(tags: tags, chunks: [[0, 0, 0, 0, 0, 0, 0, 255, 0, 0, 0, 128]])]))
        XCTAssertTrue(scan.technical.hasAlpha)
        XCTAssertEqual(scan.raster.layout, .rgb)
        XCTAssertEqual(Array(scan.raster.pixels[0..<6]), [255, 255, 255, 0, 0, 0])
        XCTAssertEqual(Int(scan.raster.pixels[6]), 127, accuracy: 1)
    }

    func testSixteenBitBigEndianGray() throws {
        let builder = TIFFBuilder(bigEndian: true)
        var data: [UInt8] = []
        for value: UInt16 in [0, 65535, 32896, 257] { builder.append16(value, to: &data) }
        let scan = try decode(
            builder.file([
                .init(tags: TIFFBuilder.tags(width: 4, height: 1, bits: [16], photometric: 1), chunks: [data])
            ]))
        XCTAssertEqual(scan.technical.bitsPerSample, 16)
        XCTAssertEqual(scan.raster.pixels, [0, 255, 128, 1])
    }

    func testMultiPageCentimetreResolutionAndOrientation() throws {
        var first = TIFFBuilder.tags(width: 2, height: 1, bits: [8], photometric: 1)
        first[282] = .rational(11811, 100)  // 118.11 px/cm = 300 dpi
        first[283] = .rational(11811, 100)
        first[296] = .shorts([3])
        var second = TIFFBuilder.tags(width: 1, height: 2, bits: [8], photometric: 1)
        second[274] = .shorts([4])  // bottom-left: rows stored bottom to top
        let bytes = TIFFBuilder().file([
            .init(tags: first, chunks: [[1, 2]]), .init(tags: second, chunks: [[10, 200]]),
        ])
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("two-pages.tif")
        try Data(bytes).write(to: url)
        XCTAssertEqual(try ScanDecoder.inspect(url), ScanFileInfo(format: .tiff, pageCount: 2))
        let page0 = try ScanDecoder.decode(url, page: 0)
        XCTAssertEqual(try XCTUnwrap(page0.technical.resolutionX), 300, accuracy: 0.01)
        XCTAssertEqual(page0.raster.pixels, [1, 2])
        let page1 = try ScanDecoder.decode(url, page: 1)
        XCTAssertEqual(page1.technical.pageIndex, 1)
        XCTAssertEqual(page1.technical.pageCount, 2)
        XCTAssertNil(page1.technical.resolutionX)
        XCTAssertEqual(page1.raster.pixels, [200, 10], "orientation is applied: top row first")
    }
}
