import SohoaImaging

extension Raster {
    /// A copy resampled to exactly `newWidth` × `newHeight` (the aspect ratio may change). Each axis
    /// on its own: area averaging where it shrinks (no aliasing), bilinear interpolation where it grows.
    public func resized(toWidth newWidth: Int, height newHeight: Int) -> Raster {
        if newWidth == width, newHeight == height { return self }
        let channels = layout.rawValue
        let columns = Self.taps(from: width, to: newWidth)
        let rows = Self.taps(from: height, to: newHeight)
        // Horizontal pass: height rows of newWidth pixels, as floats.
        var horizontal = [Float](repeating: 0, count: newWidth * height * channels)
        pixels.withUnsafeBufferPointer { source in
            horizontal.withUnsafeMutableBufferPointer { target in
                for y in 0..<height {
                    let sourceRow = y * width * channels
                    let targetRow = y * newWidth * channels
                    for x in 0..<newWidth {
                        for tap in columns[x] {
                            let from = sourceRow + tap.index * channels
                            let to = targetRow + x * channels
                            for c in 0..<channels { target[to + c] += Float(source[from + c]) * tap.weight }
                        }
                    }
                }
            }
        }
        // Vertical pass into bytes.
        let rowLength = newWidth * channels
        var output = [UInt8](repeating: 0, count: rowLength * newHeight)
        horizontal.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                var accumulator = [Float](repeating: 0, count: rowLength)
                for y in 0..<newHeight {
                    for i in 0..<rowLength { accumulator[i] = 0 }
                    for tap in rows[y] {
                        let base = tap.index * rowLength
                        for i in 0..<rowLength { accumulator[i] += source[base + i] * tap.weight }
                    }
                    let outBase = y * rowLength
                    for i in 0..<rowLength {
                        target[outBase + i] = UInt8(Swift.min(255, Swift.max(0, accumulator[i].rounded())))
                    }
                }
            }
        }
        return Raster(width: newWidth, height: newHeight, layout: layout, pixels: output)
    }

    /// A copy mirrored left to right.
    public func mirrored() -> Raster {
        let channels = layout.rawValue
        var output = [UInt8](repeating: 0, count: pixels.count)
        pixels.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                for y in 0..<height {
                    let row = y * width * channels
                    for x in 0..<width {
                        let from = row + (width - 1 - x) * channels
                        for c in 0..<channels { target[row + x * channels + c] = source[from + c] }
                    }
                }
            }
        }
        return Raster(width: width, height: height, layout: layout, pixels: output)
    }

    /// A colour copy of a gray raster (each sample repeated three times); `self` when already colour.
    public func colored() -> Raster {
        guard layout == .gray else { return self }
        var output = [UInt8](repeating: 0, count: pixels.count * 3)
        for (index, value) in pixels.enumerated() {
            output[index * 3] = value
            output[index * 3 + 1] = value
            output[index * 3 + 2] = value
        }
        return Raster(width: width, height: height, layout: .rgb, pixels: output)
    }

    /// A black-and-white copy: gray samples at or above `threshold` become white, the rest black.
    public func bitonal(threshold: UInt8 = 128) -> Raster {
        let gray = grayscale()
        return Raster(width: width, height: height, layout: .gray, pixels: gray.pixels.map { $0 >= threshold ? 255 : 0 })
    }

    /// One source sample and its weight in an output sample.
    struct Tap {
        var index: Int
        var weight: Float
    }

    /// For each of `target` output samples along one axis of `source` samples, the source samples it
    /// is made of: their coverage when shrinking, the two nearest (bilinear) when growing.
    static func taps(from source: Int, to target: Int) -> [[Tap]] {
        let scale = Double(source) / Double(target)
        if target >= source {
            return (0..<target).map { index in
                let position = Swift.min(Swift.max((Double(index) + 0.5) * scale - 0.5, 0), Double(source - 1))
                let low = Int(position)
                let high = Swift.min(low + 1, source - 1)
                let fraction = Float(position - Double(low))
                return high == low
                    ? [Tap(index: low, weight: 1)] : [Tap(index: low, weight: 1 - fraction), Tap(index: high, weight: fraction)]
            }
        }
        return (0..<target).map { index in
            let start = Double(index) * scale
            let end = Swift.min(Double(source), Double(index + 1) * scale)
            var taps: [Tap] = []
            var position = Int(start)
            while Double(position) < end, position < source {
                let covered = Swift.min(end, Double(position + 1)) - Swift.max(start, Double(position))
                if covered > 0 { taps.append(Tap(index: position, weight: Float(covered / (end - start)))) }
                position += 1
            }
            return taps
        }
    }
}
