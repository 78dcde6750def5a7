extension Raster {
    /// A copy mirrored left to right (exact).
    public func mirrored() -> Raster {
        let channels = layout.rawValue
        var output = pixels
        for y in 0..<height {
            let row = y * width * channels
            for x in 0..<width {
                let from = row + (width - 1 - x) * channels, to = row + x * channels
                for c in 0..<channels { output[to + c] = pixels[from + c] }
            }
        }
        return Raster(width: width, height: height, layout: layout, pixels: output)
    }

    /// The image as it should be seen, given an EXIF orientation (1–8) describing how it is stored.
    public func applyingEXIFOrientation(_ orientation: Int) -> Raster {
        switch orientation {
        case 2: mirrored()
        case 3: quarterTurned(clockwise: 2)
        case 4: quarterTurned(clockwise: 2).mirrored()
        case 5: quarterTurned(clockwise: 1).mirrored()
        case 6: quarterTurned(clockwise: 1)
        case 7: quarterTurned(clockwise: 3).mirrored()
        case 8: quarterTurned(clockwise: 3)
        default: self
        }
    }
}
