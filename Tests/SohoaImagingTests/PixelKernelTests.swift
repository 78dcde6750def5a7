import SohoaTesting
import XCTest

@testable import SohoaImaging

/// The fast pixel loops of the normalize stage give what their plain definitions give: block means,
/// bilinear rotation, projection profiles, connected specks, the light division and rank selection,
/// each checked against a straightforward version on random images.
final class PixelKernelTests: XCTestCase {
    private func randomRaster(width: Int, height: Int, layout: Raster.Layout = .gray, seed: UInt64) -> Raster {
        var random = SplitMix64(seed: seed)
        var pixels = [UInt8](repeating: 0, count: width * height * layout.rawValue)
        for index in pixels.indices { pixels[index] = UInt8(truncatingIfNeeded: random.next()) }
        return Raster(width: width, height: height, layout: layout, pixels: pixels)
    }

    /// Sparse ink (0) on paper (255): blobs of one to a few pixels, some touching.
    private func speckled(width: Int, height: Int, seed: UInt64) -> Raster {
        var random = SplitMix64(seed: seed)
        var raster = Raster(width: width, height: height)
        for _ in 0..<(width * height / 40) {
            let x = Int(random.next() % UInt64(width))
            let y = Int(random.next() % UInt64(height))
            let size = 1 + Int(random.next() % 3)
            for dy in 0..<size where y + dy < height {
                for dx in 0..<size where x + dx < width { raster.pixels[(y + dy) * width + x + dx] = 0 }
            }
        }
        return raster
    }

    func testReducedIsTheRoundedMeanOfEachBlock() {
        var seed: UInt64 = 1
        for (width, height) in [(1, 1), (5, 3), (17, 29), (40, 41), (123, 77)] {
            for factor in [2, 3, 4, 7, 12, 50] {
                seed += 1
                let gray = randomRaster(width: width, height: height, seed: seed)
                let reduced = Binarization.reduced(gray, by: factor)
                XCTAssertEqual(reduced.width, (width + factor - 1) / factor)
                XCTAssertEqual(reduced.height, (height + factor - 1) / factor)
                for blockY in 0..<reduced.height {
                    for blockX in 0..<reduced.width {
                        var sum = 0
                        var count = 0
                        for y in (blockY * factor)..<min(height, (blockY + 1) * factor) {
                            for x in (blockX * factor)..<min(width, (blockX + 1) * factor) {
                                sum += Int(gray.pixels[y * width + x])
                                count += 1
                            }
                        }
                        XCTAssertEqual(
                            Int(reduced.pixels[blockY * reduced.width + blockX]), (sum + count / 2) / count,
                            "\(width)×\(height) by \(factor), block (\(blockX), \(blockY))")
                    }
                }
            }
        }
    }

    /// The rotation as first written: every pixel's master position in floating point.
    private func referenceRotation(_ raster: Raster, degrees: Double, fill: UInt8) -> Raster {
        let radians = degrees * .pi / 180
        let (cosine, sine) = (cos(radians), sin(radians))
        let channels = raster.layout.rawValue
        let (w, h) = (raster.width, raster.height)
        var output = [UInt8](repeating: fill, count: raster.pixels.count)
        for y in 0..<h {
            for x in 0..<w {
                let dx = Double(x) + 0.5 - Double(w) / 2
                let dy = Double(y) + 0.5 - Double(h) / 2
                let sx = dx * cosine - dy * sine + Double(w) / 2 - 0.5
                let sy = dx * sine + dy * cosine + Double(h) / 2 - 0.5
                if sx <= -1 || sy <= -1 || sx >= Double(w) || sy >= Double(h) { continue }
                let (fx, fy) = (sx.rounded(.down), sy.rounded(.down))
                let (x0, y0) = (Int(fx), Int(fy))
                for c in 0..<channels {
                    func sample(_ px: Int, _ py: Int) -> Double {
                        px >= 0 && py >= 0 && px < w && py < h
                            ? Double(raster.pixels[(py * w + px) * channels + c]) : Double(fill)
                    }
                    let top = sample(x0, y0) + (sample(x0 + 1, y0) - sample(x0, y0)) * (sx - fx)
                    let bottom = sample(x0, y0 + 1) + (sample(x0 + 1, y0 + 1) - sample(x0, y0 + 1)) * (sx - fx)
                    output[(y * w + x) * channels + c] = UInt8(
                        min(255, max(0, (top + (bottom - top) * (sy - fy)).rounded())))
                }
            }
        }
        return Raster(width: w, height: h, layout: raster.layout, pixels: output)
    }

    func testRotationMatchesFloatingPointBilinear() {
        for (layout, size) in [(Raster.Layout.gray, (97, 64)), (.rgb, (40, 53))] {
            let raster = randomRaster(width: size.0, height: size.1, layout: layout, seed: 11)
            for degrees in [-14.0, -3.2, -0.15, 0.4, 2.7, 45, 90, 181] {
                let fast = raster.rotated(degrees: degrees, fill: 200)
                let reference = referenceRotation(raster, degrees: degrees, fill: 200)
                // 8-bit weights against exact ones: at most a level or two apart.
                var worst = 0
                for index in fast.pixels.indices {
                    worst = max(worst, abs(Int(fast.pixels[index]) - Int(reference.pixels[index])))
                }
                XCTAssertLessThanOrEqual(worst, 2, "\(layout) at \(degrees)°")
            }
        }
    }

