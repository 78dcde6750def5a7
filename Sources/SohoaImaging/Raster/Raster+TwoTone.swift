extension Raster {
    /// The share of samples (0–1) that are near black or near white, within `margin` of 0 or 255: close
    /// to 1 for a black-and-white page, even one that deskewing resampled into gray stroke edges.
    public func twoToneShare(margin: UInt8 = 32) -> Double {
        guard !pixels.isEmpty else { return 0 }
        let low = margin, high = 255 - margin
        var count = 0
        pixels.withUnsafeBufferPointer { samples in
            for sample in samples where sample <= low || sample >= high { count += 1 }
        }
        return Double(count) / Double(pixels.count)
    }

    /// A gray copy whose every sample is 0 (darker than `threshold`) or 255: colour is made gray first.
    public func thresholded(at threshold: UInt8 = 128) -> Raster {
        let gray = grayscale()
        var out = [UInt8](repeating: 255, count: gray.pixels.count)
        gray.pixels.withUnsafeBufferPointer { samples in
            out.withUnsafeMutableBufferPointer { target in
                for index in 0..<samples.count where samples[index] < threshold { target[index] = 0 }
            }
        }
        return Raster(width: gray.width, height: gray.height, layout: .gray, pixels: out)
    }
}
