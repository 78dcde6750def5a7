import Foundation

/// Ink of a small binary image arranged for projection profiles along slanted lines.
///
/// A projection along lines of slope `t` adds each ink pixel `(x, y)` to bin `y + round(x·t) + margin`.
/// The shift `round(x·t)` is constant over runs of columns, so a profile is built run by run from
/// per-row counts of ink left of each column: one vectorized add per row and run instead of one
/// scattered add per ink pixel. The result is the same as adding the pixels one by one.
struct ProjectionCounts {
    /// Columns (the axis the lines run along).
    let width: Int
    /// Rows (the axis of the profile).
    let height: Int
    /// Ink pixels in all.
    let inkCount: Int
    /// `inkLeft[x * height + y]`: ink in row `y` left of column `x` (x in 0...width), modulo 2^16;
    /// only differences within a row are used, and a row is narrower than 2^16 (checked on creation).
    private let inkLeft: [UInt16]

    /// The pixels of `gray` below `threshold`; `nil` when `gray` is 2^16 pixels wide or wider.
    init?(_ gray: Raster, below threshold: Int) {
        let mask = gray.pixels.map { Int($0) < threshold ? UInt8(1) : 0 }
        self.init(mask, width: gray.width, height: gray.height)
    }

    /// The ink of `mask` (`width × height`, row-major, 1 = ink, 0 = none) seen with rows and columns
    /// swapped: lines run down the columns and the profile is across them. `nil` when `height` is
    /// 2^16 or more.
    init?(transposing mask: [UInt8], width maskWidth: Int, height maskHeight: Int) {
        guard maskHeight < 1 << 16 else { return nil }
        let w = maskWidth
        var counts = [UInt16](repeating: 0, count: (maskHeight + 1) * w)
        var total = 0
        mask.withUnsafeBufferPointer { mask in
            counts.withUnsafeMutableBufferPointer { counts in
                // Row by row: each mask row adds to the running counts of every mask column.
                for y in 0..<maskHeight {
                    let previous = y * w
                    let next = previous + w
                    for x in 0..<w { counts[next + x] = counts[previous + x] &+ UInt16(truncatingIfNeeded: mask[previous + x]) }
                }
                for x in 0..<w { total += Int(counts[maskHeight * w + x]) }
            }
        }
        width = maskHeight
        height = w
        inkCount = total
        inkLeft = counts
    }

    /// The ink of `mask` (`width × height`, row-major, 1 = ink, 0 = none); `nil` when `width` is
    /// 2^16 or more.
    init?(_ mask: [UInt8], width maskWidth: Int, height maskHeight: Int) {
        guard maskWidth < 1 << 16 else { return nil }
        let w = maskWidth
        let h = maskHeight
        var counts = [UInt16](repeating: 0, count: (w + 1) * h)
        var total = 0
        mask.withUnsafeBufferPointer { mask in
            counts.withUnsafeMutableBufferPointer { counts in
                for x in 0..<w {
                    let previous = x * h
                    let next = previous + h
                    for y in 0..<h { counts[next + y] = counts[previous + y] &+ UInt16(truncatingIfNeeded: mask[y * w + x]) }
                }
                for y in 0..<h { total += Int(counts[w * h + y]) }
            }
        }
        width = w
        height = h
        inkCount = total
        inkLeft = counts
    }

    /// Bins needed for slopes up to `tan(maxDegrees)`, and the margin that keeps every bin index
    /// non-negative.
    static func layout(width: Int, height: Int, maxDegrees: Double) -> (margin: Int, bins: Int) {
        let margin = Int((Double(width) * tan(maxDegrees * .pi / 180)).rounded(.up)) + 2
        return (margin, height + 2 * margin + 2)
    }

    /// Sets `bins` (at least `layout(...).bins` long) to the profile along lines rising to the
    /// right by `degrees`: ink `(x, y)` lands in bin `y + round(x · tan(degrees)) + margin`.
    func project(degrees: Double, margin: Int, into bins: inout [Int32]) {
        let slope = tan(degrees * .pi / 180)
        let h = height
        let w = width
        for index in bins.indices { bins[index] = 0 }
        inkLeft.withUnsafeBufferPointer { inkLeft in
            bins.withUnsafeMutableBufferPointer { bins in
                guard let left = inkLeft.baseAddress, let target = bins.baseAddress else { return }
                var start = 0
                var shift = margin
                while start < w {
                    // Columns start..<end share one shift.
                    var end = start + 1
                    while end < w, Int((Double(end) * slope).rounded()) + margin == shift { end += 1 }
                    let before = left + start * h
                    let after = left + end * h
                    let out = target + shift
                    for y in 0..<h { out[y] &+= Int32(after[y] &- before[y]) }
                    start = end
                    if start < w { shift = Int((Double(start) * slope).rounded()) + margin }
                }
            }
        }
    }
}
