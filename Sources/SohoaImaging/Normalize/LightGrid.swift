/// The paper's light on a coarse grid of cells, interpolated bilinearly between cell centres.
struct LightGrid {
    /// Light per cell (16...255), row-major.
    let values: [Double]
    let width: Int
    let height: Int
    /// Cell side in pixels.
    let cellSize: Double

    /// `target = min(255, ⌊source · 255 / light⌋)` for every pixel, and the histogram of `target`.
    ///
    /// Single precision with vectorizable integer conversions (exact for the integer part of
    /// quotients up to 2^22); the light is linear along a row between two cell centres, so each
    /// such span is one branch-free loop.
    func divide(
        _ source: UnsafeBufferPointer<UInt8>, into target: UnsafeMutableBufferPointer<UInt8>, width w: Int, height h: Int
    ) -> [Int] {
        let spans = columnSpans(width: w)
        var weights = [Float](repeating: 0, count: w)
        for span in spans {
            for x in span.columns {
                weights[x] = width > 1 ? Float(position(of: x, in: width) - Double(span.cell)) : 0
            }
        }
        var rowLight = [Double](repeating: 0, count: width)
        // Four interleaved histograms: paper pixels all land in a few bins, and one counter per bin
        // would make every increment wait for the previous one.
        var counters = [Int](repeating: 0, count: 4 * 256)
        guard let input = source.baseAddress, let output = target.baseAddress else { return [Int](repeating: 0, count: 256) }
        weights.withUnsafeBufferPointer { weights in
            counters.withUnsafeMutableBufferPointer { counters in
                guard let weight = weights.baseAddress else { return }
                for y in 0..<h {
                    let gy = position(of: y, in: height)
                    let y0 = Swift.min(Int(gy), Swift.max(0, height - 2))
                    let ay = height > 1 ? gy - Double(y0) : 0
                    let y1 = Swift.min(y0 + 1, height - 1)
                    for x in 0..<width { rowLight[x] = values[y0 * width + x] * (1 - ay) + values[y1 * width + x] * ay }
                    let row = input + y * w
                    let out = output + y * w
                    for span in spans {
                        let left = Float(rowLight[span.cell])
                        let slope = Float(rowLight[Swift.min(span.cell + 1, width - 1)]) - left
                        for x in span.columns {
                            out[x] = Self.quotient(row[x], left + slope * weight[x])
                        }
                    }
                    let quads = w / 4
                    for index in 0..<quads {
                        counters[Int(out[4 * index])] &+= 1
                        counters[256 | Int(out[4 * index + 1])] &+= 1
                        counters[512 | Int(out[4 * index + 2])] &+= 1
                        counters[768 | Int(out[4 * index + 3])] &+= 1
                    }
                    for x in (4 * quads)..<w { counters[Int(out[x])] &+= 1 }
                }
            }
        }
        return (0..<256).map { counters[$0] + counters[256 + $0] + counters[512 + $0] + counters[768 + $0] }
    }

    /// `min(255, ⌊sample · 255 / light⌋)` without a trapping conversion, so that loops vectorize:
    /// adding 2^23 leaves the quotient rounded to an integer in the low mantissa bits.
    @inline(__always)
    static func quotient(_ sample: UInt8, _ light: Float) -> UInt8 {
        let magic: Float = 8_388_608
        let value = (Float(bitPattern: UInt32(sample) | 0x4B00_0000) - magic) * 255 / light
        let shifted = value + magic
        var level = shifted.bitPattern &- 0x4B00_0000
        level &-= shifted - magic > value ? 1 : 0
        return UInt8(truncatingIfNeeded: Swift.min(level, 255))
    }

    /// Grid coordinate (cell centres at integers, clamped to the grid) of pixel `index`.
    private func position(of index: Int, in cells: Int) -> Double {
        Swift.min(Swift.max((Double(index) + 0.5) / cellSize - 0.5, 0), Double(cells - 1))
    }

    /// Runs of columns that interpolate between the same two cells (`cell` and `cell + 1`).
    private func columnSpans(width w: Int) -> [(cell: Int, columns: Range<Int>)] {
        var spans: [(cell: Int, columns: Range<Int>)] = []
        var start = 0
        var cell = 0
        for x in 0...w {
            let current = x < w ? Swift.min(Int(position(of: x, in: width)), Swift.max(0, width - 2)) : -1
            if x == 0 {
                cell = current
            } else if current != cell {
                spans.append((cell, start..<x))
                start = x
                cell = current
            }
        }
        return spans
    }
}
