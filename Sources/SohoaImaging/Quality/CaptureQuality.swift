/// Measures how well a page was captured, from its decoded pixels and its source encoding.
public enum CaptureQuality {
    /// Least contrast (0–255) across an edge for it to count as a text edge.
    static let edgeContrast = 64
    /// Half the window, in pixels, over which an edge's contrast is taken.
    static let edgeReach = 8
    /// Fewest edges for the sharpness measure to mean anything.
    static let minimumEdges = 200
    /// About how many rows and columns are sampled for edges, whatever the page's size.
    static let sampledLines = 600

    /// The page's capture measures: `dpi` as resolved for the page, tone and bit depth from
    /// `technical`, sharpness and clipping from `raster`.
    public static func measure(raster: Raster, technical: TechnicalMetadata, dpi: ResolvedDPI) -> CaptureQualityReport {
        let tone = CaptureTone(technical)
        let gray = raster.grayscale()
        var highlights: Double?
        var shadows: Double?
        if tone != .bilevel {
            (highlights, shadows) = clippedShares(gray)
        }
        return CaptureQualityReport(
            dpi: dpi, tone: tone, bitsPerSample: technical.bitsPerSample, edgeWidth: edgeWidth(gray),
            clippedHighlights: highlights, clippedShadows: shadows)
    }

    /// Shares of pixels at 255 and at 0.
    static func clippedShares(_ gray: Raster) -> (highlights: Double, shadows: Double) {
        let count = gray.pixels.count
        guard count > 0 else { return (0, 0) }
        var white = 0
        var black = 0
        gray.pixels.withUnsafeBufferPointer { pixels in
            for value in pixels {
                if value == 255 {
                    white += 1
                } else if value == 0 {
                    black += 1
                }
            }
        }
        return (Double(white) / Double(count), Double(black) / Double(count))
    }

    /// Median width of strong edges, along sampled rows and columns: at each edge (a local peak of
    /// the one-pixel step), the contrast within `edgeReach` pixels divided by the step. A perfect
    /// step is 1 px wide; a Gaussian blur of σ pixels makes edges about 2.5 σ wide.
    static func edgeWidth(_ gray: Raster) -> Double? {
        let width = gray.width
        let height = gray.height
        guard width > 2 * edgeReach + 2, height > 2 * edgeReach + 2 else { return nil }
        var widths: [Float] = []
        var line: [UInt8] = []
        gray.pixels.withUnsafeBufferPointer { pixels in
            let rowStep = max(1, height / sampledLines)
            for y in stride(from: 0, to: height, by: rowStep) {
                line = Array(pixels[(y * width)..<((y + 1) * width)])
                collectEdges(line, into: &widths)
            }
            let columnStep = max(1, width / sampledLines)
            line = [UInt8](repeating: 0, count: height)
            for x in stride(from: 0, to: width, by: columnStep) {
                for y in 0..<height { line[y] = pixels[y * width + x] }
                collectEdges(line, into: &widths)
            }
        }
        guard widths.count >= minimumEdges else { return nil }
        widths.sort()
        return Double(widths[widths.count / 2])
    }

    /// Adds the width of every strong edge along one line of pixels.
    static func collectEdges(_ line: [UInt8], into widths: inout [Float]) {
        let count = line.count
        guard count > 2 * edgeReach + 2 else { return }
        let minimumStep = Int32(edgeContrast / 8)
        line.withUnsafeBufferPointer { values in
            func step(_ index: Int) -> Int32 { abs(Int32(values[index + 1]) - Int32(values[index])) }
            var previous = step(edgeReach - 1)
            var current = step(edgeReach)
            for index in edgeReach..<(count - edgeReach - 2) {
                let next = step(index + 1)
                defer {
                    previous = current
                    current = next
                }
                guard current >= minimumStep, current >= previous, current > next else { continue }
                var low = values[index - edgeReach + 1]
                var high = low
                for position in (index - edgeReach + 1)...(index + edgeReach) {
                    let value = values[position]
                    if value < low { low = value }
                    if value > high { high = value }
                }
                let contrast = Int32(high) - Int32(low)
                guard contrast >= Int32(edgeContrast) else { continue }
                widths.append(Float(contrast) / Float(current))
            }
        }
    }
}
