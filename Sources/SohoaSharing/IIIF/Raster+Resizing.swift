import SohoaImaging

extension Raster {
    /// A copy resampled to exactly `newWidth` × `newHeight` (the aspect ratio may change). Each axis
    /// on its own: area averaging where it shrinks (no aliasing), bilinear interpolation where it grows.
    /// Rows are made one at a time from the few source rows they need, so the memory used is the
    /// output's plus a handful of rows; `cancellation` is checked every few rows (throws `cancelled`).
    public func resized(toWidth newWidth: Int, height newHeight: Int, cancellation: IIIFCancellation? = nil) throws(IIIFError) -> Raster {
        if newWidth == width, newHeight == height { return self }
        let channels = layout.rawValue
        let columns = Self.taps(from: width, to: newWidth)
        let rows = Self.taps(from: height, to: newHeight)
        let rowLength = newWidth * channels
        // Horizontally resampled source rows, kept in a ring as long as an output row needs them.
        let span = rows.map { ($0.last?.index ?? 0) - ($0.first?.index ?? 0) + 1 }.max() ?? 1
        var ring = [Float](repeating: 0, count: span * rowLength)
        var made = -1
        var output = [UInt8](repeating: 0, count: rowLength * newHeight)
        var accumulator = [Float](repeating: 0, count: rowLength)
        for y in 0..<newHeight {
            if y % 16 == 0 { try cancellation?.check() }
            guard let last = rows[y].last?.index else { continue }
            while made < last {
                made += 1
                let slot = (made % span) * rowLength
                let sourceRow = made * width * channels
                pixels.withUnsafeBufferPointer { source in
                    ring.withUnsafeMutableBufferPointer { target in
                        for i in slot..<(slot + rowLength) { target[i] = 0 }
                        for x in 0..<newWidth {
                            let to = slot + x * channels
                            for tap in columns[x] {
                                let from = sourceRow + tap.index * channels
                                for c in 0..<channels { target[to + c] += Float(source[from + c]) * tap.weight }
                            }
                        }
                    }
                }
            }
            for i in 0..<rowLength { accumulator[i] = 0 }
            ring.withUnsafeBufferPointer { source in
                for tap in rows[y] {
                    let base = (tap.index % span) * rowLength
                    for i in 0..<rowLength { accumulator[i] += source[base + i] * tap.weight }
                }
            }
            let outBase = y * rowLength
            output.withUnsafeMutableBufferPointer { target in
                for i in 0..<rowLength { target[outBase + i] = UInt8(Swift.min(255, Swift.max(0, accumulator[i].rounded()))) }
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
