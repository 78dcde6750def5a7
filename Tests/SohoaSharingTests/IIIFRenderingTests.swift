import CTurboJPEG
import SohoaImaging
import XCTest

@testable import SohoaSharing

/// Rendering Image API answers from a small synthetic raster whose every pixel says where it is.
final class IIIFRenderingTests: XCTestCase {
    /// 40 × 30 RGB: red = x, green = y, blue = 200.
    private let source: Raster = {
        var pixels = [UInt8]()
        for y in 0..<30 {
            for x in 0..<40 { pixels += [UInt8(x), UInt8(y), 200] }
        }
        return Raster(width: 40, height: 30, layout: .rgb, pixels: pixels)
    }()

    private func pixel(_ raster: Raster, _ x: Int, _ y: Int) -> [UInt8] {
        let channels = raster.layout.rawValue
        let start = (y * raster.width + x) * channels
        return Array(raster.pixels[start..<(start + channels)])
    }

    private func render(_ region: String, _ size: String, _ rotation: String = "0", _ file: String = "default.png") throws -> Raster {
        try IIIFImageRenderer.render(source, IIIFImageRequest(region: region, size: size, rotation: rotation, qualityAndFormat: file))
    }

    func testRegionPixelsMatchTheSource() throws {
        let region = try render("5,7,10,4", "max")
        XCTAssertEqual([region.width, region.height], [10, 4])
        for y in 0..<4 {
            for x in 0..<10 { XCTAssertEqual(pixel(region, x, y), [UInt8(5 + x), UInt8(7 + y), 200]) }
        }
        let square = try render("square", "max")
        XCTAssertEqual([square.width, square.height], [30, 30])
        XCTAssertEqual(pixel(square, 0, 0), [5, 0, 200])
        let percent = try render("pct:50,50,50,50", "max")
        XCTAssertEqual([percent.width, percent.height], [20, 15])
        XCTAssertEqual(pixel(percent, 0, 0), [20, 15, 200])
    }

    func testScalingAveragesAndKeepsPositions() throws {
        let half = try render("full", "20,")
        XCTAssertEqual([half.width, half.height], [20, 15])
        // Each output pixel is the mean of a 2×2 block: x = 2i + 0.5, y = 2j + 0.5 (rounded).
        XCTAssertEqual(pixel(half, 3, 4), [7, 9, 200].map(UInt8.init))
        let exact = try render("full", "10,30")
        XCTAssertEqual([exact.width, exact.height], [10, 30])
        XCTAssertEqual(pixel(exact, 0, 5), [2, 5, 200], "a 4-pixel-wide box averaged, rows kept")
        let up = try render("0,0,4,4", "^8,8")
        XCTAssertEqual([up.width, up.height], [8, 8])
        XCTAssertEqual(pixel(up, 0, 0), [0, 0, 200])
        XCTAssertEqual(pixel(up, 7, 7), [3, 3, 200])
    }

    func testRotationAndMirroring() throws {
        let turned = try render("full", "max", "90")
        XCTAssertEqual([turned.width, turned.height], [30, 40])
        // Turned clockwise: the source's bottom-left corner comes to the top left.
        XCTAssertEqual(pixel(turned, 0, 0), [0, 29, 200])
        XCTAssertEqual(pixel(turned, 29, 0), [0, 0, 200])
        let mirrored = try render("full", "max", "!0")
        XCTAssertEqual(pixel(mirrored, 0, 0), [39, 0, 200])
        let upsideDown = try render("full", "max", "180")
        XCTAssertEqual(pixel(upsideDown, 0, 0), [39, 29, 200])
        let mirroredTurned = try render("full", "max", "!90")
        XCTAssertEqual(pixel(mirroredTurned, 0, 0), [39, 29, 200])
    }

