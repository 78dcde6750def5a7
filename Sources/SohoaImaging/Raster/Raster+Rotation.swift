import Foundation

extension Raster {
    /// A copy rotated by `degrees` about the centre onto a canvas of the same size, bilinear,
    /// with uncovered areas set to `fill` (every channel).
    ///
    /// Positive `degrees` turn the content **counter-clockwise as seen on screen** (image y axis pointing
    /// down), exactly as `PageTransform(rotationDegrees: degrees)` describes: a point `p` of the result
    /// shows the master at `PageTransform(..., rotationDegrees: degrees, ...).toMaster(p)`. To level text
    /// that `SkewDetector` measured at `a` degrees, rotate by `-a`.
    public func rotated(degrees: Double, fill: UInt8 = 255) -> Raster {
        guard degrees.isFinite, degrees != 0, width > 0, height > 0 else { return self }
        let radians = degrees * .pi / 180
        let cosine = cos(radians)
        let sine = sin(radians)
        let channels = layout.rawValue
        let w = width
        let h = height
        let cx = Double(w) / 2
        let cy = Double(h) / 2
        var output = [UInt8](repeating: fill, count: pixels.count)
        // Master positions in 32.32 fixed point, stepped along each row: no per-pixel floating point.
        let one = Double(1 << RotationRow.fractionBits)
        let stepX = Int((cosine * one).rounded())
        let stepY = Int((sine * one).rounded())
        pixels.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                for y in 0..<h {
                    // Master position (in pixel-index coordinates) of this row's first pixel centre;
                    // it moves by (cos, sin) per output pixel.
                    let dy = Double(y) + 0.5 - cy
                    let dx0 = 0.5 - cx
                    let rowX = dx0 * cosine - dy * sine + cx - 0.5
                    let rowY = dx0 * sine + dy * cosine + cy - 0.5
                    let row = RotationRow(
                        startX: Int((rowX * one).rounded()), startY: Int((rowY * one).rounded()),
                        stepX: stepX, stepY: stepY, width: w, height: h)
                    let interior = row.interior()
                    let outRow = y * w * channels
                    if channels == 1 {
                        row.sampleGray(interior, from: source, into: target, at: outRow)
                    } else {
                        row.sample(interior, channels: channels, from: source, into: target, at: outRow)
                    }
                    // Edges: neighbours outside the master take the fill value.
                    for columns in [0..<interior.lowerBound, interior.upperBound..<w] {
                        for x in columns {
                            Self.sampleEdge(
                                sx: rowX + Double(x) * cosine, sy: rowY + Double(x) * sine, width: w, height: h,
                                channels: channels, fill: fill, from: source, into: target, at: outRow + x * channels)
                        }
                    }
                }
            }
        }
        return Raster(width: w, height: h, layout: layout, pixels: output)
    }

    /// One output pixel whose bilinear neighbours are not all inside the master (or none is).
    private static func sampleEdge(
        sx: Double, sy: Double, width w: Int, height h: Int, channels: Int, fill: UInt8,
        from source: UnsafeBufferPointer<UInt8>, into target: UnsafeMutableBufferPointer<UInt8>, at out: Int
    ) {
        if sx <= -1 || sy <= -1 || sx >= Double(w) || sy >= Double(h) { return }
        let fx = sx.rounded(.down)
        let fy = sy.rounded(.down)
        let x0 = Int(fx)
        let y0 = Int(fy)
        let ax = sx - fx
        let ay = sy - fy
        let fillValue = Double(fill)
        for c in 0..<channels {
            func sample(_ px: Int, _ py: Int) -> Double {
                px >= 0 && py >= 0 && px < w && py < h ? Double(source[(py * w + px) * channels + c]) : fillValue
            }
            let top = sample(x0, y0) + (sample(x0 + 1, y0) - sample(x0, y0)) * ax
            let bottom = sample(x0, y0 + 1) + (sample(x0 + 1, y0 + 1) - sample(x0, y0 + 1)) * ax
            let value = (top + (bottom - top) * ay).rounded()
            target[out + c] = UInt8(Swift.min(255, Swift.max(0, value)))
        }
    }
}

