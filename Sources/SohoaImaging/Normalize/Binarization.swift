/// Thresholds and block reduction shared by the normalization steps.
enum Binarization {
    /// Otsu's threshold for 8-bit gray samples: values `< threshold` are ink. `nil` when the two
    /// classes are less than `minimumContrast` levels apart (a blank or flat image).
    static func otsuThreshold(_ pixels: [UInt8], minimumContrast: Double = 40) -> Int? {
        otsuThreshold(histogram: histogram(pixels), minimumContrast: minimumContrast)
    }

    /// The 256-bin histogram of 8-bit samples.
    static func histogram(_ pixels: [UInt8]) -> [Int] {
        // Four interleaved counters per level: runs of one level (white paper) would otherwise make
        // every increment wait for the previous one.
        var counters = [Int](repeating: 0, count: 4 * 256)
        counters.withUnsafeMutableBufferPointer { counts in
            pixels.withUnsafeBufferPointer { samples in
                let quads = samples.count / 4
                for index in 0..<quads {
                    counts[Int(samples[4 * index])] &+= 1
                    counts[256 | Int(samples[4 * index + 1])] &+= 1
                    counts[512 | Int(samples[4 * index + 2])] &+= 1
                    counts[768 | Int(samples[4 * index + 3])] &+= 1
                }
                for index in (4 * quads)..<samples.count { counts[Int(samples[index])] &+= 1 }
            }
        }
        return (0..<256).map { counters[$0] + counters[256 + $0] + counters[512 + $0] + counters[768 + $0] }
    }

    /// The level at position `rank` of the samples sorted ascending (`sorted[rank]`), from a histogram.
    static func level(atRank rank: Int, of pixels: [UInt8]) -> Int {
        let counts = histogram(pixels)
        var cumulative = 0
        for level in 0..<256 {
            cumulative += counts[level]
            if cumulative > rank { return level }
        }
        return 255
    }

    /// Otsu's threshold from a 256-bin histogram.
    static func otsuThreshold(histogram: [Int], minimumContrast: Double = 40) -> Int? {
        let total = Double(histogram.reduce(0, +))
        guard total > 0 else { return nil }
        var sumAll = 0.0
        for level in 0..<256 { sumAll += Double(level * histogram[level]) }
        var weightDark = 0.0
        var sumDark = 0.0
        var best = -1.0
        var threshold = 0
        var bestMeans = (0.0, 0.0)
        for level in 0..<256 {
            weightDark += Double(histogram[level])
            if weightDark == 0 { continue }
            let weightLight = total - weightDark
            if weightLight == 0 { break }
            sumDark += Double(level * histogram[level])
            let meanDark = sumDark / weightDark
            let meanLight = (sumAll - sumDark) / weightLight
            let between = weightDark * weightLight * (meanDark - meanLight) * (meanDark - meanLight)
            if between > best {
                best = between
                threshold = level + 1
                bestMeans = (meanDark, meanLight)
            }
        }
        guard best > 0, bestMeans.1 - bestMeans.0 >= minimumContrast else { return nil }
        return threshold
    }

    /// The median level of the histogram's samples within `levels` (the range's lower bound when empty).
    static func median(_ histogram: [Int], in levels: Range<Int>) -> Int {
        let total = histogram[levels].reduce(0, +)
        guard total > 0 else { return levels.lowerBound }
        var cumulative = 0
        for level in levels {
            cumulative += histogram[level]
            if cumulative * 2 >= total { return level }
        }
        return levels.upperBound - 1
    }

    /// The mean of each `factor × factor` block of a gray raster (partial blocks at the edges averaged
    /// over what they cover).
    static func reduced(_ gray: Raster, by factor: Int) -> Raster {
        guard factor > 1 else { return gray }
        // A column of up to 257 samples sums to at most 65535: 16-bit sums, twice as many per vector.
        return factor <= 257 ? reduced(gray, by: factor, summingIn: UInt16.self) : reduced(gray, by: factor, summingIn: UInt32.self)
    }

    private static func reduced<Sum: FixedWidthInteger & UnsignedInteger>(
        _ gray: Raster, by factor: Int, summingIn _: Sum.Type
    ) -> Raster {
        let width = gray.width
        let height = gray.height
        let newWidth = (width + factor - 1) / factor
        let newHeight = (height + factor - 1) / factor
        var pixels = [UInt8](repeating: 0, count: newWidth * newHeight)
        // Column sums over one band of `factor` rows: one widening add per pixel, which vectorizes.
        var columnBuffer = [Sum](repeating: 0, count: width)
        // Blocks that lie wholly inside a row (all but possibly the last).
        let fullBlocks = width / factor
        gray.pixels.withUnsafeBufferPointer { source in
            pixels.withUnsafeMutableBufferPointer { target in
                columnBuffer.withUnsafeMutableBufferPointer { columns in
                    guard let base = source.baseAddress, let sums = columns.baseAddress else { return }
                    for blockY in 0..<newHeight {
                        let firstRow = blockY * factor
                        let rows = Swift.min(factor, height - firstRow)
                        let first = base + firstRow * width
                        for x in 0..<width { sums[x] = Sum(first[x]) }
                        for y in 1..<rows {
                            let row = first + y * width
                            for x in 0..<width { sums[x] &+= Sum(row[x]) }
                        }
                        let out = blockY * newWidth
                        let mean = BlockMean(count: rows * factor)
                        var block = sums
                        for blockX in 0..<fullBlocks {
                            var sum: UInt32 = 0
                            for x in 0..<factor { sum &+= UInt32(block[x]) }
                            block += factor
                            target[out &+ blockX] = mean.of(sum)
                        }
                        if fullBlocks < newWidth {
                            var sum: UInt32 = 0
                            for x in (fullBlocks * factor)..<width { sum &+= UInt32(sums[x]) }
                            let count = UInt32(rows * (width - fullBlocks * factor))
                            target[out + fullBlocks] = UInt8((sum + count / 2) / count)
                        }
                    }
                }
            }
        }
        return Raster(width: newWidth, height: newHeight, layout: .gray, pixels: pixels)
    }
}

/// The rounded mean `(sum + count / 2) / count` of `count` samples, by a multiplication when
/// `count` ≤ 2^16: `m = ⌈2^40 / count⌉` gives the exact quotient for every dividend below 2^24.
private struct BlockMean {
    let count: UInt64
    let multiplier: UInt64

    init(count: Int) {
        self.count = UInt64(count)
        multiplier = count <= 1 << 16 ? ((1 << 40) + UInt64(count) - 1) / UInt64(count) : 0
    }

    func of(_ sum: UInt32) -> UInt8 {
        let dividend = UInt64(sum) &+ count / 2
        guard multiplier > 0 else { return UInt8(truncatingIfNeeded: dividend / count) }
        return UInt8(truncatingIfNeeded: (dividend &* multiplier) >> 40)
    }
}