    func testQualities() throws {
        let gray = try render("full", "max", "0", "gray.png")
        XCTAssertEqual(gray.layout, .gray)
        let bitonal = try render("full", "max", "0", "bitonal.png")
        XCTAssertEqual(bitonal.layout, .gray)
        XCTAssertTrue(bitonal.pixels.allSatisfy { $0 == 0 || $0 == 255 })
        XCTAssertEqual(try render("full", "max", "0", "default.png").layout, .rgb)
        let grayMaster = Raster(width: 4, height: 4, layout: .gray, filledWith: 77)
        let colored = try IIIFImageRenderer.render(
            grayMaster, IIIFImageRequest(region: "full", size: "max", rotation: "0", qualityAndFormat: "color.jpg"))
        XCTAssertEqual(colored.layout, .rgb)
        XCTAssertEqual(pixel(colored, 1, 1), [77, 77, 77])
        XCTAssertEqual(
            try IIIFImageRenderer.render(
                grayMaster, IIIFImageRequest(region: "full", size: "max", rotation: "0", qualityAndFormat: "default.jpg")
            )
            .layout, .gray)
    }

    func testRequestsOutsideTheImageAreRefused() {
        XCTAssertThrowsError(try render("40,0,5,5", "max")) { XCTAssertEqual(($0 as? IIIFError)?.kind, .badRequest) }
        XCTAssertThrowsError(try render("full", "41,")) { XCTAssertEqual(($0 as? IIIFError)?.kind, .badRequest) }
    }

    func testJPEGIsAWholeFileOfTheRightSizeAndColour() throws {
        var pixels = [UInt8]()
        for _ in 0..<(64 * 48) { pixels += [200, 40, 40] }
        let red = Raster(width: 64, height: 48, layout: .rgb, pixels: pixels)
        let jpeg = try IIIFImageRenderer.encode(red, as: .jpg)
        XCTAssertEqual(Array(jpeg.prefix(2)), [0xFF, 0xD8], "SOI marker")
        XCTAssertEqual(Array(jpeg.suffix(2)), [0xFF, 0xD9], "EOI marker")
        let decoder = try XCTUnwrap(tjInitDecompress())
        defer { tjDestroy(decoder) }
        var width: Int32 = 0
        var height: Int32 = 0
        var subsampling: Int32 = 0
        var colorspace: Int32 = 0
        let header = jpeg.withUnsafeBufferPointer {
            tjDecompressHeader3(decoder, $0.baseAddress, UInt($0.count), &width, &height, &subsampling, &colorspace)
        }
        XCTAssertEqual(header, 0)
        XCTAssertEqual([width, height], [64, 48])
        var decoded = [UInt8](repeating: 0, count: 64 * 48 * 3)
        let status = jpeg.withUnsafeBufferPointer { input in
            decoded.withUnsafeMutableBufferPointer { output in
                tjDecompress2(decoder, input.baseAddress, UInt(input.count), output.baseAddress, 64, 0, 48, Int32(TJPF_RGB.rawValue), 0)
            }
        }
        XCTAssertEqual(status, 0)
        let middle = (24 * 64 + 32) * 3
        for (got, want) in zip(decoded[middle..<(middle + 3)], [200, 40, 40] as [Int]) {
            XCTAssertLessThan(abs(Int(got) - want), 4, "colour kept")
        }

        let gray = try IIIFImageRenderer.encode(Raster(width: 10, height: 7, layout: .gray, filledWith: 100), as: .jpg)
        let grayHeader = gray.withUnsafeBufferPointer {
            tjDecompressHeader3(decoder, $0.baseAddress, UInt($0.count), &width, &height, &subsampling, &colorspace)
        }
        XCTAssertEqual(grayHeader, 0)
        XCTAssertEqual([width, height], [10, 7])
        XCTAssertEqual(subsampling, Int32(TJSAMP_GRAY.rawValue))
    }

    func testPNGRoundTrip() throws {
        let png = try IIIFImageRenderer.encode(source, as: .png)
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sohoa-iiif-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(png).write(to: file)
        XCTAssertEqual(try ScanDecoder.decode(file).raster, source)
    }