/// One output row of a rotation: the master position of its first pixel and the step per pixel,
/// in fixed point with `fractionBits` fractional bits.
private struct RotationRow {
    static let fractionBits = 32
    let startX: Int
    let startY: Int
    let stepX: Int
    let stepY: Int
    let width: Int
    let height: Int

    /// The output columns whose four bilinear neighbours all lie inside the master.
    func interior() -> Range<Int> {
        guard width >= 2, height >= 2 else { return 0..<0 }
        var lower = 0
        var upper = width
        // x ↦ start + x·step must stay within [0, (size − 1) · 2^fractionBits): integer part 0...size−2.
        for (start, step, size) in [(startX, stepX, width), (startY, stepY, height)] {
            let limit = (size - 1) << Self.fractionBits
            if step == 0 {
                if start < 0 || start >= limit { return 0..<0 }
                continue
            }
            // Smallest and largest x with 0 ≤ start + x·step < limit.
            let a = Self.ceilDiv(-start, step)
            let b = Self.ceilDiv(limit - start, step)
            let range = step > 0 ? (a, b) : (b + (Self.isExact(limit - start, step) ? 1 : 0), Self.floorDiv(-start, step) + 1)
            lower = Swift.max(lower, range.0)
            upper = Swift.min(upper, range.1)
        }
        guard lower < upper else { return 0..<0 }
        return lower..<upper
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q
    }

    private static func ceilDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && ((a < 0) == (b < 0))) ? q + 1 : q
    }

    private static func isExact(_ a: Int, _ b: Int) -> Bool { a % b == 0 }

    /// Gray pixels `columns` of this row, bilinear with 8-bit weights.
    func sampleGray(
        _ columns: Range<Int>, from source: UnsafeBufferPointer<UInt8>,
        into target: UnsafeMutableBufferPointer<UInt8>, at outRow: Int
    ) {
        guard !columns.isEmpty, let src = source.baseAddress, let dst = target.baseAddress else { return }
        let shift = Self.fractionBits
        let w = width
        var fx = startX &+ columns.lowerBound &* stepX
        var fy = startY &+ columns.lowerBound &* stepY
        let out = dst + outRow
        for x in columns {
            let ax = (fx >> (shift - 8)) & 255
            let ay = (fy >> (shift - 8)) & 255
            let top = src + ((fy >> shift) &* w &+ (fx >> shift))
            // a·(256 − t) + b·t written as a·256 + (b − a)·t: the same sums, half the products.
            let upper = Int(top[0]) << 8 &+ (Int(top[1]) &- Int(top[0])) &* ax
            let lower = Int(top[w]) << 8 &+ (Int(top[w + 1]) &- Int(top[w])) &* ax
            out[x] = UInt8(truncatingIfNeeded: (upper << 8 &+ (lower &- upper) &* ay &+ 32768) >> 16)
            fx &+= stepX
            fy &+= stepY
        }
    }

    /// Pixels `columns` of this row with `channels` samples each, bilinear with 8-bit weights.
    func sample(
        _ columns: Range<Int>, channels: Int, from source: UnsafeBufferPointer<UInt8>,
        into target: UnsafeMutableBufferPointer<UInt8>, at outRow: Int
    ) {
        guard !columns.isEmpty, let src = source.baseAddress, let dst = target.baseAddress else { return }
        let shift = Self.fractionBits
        let stride = width * channels
        var fx = startX &+ columns.lowerBound &* stepX
        var fy = startY &+ columns.lowerBound &* stepY
        for x in columns {
            let ax = (fx >> (shift - 8)) & 255
            let ay = (fy >> (shift - 8)) & 255
            let top = src + ((fy >> shift) &* stride &+ (fx >> shift) &* channels)
            let bottom = top + stride
            let out = dst + outRow + x * channels
            for c in 0..<channels {
                let upper = Int(top[c]) << 8 &+ (Int(top[channels + c]) &- Int(top[c])) &* ax
                let lower = Int(bottom[c]) << 8 &+ (Int(bottom[channels + c]) &- Int(bottom[c])) &* ax
                out[c] = UInt8(truncatingIfNeeded: (upper << 8 &+ (lower &- upper) &* ay &+ 32768) >> 16)
            }
            fx &+= stepX
            fy &+= stepY
        }
    }
}
