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
}
