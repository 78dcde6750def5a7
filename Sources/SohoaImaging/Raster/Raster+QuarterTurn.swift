extension Raster {
    /// A copy turned clockwise by `turns` × 90° (exact, no resampling), as `PageTransform.quarterTurns` describes.
    public func quarterTurned(clockwise turns: Int) -> Raster {
        let k = ((turns % 4) + 4) % 4
        guard k != 0 else { return self }
        let channels = layout.rawValue
        let w = width
        let h = height
        let newWidth = k == 2 ? w : h
        let newHeight = k == 2 ? h : w
        var output = [UInt8](repeating: 0, count: pixels.count)
        if channels == 1 {
            Self.quarterTurnGray(pixels, into: &output, width: w, height: h, turns: k)
            return Raster(width: newWidth, height: newHeight, layout: layout, pixels: output)
        }
        pixels.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                for y in 0..<newHeight {
                    for x in 0..<newWidth {
                        // Source pixel shown at (x, y) of the turned image.
                        let sx: Int
                        let sy: Int
                        switch k {
                        case 1: (sx, sy) = (y, h - 1 - x)
                        case 2: (sx, sy) = (w - 1 - x, h - 1 - y)
                        default: (sx, sy) = (w - 1 - y, x)
                        }
                        let from = (sy * w + sx) * channels
                        let to = (y * newWidth + x) * channels
                        for c in 0..<channels { target[to + c] = source[from + c] }
                    }
                }
            }
        }
        return Raster(width: newWidth, height: newHeight, layout: layout, pixels: output)
    }

    /// The gray case of `quarterTurned`: the same mapping, in tiles so that both images are read
    /// and written a cache line at a time.
    private static func quarterTurnGray(_ pixels: [UInt8], into output: inout [UInt8], width w: Int, height h: Int, turns k: Int) {
        let newWidth = k == 2 ? w : h
        let newHeight = k == 2 ? h : w
        let tile = 64
        pixels.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                for tileY in Swift.stride(from: 0, to: newHeight, by: tile) {
                    for tileX in Swift.stride(from: 0, to: newWidth, by: tile) {
                        let yEnd = Swift.min(tileY + tile, newHeight)
                        let xEnd = Swift.min(tileX + tile, newWidth)
                        for y in tileY..<yEnd {
                            let to = y * newWidth
                            switch k {
                            case 1:
                                // (sx, sy) = (y, h - 1 - x)
                                for x in tileX..<xEnd { target[to + x] = source[(h - 1 - x) * w + y] }
                            case 2:
                                // (sx, sy) = (w - 1 - x, h - 1 - y)
                                let from = (h - 1 - y) * w + w - 1
                                for x in tileX..<xEnd { target[to + x] = source[from - x] }
                            default:
                                // (sx, sy) = (w - 1 - y, x)
                                for x in tileX..<xEnd { target[to + x] = source[x * w + w - 1 - y] }
                            }
                        }
                    }
                }
            }
        }
    }
}
