/// Evens out uneven light and gray paper: the paper's brightness is estimated on a coarse grid
/// (the brightest small patch of each cell, smoothed), every pixel is divided by it, and the levels
/// are stretched so paper becomes white and print dark. Gutter shadows and vignettes go with it.
enum IlluminationCorrector {
    /// A clean gray copy of `gray` (8-bit, one channel) at `dpi`.
    static func corrected(_ gray: Raster, dpi: Int) -> Raster {
        let w = gray.width
        let h = gray.height
        guard w >= 16, h >= 16 else { return gray }
        let patch = Swift.max(2, dpi / 25)
        let cellPatches = 6
        let small = Binarization.reduced(gray, by: patch)
        let gw = (small.width + cellPatches - 1) / cellPatches
        let gh = (small.height + cellPatches - 1) / cellPatches
        var grid = [Double](repeating: 0, count: gw * gh)
        for y in 0..<small.height {
            for x in 0..<small.width {
                let cell = (y / cellPatches) * gw + x / cellPatches
                grid[cell] = Swift.max(grid[cell], Double(small.pixels[y * small.width + x]))
            }
        }
        // Brightest neighbour (cells full of print), then a mean (smooth light).
        var lifted = grid
        for y in 0..<gh {
            for x in 0..<gw {
                var m = 0.0
                for dy in -1...1 {
                    for dx in -1...1 {
                        let nx = x + dx
                        let ny = y + dy
                        if nx >= 0, ny >= 0, nx < gw, ny < gh { m = Swift.max(m, grid[ny * gw + nx]) }
                    }
                }
                // A cell much darker than its brightest neighbour is print, not light.
                lifted[y * gw + x] = grid[y * gw + x] < m * 0.75 ? m : grid[y * gw + x]
            }
        }
        var smooth = lifted
        for y in 0..<gh {
            for x in 0..<gw {
                var sum = 0.0
                var n = 0.0
                for dy in -1...1 {
                    for dx in -1...1 {
                        let nx = x + dx
                        let ny = y + dy
                        if nx >= 0, ny >= 0, nx < gw, ny < gh {
                            sum += lifted[ny * gw + nx]
                            n += 1
                        }
                    }
                }
                smooth[y * gw + x] = Swift.max(16, sum / n)
            }
        }
        // Divide by the light, bilinear between cell centres.
        let light = LightGrid(values: smooth, width: gw, height: gh, cellSize: Double(patch * cellPatches))
        var flat = [UInt8](repeating: 255, count: w * h)
        let histogram = gray.pixels.withUnsafeBufferPointer { source in
            flat.withUnsafeMutableBufferPointer { target in
                light.divide(source, into: target, width: w, height: h)
            }
        }
        // Levels: the typical print level → near black, the typical paper level → white.
        guard let threshold = Binarization.otsuThreshold(histogram: histogram, minimumContrast: 30) else {
            return Raster(width: w, height: h, layout: .gray, pixels: flat)
        }
        let ink = Binarization.median(histogram, in: 0..<threshold)
        let paper = Binarization.median(histogram, in: threshold..<256)
        guard paper - ink > 20 else { return Raster(width: w, height: h, layout: .gray, pixels: flat) }
        var table = [UInt8](repeating: 255, count: 256)
        for level in 0..<256 {
            let mapped = 10 + Double(level - ink) * 245 / Double(paper - ink)
            table[level] = UInt8(Swift.min(255, Swift.max(0, mapped.rounded())))
        }
        flat.withUnsafeMutableBufferPointer { flat in
            table.withUnsafeBufferPointer { table in
                guard let levels = table.baseAddress else { return }
                for index in flat.indices { flat[index] = levels[Int(flat[index])] }
            }
        }
        return Raster(width: w, height: h, layout: .gray, pixels: flat)
    }
}
