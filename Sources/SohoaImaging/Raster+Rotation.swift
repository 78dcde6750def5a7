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
        guard degrees.isFinite, degrees != 0 else { return self }
        let radians = degrees * .pi / 180
        let cosine = cos(radians)
        let sine = sin(radians)
        let channels = layout.rawValue
        let w = width
        let h = height
        let cx = Double(w) / 2
        let cy = Double(h) / 2
        var output = [UInt8](repeating: fill, count: pixels.count)
        let fillValue = Double(fill)
        let limitX = Double(w)
        let limitY = Double(h)
        let interiorX = Double(w - 1) - 1e-6
        let interiorY = Double(h - 1) - 1e-6
        pixels.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                for y in 0..<h {
                    // Master position (in pixel-index coordinates) of this row's first pixel centre;
                    // it moves by (cos, sin) per output pixel.
                    let dy = Double(y) + 0.5 - cy
                    let dx0 = 0.5 - cx
                    let rowX = dx0 * cosine - dy * sine + cx - 0.5
                    let rowY = dx0 * sine + dy * cosine + cy - 0.5
                    let outRow = y * w * channels
                    for x in 0..<w {
                        let sx = rowX + Double(x) * cosine
                        let sy = rowY + Double(x) * sine
                        if sx <= -1 || sy <= -1 || sx >= limitX || sy >= limitY { continue }
                        if sx >= 0, sy >= 0, sx < interiorX, sy < interiorY {
                            // Interior: 8-bit fixed-point weights.
                            let fixedX = Int(sx * 256)
                            let fixedY = Int(sy * 256)
                            let ax = fixedX & 255
                            let ay = fixedY & 255
                            let base = ((fixedY >> 8) * w + (fixedX >> 8)) * channels
                            let below = base + w * channels
                            let out = outRow + x * channels
                            if channels == 1 {
                                // Gray: the same arithmetic without the channel loop.
                                let top = Int(source[base]) &* (256 - ax) &+ Int(source[base + 1]) &* ax
                                let bottom = Int(source[below]) &* (256 - ax) &+ Int(source[below + 1]) &* ax
                                target[out] = UInt8(truncatingIfNeeded: (top &* (256 - ay) &+ bottom &* ay &+ 32768) >> 16)
                                continue
                            }
                            for c in 0..<channels {
                                let top = Int(source[base + c]) &* (256 - ax) &+ Int(source[base + channels + c]) &* ax
                                let bottom =
                                    Int(source[below + c]) &* (256 - ax) &+ Int(source[below + channels + c]) &* ax
                                target[out + c] = UInt8(
                                    truncatingIfNeeded: (top &* (256 - ay) &+ bottom &* ay &+ 32768) >> 16)
                            }
                            continue
                        }
                        // Edge: neighbours outside the master take the fill value.
                        let fx = sx.rounded(.down)
                        let fy = sy.rounded(.down)
                        let x0 = Int(fx)
                        let y0 = Int(fy)
                        let ax = sx - fx
                        let ay = sy - fy
                        for c in 0..<channels {
                            func sample(_ px: Int, _ py: Int) -> Double {
                                px >= 0 && py >= 0 && px < w && py < h
                                    ? Double(source[(py * w + px) * channels + c]) : fillValue
                            }
                            let top = sample(x0, y0) + (sample(x0 + 1, y0) - sample(x0, y0)) * ax
                            let bottom = sample(x0, y0 + 1) + (sample(x0 + 1, y0 + 1) - sample(x0, y0 + 1)) * ax
                            let value = (top + (bottom - top) * ay).rounded()
                            target[outRow + x * channels + c] = UInt8(Swift.min(255, Swift.max(0, value)))
                        }
                    }
                }
            }
        }
        return Raster(width: w, height: h, layout: layout, pixels: output)
    }
}