    func testProjectionEqualsAddingInkPointByPoint() throws {
        let (width, height) = (151, 97)
        var random = SplitMix64(seed: 5)
        let mask = (0..<(width * height)).map { _ in random.next() % 7 == 0 ? UInt8(1) : 0 }
        let rows = try XCTUnwrap(ProjectionCounts(mask, width: width, height: height))
        let columns = try XCTUnwrap(ProjectionCounts(transposing: mask, width: width, height: height))
        XCTAssertEqual(rows.inkCount, mask.reduce(0) { $0 + Int($1) })
        XCTAssertEqual(columns.inkCount, rows.inkCount)
        for (counts, transposed) in [(rows, false), (columns, true)] {
            let layout = ProjectionCounts.layout(width: counts.width, height: counts.height, maxDegrees: 15)
            var bins = [Int32](repeating: 7, count: layout.bins)
            for degrees in stride(from: -15.0, through: 15, by: 0.7) {
                counts.project(degrees: degrees, margin: layout.margin, into: &bins)
                var expected = [Int32](repeating: 0, count: layout.bins)
                let slope = tan(degrees * .pi / 180)
                for y in 0..<height {
                    for x in 0..<width where mask[y * width + x] == 1 {
                        let (u, v) = transposed ? (y, x) : (x, y)
                        expected[v + Int((Double(u) * slope).rounded()) + layout.margin] += 1
                    }
                }
                XCTAssertEqual(bins, expected, "\(transposed ? "columns" : "rows") at \(degrees)°")
            }
        }
        // From a gray page: the pixels below the threshold.
        let gray = Raster(width: width, height: height, layout: .gray, pixels: mask.map { $0 == 1 ? 30 : 220 })
        XCTAssertEqual(ProjectionCounts(gray, below: 128)?.inkCount, rows.inkCount)
    }

    func testInkRunsFindTheSameComponentsAsAFloodFill() {
        let (width, height) = (173, 121)
        let page = speckled(width: width, height: height, seed: 3)
        let runs = InkRuns(page, below: 128)
        // Flood fill, 8-connected.
        var seen = [Bool](repeating: false, count: width * height)
        var expected: [[Int]] = []
        for start in seen.indices where page.pixels[start] < 128 && !seen[start] {
            var stack = [start]
            seen[start] = true
            var box = [0, width, 0, height, 0]  // area, minX, maxX, minY, maxY
            box[2] = -1
            box[4] = -1
            while let index = stack.popLast() {
                let (x, y) = (index % width, index / width)
                box = [box[0] + 1, min(box[1], x), max(box[2], x), min(box[3], y), max(box[4], y)]
                for ny in max(0, y - 1)...min(height - 1, y + 1) {
                    for nx in max(0, x - 1)...min(width - 1, x + 1) where page.pixels[ny * width + nx] < 128 {
                        if !seen[ny * width + nx] {
                            seen[ny * width + nx] = true
                            stack.append(ny * width + nx)
                        }
                    }
                }
            }
            expected.append(box)
        }
        let found = runs.components().map { [$0.area, $0.minX, $0.maxX, $0.minY, $0.maxY] }
        XCTAssertGreaterThan(expected.count, 100)
        XCTAssertEqual(found.sorted { $0.lexicographicallyPrecedes($1) }, expected.sorted { $0.lexicographicallyPrecedes($1) })

        // Ink in a window, counted exactly up to the limit.
        var random = SplitMix64(seed: 9)
        for _ in 0..<200 {
            let x0 = Int(random.next() % UInt64(width))
            let y0 = Int(random.next() % UInt64(height))
            let x1 = min(width - 1, x0 + Int(random.next() % 30))
            let y1 = min(height - 1, y0 + Int(random.next() % 30))
            var dark = 0
            for y in y0...y1 { for x in x0...x1 where page.pixels[y * width + x] < 128 { dark += 1 } }
            XCTAssertEqual(runs.inkPixels(x0: x0, x1: x1, y0: y0, y1: y1, limit: .max), dark)
            XCTAssertEqual(runs.inkPixels(x0: x0, x1: x1, y0: y0, y1: y1, limit: dark), dark)
            if dark > 0 { XCTAssertGreaterThan(runs.inkPixels(x0: x0, x1: x1, y0: y0, y1: y1, limit: dark - 1), dark - 1) }
        }
    }

    func testLightDivisionMatchesDoublePrecision() {
        var differences = 0
        var total = 0
        for light in stride(from: 16.0, through: 255, by: 0.173) {
            for sample in 0...255 {
                let exact = min(255, Int(Double(sample) * 255 / Double(Float(light))))
                let fast = Int(LightGrid.quotient(UInt8(sample), Float(light)))
                XCTAssertLessThanOrEqual(abs(fast - exact), 1, "\(sample) / \(light)")
                if fast != exact { differences += 1 }
                total += 1
            }
        }
        // Single precision rounds a quotient across an integer only when it lies within ~1e-5 of it.
        XCTAssertLessThan(Double(differences) / Double(total), 0.001)
    }

    func testValueAtRankIsTheSortedValue() {
        var random = SplitMix64(seed: 21)
        for count in [1, 2, 10, 200, 2500, 9000] {
            let values = (0..<count).map { _ in Int32(random.next() % 50) - (random.next() % 5 == 0 ? 0 : 10) }
            for rank in Set([0, count / 2, count * 995 / 1000, count - 1]) {
                XCTAssertEqual(OrientationDetector.value(atRank: rank, of: values), values.sorted()[rank], "rank \(rank) of \(count)")
            }
        }
    }
}
