extension Raster {
    /// The part of the raster inside the box (clamped to the raster).
    public func cropped(x: Int, y: Int, width boxWidth: Int, height boxHeight: Int) -> Raster {
        let x0 = Swift.max(0, Swift.min(x, width))
        let y0 = Swift.max(0, Swift.min(y, height))
        let x1 = Swift.max(x0, Swift.min(x + boxWidth, width))
        let y1 = Swift.max(y0, Swift.min(y + boxHeight, height))
        if x0 == 0, y0 == 0, x1 == width, y1 == height { return self }
        let channels = layout.rawValue
        var output = [UInt8]()
        output.reserveCapacity((x1 - x0) * (y1 - y0) * channels)
        for row in y0..<y1 {
            let start = (row * width + x0) * channels
            output.append(contentsOf: pixels[start..<(start + (x1 - x0) * channels)])
        }
        return Raster(width: x1 - x0, height: y1 - y0, layout: layout, pixels: output)
    }
}
