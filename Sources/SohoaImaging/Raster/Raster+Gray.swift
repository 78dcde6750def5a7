extension Raster {
    /// A gray copy (Rec. 601 luma: 0.299 R + 0.587 G + 0.114 B); `self` when already gray.
    public func grayscale() -> Raster {
        guard layout == .rgb else { return self }
        var gray = [UInt8](repeating: 0, count: width * height)
        pixels.withUnsafeBufferPointer { source in
            gray.withUnsafeMutableBufferPointer { target in
                for index in 0..<(width * height) {
                    let r = UInt32(source[index * 3])
                    let g = UInt32(source[index * 3 + 1])
                    let b = UInt32(source[index * 3 + 2])
                    // Weights scaled by 65536: 19595 + 38470 + 7471 = 65536.
                    target[index] = UInt8((19595 * r + 38470 * g + 7471 * b + 32768) >> 16)
                }
            }
        }
        return Raster(width: width, height: height, layout: .gray, pixels: gray)
    }
}
