/// Thresholds and block reduction shared by the normalization steps.
enum Binarization {
    /// Otsu's threshold for 8-bit gray samples: values `< threshold` are ink. `nil` when the two
    /// classes are less than `minimumContrast` levels apart (a blank or flat image).
    static func otsuThreshold(_ pixels: [UInt8], minimumContrast: Double = 40) -> Int? {
        otsuThreshold(histogram: histogram(pixels), minimumContrast: minimumContrast)
    }

    /// The 256-bin histogram of 8-bit samples.
    static func histogram(_ pixels: [UInt8]) -> [Int] {
        var histogram = [Int](repeating: 0, count: 256)
        histogram.withUnsafeMutableBufferPointer { counts in
            pixels.withUnsafeBufferPointer { samples in
                for value in samples { counts[Int(value)] += 1 }
            }
        }
        return histogram
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
        let width = gray.width
        let height = gray.height
        let newWidth = (width + factor - 1) / factor
        let newHeight = (height + factor - 1) / factor
        var pixels = [UInt8](repeating: 0, count: newWidth * newHeight)
        var sumBuffer = [UInt32](repeating: 0, count: newWidth)
        // Blocks that lie wholly inside a row (all but possibly the last).
        let fullBlocks = width / factor
        gray.pixels.withUnsafeBufferPointer { source in
            pixels.withUnsafeMutableBufferPointer { target in
                sumBuffer.withUnsafeMutableBufferPointer { sums in
                    for blockY in 0..<newHeight {
                        for index in 0..<newWidth { sums[index] = 0 }
                        let firstRow = blockY * factor
                        let rows = Swift.min(factor, height - firstRow)
                        for y in firstRow..<(firstRow + rows) {
                            let row = source.baseAddress! + y * width
                            var column = 0
                            for blockX in 0..<fullBlocks {
                                var sum: UInt32 = 0
                                for x in 0..<factor { sum &+= UInt32(row[column + x]) }
                                sums[blockX] &+= sum
                                column += factor
                            }
                            if fullBlocks < newWidth {
                                var sum: UInt32 = 0
                                for x in column..<width { sum &+= UInt32(row[x]) }
                                sums[fullBlocks] &+= sum
                            }
                        }
                        for blockX in 0..<newWidth {
                            let columns = Swift.min(factor, width - blockX * factor)
                            let count = UInt32(rows * columns)
                            target[blockY * newWidth + blockX] = UInt8((sums[blockX] + count / 2) / count)
                        }
                    }
                }
            }
        }
        return Raster(width: newWidth, height: newHeight, layout: .gray, pixels: pixels)
    }
}
