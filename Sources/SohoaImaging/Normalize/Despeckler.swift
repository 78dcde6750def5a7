/// Removes isolated specks (dust, toner, noise) while keeping diacritics.
///
/// A speck is a connected patch of dark pixels that is both small (at most `maximumArea` pixels at
/// 300 dpi) and alone: no other dark pixel within `isolation` pixels around its bounding box.
/// Vietnamese tone marks, the dot of nặng and the hats of â ê ô are as small as dust, but they
/// always sit within a few pixels of their letter, so the isolation test keeps them. A speck the size
/// of a full stop is also kept when ink shares its rows within twice that distance along the line:
/// in a typewriter face a stop sits alone in its wide cell, further from its letters than any tone
/// mark, but always level with their feet; finer grit near the letters is still removed.
enum Despeckler {
    /// Largest speck removed, in pixels at 300 dpi (scaled by the square of the resolution).
    static let maximumArea = 50
    /// Clearance around a speck, in pixels at 300 dpi; a tone mark is never this far from its letter.
    static let isolation = 14
    /// Smallest full stop, in pixels at 300 dpi (a 9 pt stop is about 5×5); smaller specks are grit.
    static let fullStopArea = 16

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
        let stopArea = Swift.max(4, Int(Double(fullStopArea) * scale * scale))
        let ink = InkRuns(gray, below: threshold)
        var output = gray.pixels
        var removed = 0
        for speck in ink.components() where speck.area <= maxArea {
            // Alone? No other ink in the window around the bounding box.
            let dark = ink.inkPixels(
                x0: Swift.max(0, speck.minX - clearance), x1: Swift.min(w - 1, speck.maxX + clearance),
                y0: Swift.max(0, speck.minY - clearance), y1: Swift.min(h - 1, speck.maxY + clearance),
                limit: speck.area)
            guard dark == speck.area else { continue }
            // A full stop: letters level with it further along the line.
            if speck.area >= stopArea {
                let level = ink.inkPixels(
                    x0: Swift.max(0, speck.minX - 2 * clearance), x1: Swift.min(w - 1, speck.maxX + 2 * clearance),
                    y0: speck.minY, y1: speck.maxY, limit: speck.area)
                guard level == speck.area else { continue }
            }
            // Paint the speck and its blurred rim with the surrounding paper.
            output.withUnsafeMutableBufferPointer { output in
                for y in Swift.max(0, speck.minY - 1)...Swift.min(h - 1, speck.maxY + 1) {
                    for x in Swift.max(0, speck.minX - 1)...Swift.min(w - 1, speck.maxX + 1) { output[y * w + x] = 255 }
                }
            }
            removed += 1
        }
        return (Raster(width: w, height: h, layout: .gray, pixels: output), removed)
    }
}
