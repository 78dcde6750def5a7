import SohoaImaging
import SohoaTesting
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

    func testAreaAverageGivesTheSameSamplesAsSummingSpanBySpan() {
        // The resampler's loops are laid out for speed; its samples must stay those of the plain
        // span-by-span sums (the orientation checks and the access copies depend on them).
        var random = SplitMix64(seed: 19)
        for (width, height, layout, maxSide) in [
            (349, 251, Raster.Layout.gray, 200), (350, 499, .gray, 123), (97, 61, .rgb, 40), (1000, 7, .gray, 333),
        ] {
            let pixels = (0..<(width * height * layout.rawValue)).map { _ in UInt8(truncatingIfNeeded: random.next() >> 29) }
            let raster = Raster(width: width, height: height, layout: layout, pixels: pixels)
            let small = raster.downscaled(maxSide: maxSide)
            XCTAssertEqual(
                small.pixels, Self.spanBySpan(raster, toWidth: small.width, height: small.height), "\(width)×\(height) → \(maxSide)")
        }
    }

    /// Area averaging written the plain way (nested span arrays, sums in source order from zero).
    private static func spanBySpan(_ raster: Raster, toWidth newWidth: Int, height newHeight: Int) -> [UInt8] {
        func spans(count: Int, scale: Double, limit: Int) -> [[(Int, Float)]] {
            (0..<count).map { index in
                let start = Double(index) * scale
                let end = min(Double(limit), Double(index + 1) * scale)
                var result: [(Int, Float)] = []
                var position = Int(start)
                while Double(position) < end, position < limit {
                    let covered = min(end, Double(position + 1)) - max(start, Double(position))
                    if covered > 0 { result.append((position, Float(covered / (end - start)))) }
                    position += 1
                }
                return result
            }
        }
        let channels = raster.layout.rawValue
        let columns = spans(count: newWidth, scale: Double(raster.width) / Double(newWidth), limit: raster.width)
        let rows = spans(count: newHeight, scale: Double(raster.height) / Double(newHeight), limit: raster.height)
        var horizontal = [Float](repeating: 0, count: newWidth * raster.height * channels)
        for y in 0..<raster.height {
            for x in 0..<newWidth {
                for (index, weight) in columns[x] {
                    for c in 0..<channels {
                        horizontal[(y * newWidth + x) * channels + c] +=
                            Float(raster.pixels[(y * raster.width + index) * channels + c]) * weight
                    }
                }
            }
        }
        let rowLength = newWidth * channels
        var output: [UInt8] = []
        for y in 0..<newHeight {
            var accumulator = [Float](repeating: 0, count: rowLength)
            for (row, weight) in rows[y] {
                for i in 0..<rowLength { accumulator[i] += horizontal[row * rowLength + i] * weight }
            }
            output += accumulator.map { UInt8(min(255, max(0, $0.rounded()))) }
        }
        return output
    }
}
