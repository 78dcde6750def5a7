/// Removes isolated specks (dust, toner, noise) while keeping diacritics.
///
/// A speck is a connected patch of dark pixels that is both small (at most `maximumArea` pixels at
/// 300 dpi) and alone: no other dark pixel within `isolation` pixels around its bounding box.
/// Vietnamese tone marks, the dot of nặng and the hats of â ê ô are as small as dust, but they
/// always sit within a few pixels of their letter, so the isolation test keeps them.
enum Despeckler {
    /// Largest speck removed, in pixels at 300 dpi (scaled by the square of the resolution).
    static let maximumArea = 50
    /// Clearance around a speck, in pixels at 300 dpi; a tone mark is never this far from its letter.
    static let isolation = 14

    /// `gray` with isolated specks painted white, and how many were removed.
    static func despeckled(_ gray: Raster, dpi: Int) -> (raster: Raster, removed: Int) {
        let w = gray.width
        let h = gray.height
        guard w > 2, h > 2, let otsu = Binarization.otsuThreshold(gray.pixels, minimumContrast: 30) else {
            return (gray, 0)
        }
        let threshold = UInt8(Swift.min(255, otsu))
        let scale = Double(dpi) / 300
        let maxArea = Swift.max(4, Int(Double(maximumArea) * scale * scale))
        let clearance = Swift.max(3, Int((Double(isolation) * scale).rounded()))
        var seenBuffer = [Bool](repeating: false, count: w * h)
        var output = gray.pixels
        var removed = 0
        var stack: [Int] = []
        var component: [Int] = []
        gray.pixels.withUnsafeBufferPointer { pixels in
            seenBuffer.withUnsafeMutableBufferPointer { seen in
                output.withUnsafeMutableBufferPointer { output in
                    for start in 0..<(w * h) where pixels[start] < threshold && !seen[start] {
                        // Collect the component (8-connected), stopping early once it is too big to be a speck.
                        component.removeAll(keepingCapacity: true)
                        stack.append(start)
                        seen[start] = true
                        var minX = w
                        var maxX = 0
                        var minY = h
                        var maxY = 0
                        while let index = stack.popLast() {
                            component.append(index)
                            let x = index % w
                            let y = index / w
                            minX = Swift.min(minX, x)
                            maxX = Swift.max(maxX, x)
                            minY = Swift.min(minY, y)
                            maxY = Swift.max(maxY, y)
                            for dy in -1...1 {
                                let ny = y + dy
                                guard ny >= 0, ny < h else { continue }
                                for dx in -1...1 {
                                    let nx = x + dx
                                    guard nx >= 0, nx < w else { continue }
                                    let n = ny * w + nx
                                    if !seen[n], pixels[n] < threshold {
                                        seen[n] = true
                                        stack.append(n)
                                    }
                                }
                            }
                        }
                        guard component.count <= maxArea else { continue }
                        // Alone? Count dark pixels in the window around the bounding box.
                        let x0 = Swift.max(0, minX - clearance)
                        let x1 = Swift.min(w - 1, maxX + clearance)
                        let y0 = Swift.max(0, minY - clearance)
                        let y1 = Swift.min(h - 1, maxY + clearance)
                        var dark = 0
                        for y in y0...y1 {
                            let row = y * w
                            for x in x0...x1 where pixels[row + x] < threshold { dark += 1 }
                        }
                        guard dark == component.count else { continue }
                        // Paint the speck and its blurred rim with the surrounding paper.
                        for y in Swift.max(0, minY - 1)...Swift.min(h - 1, maxY + 1) {
                            for x in Swift.max(0, minX - 1)...Swift.min(w - 1, maxX + 1) { output[y * w + x] = 255 }
                        }
                        removed += 1
                    }
                }
            }
        }
        return (Raster(width: w, height: h, layout: .gray, pixels: output), removed)
    }
}
