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
        let cellSize = Double(patch * cellPatches)
        var xIndex = [Int](repeating: 0, count: w)
        var xWeight = [Double](repeating: 0, count: w)
        for x in 0..<w {
            let gx = Swift.min(Swift.max((Double(x) + 0.5) / cellSize - 0.5, 0), Double(gw - 1))
            xIndex[x] = Swift.min(Int(gx), Swift.max(0, gw - 2))
            xWeight[x] = gw > 1 ? gx - Double(xIndex[x]) : 0
        }
        var flat = [UInt8](repeating: 255, count: w * h)
        var histogram = [Int](repeating: 0, count: 256)
        var rowLightBuffer = [Double](repeating: 0, count: gw)
        gray.pixels.withUnsafeBufferPointer { source in
            flat.withUnsafeMutableBufferPointer { target in
                histogram.withUnsafeMutableBufferPointer { histogram in
                    rowLightBuffer.withUnsafeMutableBufferPointer { rowLight in
                        xIndex.withUnsafeBufferPointer { xIndex in
                            xWeight.withUnsafeBufferPointer { xWeight in
                                for y in 0..<h {
                                    let gy = Swift.min(Swift.max((Double(y) + 0.5) / cellSize - 0.5, 0), Double(gh - 1))
                                    let y0 = Swift.min(Int(gy), Swift.max(0, gh - 2))
                                    let ay = gh > 1 ? gy - Double(y0) : 0
                                    let y1 = Swift.min(y0 + 1, gh - 1)
                                    for x in 0..<gw { rowLight[x] = smooth[y0 * gw + x] * (1 - ay) + smooth[y1 * gw + x] * ay }
                                    for x in 0..<w {
                                        let x0 = xIndex[x]
                                        let x1 = Swift.min(x0 + 1, gw - 1)
                                        let light = rowLight[x0] + (rowLight[x1] - rowLight[x0]) * xWeight[x]
                                        let value = Int(Double(source[y * w + x]) * 255 / light)
                                        let clamped = Swift.min(255, value)
                                        target[y * w + x] = UInt8(clamped)
                                        histogram[clamped] += 1
                                    }
                                }
                            }
                        }
                    }
                }
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
                for index in 0..<flat.count { flat[index] = table[Int(flat[index])] }
            }
        }
        return Raster(width: w, height: h, layout: .gray, pixels: flat)
    }
}