    func testServiceCachesDecodedMastersAndAnswers() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sohoa-iiif-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(try PNGEncoder.encode(source)).write(to: file)
        let service = IIIFImageService(settings: IIIFSettings(concurrentRenders: 2))
        let image = IIIFImageSource(contentKey: "k", file: file)
        let size = try await service.size(of: image)
        XCTAssertEqual([size.width, size.height], [40, 30])
        let request = try IIIFImageRequest(region: "0,0,10,10", size: "max", rotation: "0", qualityAndFormat: "default.png")
        let plan = try await service.plan(request, for: image)
        let first = try await service.render(plan, from: image)
        XCTAssertEqual(first.mediaType, "image/png")
        // The file is gone: answers and sizes now come from the caches.
        try FileManager.default.removeItem(at: file)
        let again = try await service.render(try await service.plan(request, for: image), from: image)
        XCTAssertEqual(again.bytes, first.bytes)
        let other = try await service.render(
            try await service.plan(
                try IIIFImageRequest(region: "full", size: "20,", rotation: "0", qualityAndFormat: "default.jpg"), for: image),
            from: image)
        XCTAssertEqual(other.mediaType, "image/jpeg")
        XCTAssertEqual(service.rendersMade, 2)
        do {
            let missing = IIIFImageSource(contentKey: "missing", file: file)
            _ = try await service.render(try await service.plan(request, for: missing), from: missing)
            XCTFail("a missing master was rendered")
        } catch {
            XCTAssertEqual(error.kind, .serverError)
        }
    }

    /// The row-by-row scaling gives exactly what two whole passes over the same taps give, for
    /// shrinking and growing by odd factors (as the validator's pct:45…75 asks).
    func testRowByRowScalingMatchesTwoWholePasses() throws {
        var generator = SystemRandomNumberGenerator()
        let master = Raster(
            width: 97, height: 83, layout: .rgb, pixels: (0..<(97 * 83 * 3)).map { _ in UInt8.random(in: 0...255, using: &generator) })
        for (w, h) in [(44, 37), (73, 62), (50, 50), (96, 82), (1, 1), (97, 40), (150, 120), (200, 83)] {
            let scaled = try master.resized(toWidth: w, height: h)
            XCTAssertEqual(scaled.pixels, Self.twoPasses(master, w, h), "\(w)×\(h)")
        }
    }

    /// The reference: the horizontal pass over every row, then the vertical pass.
    private static func twoPasses(_ raster: Raster, _ newWidth: Int, _ newHeight: Int) -> [UInt8] {
        let channels = raster.layout.rawValue
        let columns = Raster.taps(from: raster.width, to: newWidth)
        let rows = Raster.taps(from: raster.height, to: newHeight)
        var horizontal = [Float](repeating: 0, count: newWidth * raster.height * channels)
        for y in 0..<raster.height {
            for x in 0..<newWidth {
                for tap in columns[x] {
                    for c in 0..<channels {
                        horizontal[(y * newWidth + x) * channels + c] +=
                            Float(raster.pixels[(y * raster.width + tap.index) * channels + c]) * tap.weight
                    }
                }
            }
        }
        var output = [UInt8](repeating: 0, count: newWidth * newHeight * channels)
        for y in 0..<newHeight {
            for i in 0..<(newWidth * channels) {
                var sum: Float = 0
                for tap in rows[y] { sum += horizontal[tap.index * newWidth * channels + i] * tap.weight }
                output[y * newWidth * channels + i] = UInt8(min(255, max(0, sum.rounded())))
            }
        }
        return output
    }

    func testCacheEvictsTheLeastRecentlyUsedPastItsBudget() {
        let cache = IIIFCache<[UInt8]>(budget: 100)
        cache.insert([1], for: "a", cost: 40)
        cache.insert([2], for: "b", cost: 40)
        XCTAssertEqual(cache.value(for: "a"), [1])
        cache.insert([3], for: "c", cost: 40)
        XCTAssertNil(cache.value(for: "b"), "b was used least recently")
        XCTAssertEqual(cache.value(for: "a"), [1])
        XCTAssertEqual(cache.value(for: "c"), [3])
        XCTAssertEqual(cache.totalCost, 80)
        cache.insert([4], for: "huge", cost: 500)
        XCTAssertEqual(cache.count, 1, "an entry over budget is kept alone")
        XCTAssertEqual(cache.value(for: "huge"), [4])
    }
}
