import Foundation

/// Which dark areas at a page's edge are dotted or textured rather than solid: a shaded corner of
/// the paper printed as dots on a bilevel scan, or a dense stipple, darker on average than the
/// border threshold but made of many small dots with paper between them. A scanner border is one
/// solid area (nearly every pixel dark); these areas are page, so `BorderDetector` neither paints
/// nor crops them.
///
/// Measured on the page before deskew: the bilinear rotation blurs dots into gray, which would look
/// solid. `rotationDegrees` then maps the deskewed page's points back onto the measured page.
struct BorderTexture: Equatable {
    /// A dark area is border when at least this share of its pixels is darker than the level
    /// half-way between the border threshold and the paper. Scanner borders measure 0.99–1 on the
    /// benchmark's pages and the real scans. A dotted shade as dense as 0.90 is painted too (its
    /// noise reads as garbage, eval-0046); one of 0.84, with words readable in it, is kept (eval-0013).
    static let solidShare = 0.87

    /// Reduced-grid cells (of `factor`-pixel blocks) of the dotted areas.
    var dotted: [Bool]
    var factor: Int
    var gridWidth: Int
    var gridHeight: Int
    /// Size of the measured page (a deskew keeps it).
    var width: Int
    var height: Int
    /// The rotation (degrees, as `Raster.rotated(degrees:)`) applied to the page since it was measured.
    var rotationDegrees = 0.0

    /// Whether any dark edge area is dotted.
    var hasDottedAreas: Bool { dotted.contains(true) }

    /// The dotted dark edge areas of `gray` at `dpi`, judged by `BorderDetector`'s own threshold
    /// and grid.
    static func measured(_ gray: Raster, dpi: Int) -> BorderTexture {
        let factor = BorderDetector.gridFactor(dpi: dpi)
        let reduced = Binarization.reduced(gray, by: factor)
        guard let levels = BorderDetector.levels(reduced) else { return none(gray, factor: factor, reduced: reduced) }
        let mask = BorderDetector.frameMask(reduced, darkerThan: levels.dark)
        return measured(gray, mask: mask, reduced: reduced, factor: factor, paper: levels.paper, dark: levels.dark)
    }

    /// The dotted areas among the frame-connected dark cells `mask` of `gray`'s reduction `reduced`.
    static func measured(
        _ gray: Raster, mask: [Bool], reduced: Raster, factor: Int, paper: Int, dark: Int
    ) -> BorderTexture {
        var texture = none(gray, factor: factor, reduced: reduced)
        let w = reduced.width
        let h = reduced.height
        let middle = UInt8(clamping: (paper + dark) / 2)
        for cells in components(of: mask, width: w, height: h) {
            // The share of the area's pixels darker than `middle`.
            var darkPixels = 0
            var pixels = 0
            gray.pixels.withUnsafeBufferPointer { source in
                for cell in cells {
                    let x0 = (cell % w) * factor
                    let y0 = (cell / w) * factor
                    let x1 = Swift.min(x0 + factor, gray.width)
                    for y in y0..<Swift.min(y0 + factor, gray.height) {
                        let row = y * gray.width
                        for x in x0..<x1 where source[row + x] < middle { darkPixels += 1 }
                        pixels += x1 - x0
                    }
                }
            }
            if Double(darkPixels) < Self.solidShare * Double(pixels) {
                for cell in cells { texture.dotted[cell] = true }
            }
        }
        return texture
    }

    /// The 4-connected areas of `mask` (a `width` × `height` grid), each as its cell indices.
    static func components(of mask: [Bool], width w: Int, height h: Int) -> [[Int]] {
        var label = [Bool](repeating: false, count: w * h)
        var stack: [Int] = []
        var areas: [[Int]] = []
        for start in mask.indices where mask[start] && !label[start] {
            var cells: [Int] = []
            label[start] = true
            stack.append(start)
            func visit(_ near: Int) {
                if mask[near], !label[near] {
                    label[near] = true
                    stack.append(near)
                }
            }
            while let index = stack.popLast() {
                cells.append(index)
                let x = index % w
                let y = index / w
                if x > 0 { visit(index - 1) }
                if x < w - 1 { visit(index + 1) }
                if y > 0 { visit(index - w) }
                if y < h - 1 { visit(index + w) }
            }
            areas.append(cells)
        }
        return areas
    }

    private static func none(_ gray: Raster, factor: Int, reduced: Raster) -> BorderTexture {
        BorderTexture(
            dotted: [Bool](repeating: false, count: reduced.width * reduced.height), factor: factor,
            gridWidth: reduced.width, gridHeight: reduced.height, width: gray.width, height: gray.height)
    }

    /// Clears from `mask` (the frame-connected dark cells of the page as it is now, a grid of
    /// `gridWidth` cells of `factor` pixels) every cell whose centre lies in a dotted area.
    func removeDotted(from mask: inout [Bool], gridWidth w: Int, factor f: Int) {
        guard hasDottedAreas else { return }
        if rotationDegrees == 0, f == factor, w == gridWidth, mask.count == dotted.count {
            for index in mask.indices where dotted[index] { mask[index] = false }
            return
        }
        // A point of the rotated page shows the measured page at its rotation about the centre
        // (the same mapping as `Raster.rotated(degrees:)`).
        let radians = rotationDegrees * .pi / 180
        let cosine = cos(radians)
        let sine = sin(radians)
        let cx = Double(width) / 2
        let cy = Double(height) / 2
        // An area of the page as it is now is dotted when most of its cells lie in dotted areas.
        let h = mask.count / w
        for cells in Self.components(of: mask, width: w, height: h) {
            var inDotted = 0
            for index in cells {
                let dx = Double((index % w) * f) + Double(f) / 2 - cx
                let dy = Double((index / w) * f) + Double(f) / 2 - cy
                let sx = dx * cosine - dy * sine + cx
                let sy = dx * sine + dy * cosine + cy
                guard sx >= 0, sy >= 0, sx < Double(width), sy < Double(height) else { continue }
                let cell = (Int(sy) / factor) * gridWidth + Int(sx) / factor
                if cell < dotted.count, dotted[cell] { inDotted += 1 }
            }
            if inDotted * 2 > cells.count {
                for index in cells { mask[index] = false }
            }
        }
    }
}
