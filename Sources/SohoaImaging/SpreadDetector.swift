/// Finds the gutter of a two-page spread: the widest band without print in the middle third of a
/// landscape page, with print on both sides.
enum SpreadDetector {
    /// The gutter's x position in `gray` (clean gray, paper white), or `nil` when the page is not
    /// a spread under `mode`.
    static func gutter(_ gray: Raster, dpi: Int, mode: SpreadMode) -> Int? {
        switch mode {
        case .never: return nil
        case .auto: guard gray.width * 10 >= gray.height * 12 else { return nil }
        case .always: break
        }
        let factor = Swift.max(1, dpi / 50)
        let reduced = Binarization.reduced(gray, by: factor)
        let w = reduced.width
        let h = reduced.height
        guard w >= 12, h >= 12 else { return mode == .always ? gray.width / 2 : nil }
        // `auto` splits only what looks like an opened book, at least 4 inches tall: a strip of
        // text or a caption is not one, and its word spaces would pass for a gutter. A false split
        // cuts every line in half, so when in doubt, don't.
        if mode == .auto, gray.height * 10 < dpi * 40 { return nil }
        let minimumGutter = Swift.max(2, w / 100)
        var ink = [Int](repeating: 0, count: w)
        for y in 0..<h {
            for x in 0..<w where reduced.pixels[y * w + x] < 160 { ink[x] += 1 }
        }
        let total = ink.reduce(0, +)
        let lo = w * 3 / 10
        let hi = w * 7 / 10
        // Widest run of nearly empty columns in the middle band.
        let empty = Swift.max(1, h / 100)
        var best: (start: Int, length: Int) = (0, 0)
        var runStart = -1
        for x in lo...hi {
            if x < hi, ink[x] <= empty {
                if runStart < 0 { runStart = x }
            } else if runStart >= 0 {
                if x - runStart > best.length { best = (runStart, x - runStart) }
                runStart = -1
            }
        }
        if best.length >= minimumGutter, total > 0 {
            let centre = best.start + best.length / 2
            let leftInk = ink[0..<centre].reduce(0, +)
            if leftInk * 100 >= total * 15, (total - leftInk) * 100 >= total * 15 {
                return Swift.min(gray.width - 1, centre * factor + factor / 2)
            }
        }
        guard mode == .always else { return nil }
        // No clear gap: the least-printed column of the middle band (smoothed over 5).
        var bestX = w / 2
        var bestInk = Int.max
        for x in lo..<hi {
            let sum = ink[Swift.max(0, x - 2)...Swift.min(w - 1, x + 2)].reduce(0, +)
            if sum < bestInk {
                bestInk = sum
                bestX = x
            }
        }
        return Swift.min(gray.width - 1, bestX * factor + factor / 2)
    }
}
