/// Finds the gutter of a two-page spread: the widest band without print in the middle third of a
/// landscape page, with print on both sides. `auto` splits only an opened book: upright text lines
/// on each side of the gutter, and no other gap as wide (a table's columns are not pages).
enum SpreadDetector {
    /// Share of a half's rows that must be quiet (gaps between horizontal lines); rows across
    /// vertical lines (a page on its side) all carry ink.
    static let minimumQuietRowShare = 0.08

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
                guard mode == .auto else { return Swift.min(gray.width - 1, centre * factor + factor / 2) }
                // Cut in the middle of the gutter widened over the spine: the widest gap alone is one
                // page's margin beside the spine's shadow, which would leave the whole shadow inside
                // the other half (eval-0043), away from the cut where `GutterShadow` lifts it.
                if let gutter = bookOpeningGutter(ink: ink, reduced: reduced, gutter: best, minimumGap: minimumGutter) {
                    return Swift.min(gray.width - 1, (gutter.start + gutter.length / 2) * factor + factor / 2)
                }
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

    /// The gutter widened over a book's spine: a narrow band inside it that is solid (the spine's
    /// shadow, dark from top to bottom) or faint (a light shadow), not print, with a gap beyond it.
    /// Without this the shadow cuts the gutter into two gaps, each half as wide as the other.
    static func withSpine(
        _ gutter: (start: Int, length: Int), ink: [Int], reduced: Raster, minimumGap: Int, within print: ClosedRange<Int>
    ) -> (start: Int, length: Int) {
        let h = reduced.height
        let empty = Swift.max(1, h / 100)
        let faint = Swift.max(empty, h / 30)
        let widest = Swift.max(minimumGap * 3, gutter.length, ink.count / 12)
        // A shadow is wide and soft; a table's ruled line is a column or two of solid ink. What is
        // left of a shadow after the light is evened (soft edges, any darkness) is dark down the
        // page, not in lines: it runs from the top of the image to the bottom, through the margins
        // no line of a book page reaches, or without a break over many lines' height.
        func isSpine(_ band: Range<Int>) -> Bool {
            guard !band.isEmpty, band.count <= widest else { return false }
            if band.allSatisfy({ ink[$0] <= faint }) { return true }
            // The fold itself, a column or two with specks in at most a tenth of the rows (a ruled
            // line is dark down the page): the gutter on both sides of it is one gutter.
            if band.count <= 2, band.allSatisfy({ ink[$0] * 10 <= h }) { return true }
            if band.count >= 3, band.allSatisfy({ ink[$0] * 10 >= h * 6 || ink[$0] <= faint }) { return true }
            return band.count >= 3 && isShadow(rowsWithInk(reduced, columns: band))
        }
        var start = gutter.start
        var end = gutter.start + gutter.length  // exclusive
        // Leftwards: a band of spine (it may hold narrow gaps), then a gap of at least `minimumGap`.
        while true {
            var x = start - 1
            var run = 0
            while x >= print.lowerBound, run < minimumGap {
                run = ink[x] <= empty ? run + 1 : 0
                x -= 1
            }
            guard run >= minimumGap, isSpine((x + 1 + run)..<start) else { break }
            while x >= print.lowerBound, ink[x] <= empty { x -= 1 }
            start = x + 1
        }
        while true {
            var x = end
            var run = 0
            while x <= print.upperBound, run < minimumGap {
                run = ink[x] <= empty ? run + 1 : 0
                x += 1
            }
            guard run >= minimumGap, isSpine(end..<(x - run)) else { break }
            while x <= print.upperBound, ink[x] <= empty { x += 1 }
            end = x
        }
        return (start, end - start)
    }

    /// True when the rows holding ink in a narrow band (`rows[y]`) are a shadow, not lines of print:
    /// ink in all but one of 20 bands of rows, the first and last included; or a run without a break
    /// over a fifth of the height; or fewer than 5 runs as tall as a line (specks and patches).
    static func isShadow(_ rows: [Bool]) -> Bool {
        let h = rows.count
        guard h >= 20 else { return false }
        var bands = Set<Int>()
        var runs: [Int] = []
        var run = 0
        for (y, inked) in rows.enumerated() {
            if inked {
                run += 1
                bands.insert(y * 20 / h)
            } else if run > 0 {
                runs.append(run)
                run = 0
            }
        }
        if run > 0 { runs.append(run) }
        if runs.contains(where: { $0 * 5 >= h }) { return true }
        if bands.contains(0), bands.contains(19), bands.count >= 19 { return true }
        return runs.filter { $0 >= 3 }.count < 5
    }

    /// Per row of `reduced`, whether `columns` hold ink there.
    static func rowsWithInk(_ reduced: Raster, columns: Range<Int>) -> [Bool] {
        let w = reduced.width
        return (0..<reduced.height).map { y in columns.contains { reduced.pixels[y * w + $0] < 160 } }
    }

    /// The gap `gutter` (reduced columns) widened over the spine (`withSpine`) when it parts two
    /// pages: no other gap in the print is half as wide, and each side has horizontal text lines
    /// (quiet rows between lines); `nil` when it does not.
    static func bookOpeningGutter(
        ink: [Int], reduced: Raster, gutter found: (start: Int, length: Int), minimumGap: Int
    ) -> (start: Int, length: Int)? {
        let w = reduced.width
        let h = reduced.height
        let empty = Swift.max(1, h / 100)
        // The print's edges: a sliver of ink beyond the margin (the rest of a scanner's border) is not print.
        let isPrint = { (x: Int) in x + minimumGap <= w && ink[x..<(x + minimumGap)].allSatisfy { $0 > empty } }
        guard let first = (0..<w).first(where: isPrint),
            let last = (0..<w).last(where: isPrint).map({ $0 + minimumGap - 1 })
        else { return nil }
        let gutter = withSpine(found, ink: ink, reduced: reduced, minimumGap: minimumGap, within: first...last)
        var runStart = -1
        for x in first...last {
            if ink[x] <= empty {
                if runStart < 0 { runStart = x }
            } else if runStart >= 0 {
                let length = x - runStart
                let isGutter = runStart <= gutter.start + gutter.length && x >= gutter.start
                if !isGutter, length >= minimumGap, length * 2 >= gutter.length { return nil }
                runStart = -1
            }
        }
        /// Shares of quiet rows and of quiet columns in the print of `columns` (gaps between lines,
        /// and between letters or lines standing upright).
        func quietShares(_ columns: Range<Int>) -> (rows: Double, columns: Double) {
            var rows = [Int](repeating: 0, count: h)
            var cols = [Int](repeating: 0, count: columns.count)
            for y in 0..<h {
                for x in columns where reduced.pixels[y * w + x] < 160 {
                    rows[y] += 1
                    cols[x - columns.lowerBound] += 1
                }
            }
            func share(_ counts: [Int]) -> Double {
                guard let top = counts.firstIndex(where: { $0 > 0 }), let bottom = counts.lastIndex(where: { $0 > 0 }) else { return 0 }
                let span = counts[top...bottom]
                let reference = span.sorted()[span.count * 9 / 10]
                return Double(span.filter { $0 * 10 <= reference }.count) / Double(span.count)
            }
            return (share(rows), share(cols))
        }
        // Horizontal lines: quiet rows between them, or at least more quiet rows than columns
        // (dense type with tight leading); a page on its side has quiet columns instead.
        for half in [first..<gutter.start, (gutter.start + gutter.length)..<(last + 1)] {
            let quiet = quietShares(half)
            if quiet.rows < minimumQuietRowShare, quiet.rows < quiet.columns { return nil }
        }
        return gutter
    }
}
