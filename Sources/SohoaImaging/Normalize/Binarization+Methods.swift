extension Binarization {
    /// `gray` as black (0) and white (255) by `method`; `gray` itself for `.none`.
    static func apply(_ method: BinarizationMethod, to gray: Raster, dpi: Int) -> Raster {
        switch method {
        case .none: return gray
        case .otsu:
            guard let threshold = otsuThreshold(gray.pixels, minimumContrast: 20) else { return gray }
            return Raster(
                width: gray.width, height: gray.height, layout: .gray,
                pixels: gray.pixels.map { Int($0) < threshold ? 0 : 255 })
        case .sauvola: return sauvola(gray, radius: Swift.max(7, dpi / 16), k: 0.3)
        }
    }

    /// Sauvola's threshold `m · (1 + k · (s / 128 − 1))` over a `(2·radius+1)²` window, with running
    /// column sums (linear time, memory of one row).
    static func sauvola(_ gray: Raster, radius: Int, k: Double) -> Raster {
        let w = gray.width
        let h = gray.height
        var columnSum = [Int](repeating: 0, count: w)
        var columnSquares = [Int](repeating: 0, count: w)
        var output = [UInt8](repeating: 255, count: w * h)
        gray.pixels.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                // Rows 0...radius-1 enter before the first output row.
                for y in 0..<Swift.min(radius, h) {
                    for x in 0..<w {
                        let v = Int(source[y * w + x])
                        columnSum[x] += v
                        columnSquares[x] += v * v
                    }
                }
                for y in 0..<h {
                    let entering = y + radius
                    if entering < h {
                        for x in 0..<w {
                            let v = Int(source[entering * w + x])
                            columnSum[x] += v
                            columnSquares[x] += v * v
                        }
                    }
                    let leaving = y - radius - 1
                    if leaving >= 0 {
                        for x in 0..<w {
                            let v = Int(source[leaving * w + x])
                            columnSum[x] -= v
                            columnSquares[x] -= v * v
                        }
                    }
                    let rows = Swift.min(h - 1, y + radius) - Swift.max(0, y - radius) + 1
                    var sum = 0
                    var squares = 0
                    for x in 0..<Swift.min(radius, w) {
                        sum += columnSum[x]
                        squares += columnSquares[x]
                    }
                    for x in 0..<w {
                        let right = x + radius
                        if right < w {
                            sum += columnSum[right]
                            squares += columnSquares[right]
                        }
                        let left = x - radius - 1
                        if left >= 0 {
                            sum -= columnSum[left]
                            squares -= columnSquares[left]
                        }
                        let n = Double(rows * (Swift.min(w - 1, right) - Swift.max(0, x - radius) + 1))
                        let mean = Double(sum) / n
                        let variance = Swift.max(0, Double(squares) / n - mean * mean)
                        let threshold = mean * (1 + k * (variance.squareRoot() / 128 - 1))
                        target[y * w + x] = Double(source[y * w + x]) < threshold ? 0 : 255
                    }
                }
            }
        }
        return Raster(width: w, height: h, layout: .gray, pixels: output)
    }
}
