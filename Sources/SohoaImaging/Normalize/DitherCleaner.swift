/// Clears dither noise from bilevel scans: where a scanner's threshold fell near the paper's level
/// (a dark vignette, a shadowed margin), the paper turned into a field of scattered black dots that
/// hides the last lines from OCR.
///
/// A region is dither when many of its pixels have at most one neighbour of their own colour (text,
/// rules and paper form runs, noise does not). There, only the solid ink is kept: every 3×3
/// square that is all black (printed strokes are that thick, the dots of noise almost never are),
/// grown back a few pixels into the scan's well-filled black pixels for the thinner parts of the
/// letters. Tone marks stay: they are small but solid. Gray scans and clean regions are left as
/// they are.
enum DitherCleaner {
    /// Side of the square regions judged one by one, in pixels at 300 dpi.
    static let tileSize = 48
    /// Share of a region's pixels with at most one neighbour of their own colour above which the
    /// region is dither (noise of any density from 5% to 65% black: over 3%; text, paper and rules
    /// one pixel thin: almost none).
    static let isolatedShare = 0.02
    /// How far solid ink grows back into the scan's black pixels, in pixels at 300 dpi: the thin
    /// strokes and serifs that no 3×3 square fits in.
    static let reach = 4
    /// Black pixels in its 3×3 neighbourhood (itself included) a pixel needs to be grown into: a
    /// stroke two pixels wide has six, a dot of noise seldom does.
    static let filledNeighbourhood = 6
    /// Share of a kept patch that must be solid ink (inside an all-black 3×3 square) or its rim:
    /// letters and marks are over 85% so, the clumps of a dense noise 50% to 70%.
    static let minimumSolidShare = 0.75
    /// Pixels (at 300 dpi) of a solid piece that is kept even inside a clump: a letter's stroke with
    /// its rim (a stem of 10-point type has over 100); a dot of noise with its rim has about 25.
    static let letterPieceArea = 64

    /// `gray` with its dither regions cleaned, and how many regions were cleaned (0 when there is no
    /// dither). Pixels darker than mid-gray are ink; cleaned pixels become white.
    static func cleaned(_ gray: Raster, dpi: Int) -> (raster: Raster, regions: Int) {
        let w = gray.width
        let h = gray.height
        guard gray.layout == .gray, w >= 16, h >= 16 else { return (gray, 0) }
        let ink = gray.pixels.map { $0 < 128 ? UInt8(1) : 0 }
        let counts = neighbourhoodCounts(ink, width: w, height: h)
        let tile = Swift.max(16, tileSize * dpi / 300)
        let columns = (w + tile - 1) / tile
        let rows = (h + tile - 1) / tile

        // Which regions are dither, and the regions around them (dither fades out across an edge).
        var noisy = [Bool](repeating: false, count: columns * rows)
        for ty in 0..<rows {
            for tx in 0..<columns {
                let x0 = tx * tile
                let y0 = ty * tile
                let x1 = Swift.min(w, x0 + tile)
                let y1 = Swift.min(h, y0 + tile)
                var isolated = 0
                for y in y0..<y1 {
                    for x in x0..<x1 {
                        let i = y * w + x
                        let same = ink[i] == 1 ? Int(counts[i]) - 1 : 8 - Int(counts[i])
                        if same <= 1 { isolated += 1 }
                    }
                }
                noisy[ty * columns + tx] = Double(isolated) > isolatedShare * Double((x1 - x0) * (y1 - y0))
            }
        }
        var clean = noisy
        for ty in 0..<rows {
            for tx in 0..<columns where noisy[ty * columns + tx] {
                for ny in Swift.max(0, ty - 1)...Swift.min(rows - 1, ty + 1) {
                    for nx in Swift.max(0, tx - 1)...Swift.min(columns - 1, tx + 1) { clean[ny * columns + nx] = true }
                }
            }
        }
        let regions = clean.filter { $0 }.count
        guard regions > 0 else { return (gray, 0) }
        var inClean = [Bool](repeating: false, count: w * h)
        for y in 0..<h {
            let base = (y / tile) * columns
            for x in 0..<w where clean[base + x / tile] { inClean[y * w + x] = true }
        }

        // Solid ink: every all-black 3×3 square.
        var kept = [Bool](repeating: false, count: w * h)
        var frontier: [Int] = []
        for y in 1..<(h - 1) {
            for x in 1..<(w - 1) where counts[y * w + x] == 9 {
                for dy in -1...1 {
                    for dx in -1...1 {
                        let j = (y + dy) * w + x + dx
                        if !kept[j] {
                            kept[j] = true
                            frontier.append(j)
                        }
                    }
                }
            }
        }
        // Solid ink and its rim (the first step grown back): what a letter or a mark is made of.
        var solid = kept
        // Grown back a few steps into well-filled black pixels.
        let steps = Swift.max(1, (reach * dpi + 150) / 300)
        let minimum = UInt8(filledNeighbourhood)
        for step in 0..<steps where !frontier.isEmpty {
            var next: [Int] = []
            for i in frontier {
                let x = i % w
                let y = i / w
                for ny in Swift.max(0, y - 1)...Swift.min(h - 1, y + 1) {
                    for nx in Swift.max(0, x - 1)...Swift.min(w - 1, x + 1) {
                        let j = ny * w + nx
                        if ink[j] == 1, !kept[j], counts[j] >= minimum {
                            kept[j] = true
                            next.append(j)
                        }
                    }
                }
            }
            frontier = next
            if step == 0 { solid = kept }
        }

        dropPatchyComponents(&kept, solid: solid, width: w, height: h, dpi: dpi)
        var pixels = gray.pixels
        for i in 0..<(w * h) where inClean[i] && !kept[i] { pixels[i] = 255 }
        return (Raster(width: w, height: h, layout: .gray, pixels: pixels), regions)
    }

    /// Clears the kept patches that are largely grown back rather than solid and join several solid
    /// pieces: the clumps of a dense noise (a gutter's shadow), which OCR would read as letters. A
    /// letter is almost all solid; a small mark is one solid piece with a rim of noise. In such a
    /// patch, pieces of letter size are kept on their own: letters that the noise around them joined
    /// into one patch (a word in a dark corner) are not cleared with it.
    private static func dropPatchyComponents(
        _ kept: inout [Bool], solid isSolid: [Bool], width w: Int, height h: Int, dpi: Int
    ) {
        let letterPiece = Swift.max(1, letterPieceArea * dpi * dpi / (300 * 300))
        var seen = [Bool](repeating: false, count: w * h)
        var inPiece = [Bool](repeating: false, count: w * h)
        var patch: [Int] = []
        for start in 0..<(w * h) where kept[start] && !seen[start] {
            seen[start] = true
            patch.removeAll(keepingCapacity: true)
            patch.append(start)
            var solid = 0
            var next = 0
            while next < patch.count {
                let i = patch[next]
                next += 1
                if isSolid[i] { solid += 1 }
                let x = i % w
                let y = i / w
                for ny in Swift.max(0, y - 1)...Swift.min(h - 1, y + 1) {
                    for nx in Swift.max(0, x - 1)...Swift.min(w - 1, x + 1) {
                        let j = ny * w + nx
                        if kept[j], !seen[j] {
                            seen[j] = true
                            patch.append(j)
                        }
                    }
                }
            }
            guard Double(solid) < minimumSolidShare * Double(patch.count) else { continue }
            // A mark is one solid piece in a rim of noise; a clump joins several.
            var pieces: [[Int]] = []
            for start in patch where isSolid[start] && !inPiece[start] {
                var piece: [Int] = []
                inPiece[start] = true
                var stack = [start]
                while let i = stack.popLast() {
                    piece.append(i)
                    let x = i % w
                    let y = i / w
                    for ny in Swift.max(0, y - 1)...Swift.min(h - 1, y + 1) {
                        for nx in Swift.max(0, x - 1)...Swift.min(w - 1, x + 1) {
                            let j = ny * w + nx
                            if isSolid[j], kept[j], !inPiece[j] {
                                inPiece[j] = true
                                stack.append(j)
                            }
                        }
                    }
                }
                pieces.append(piece)
            }
            if pieces.count > 1 {
                for i in patch { kept[i] = false }
                for piece in pieces where piece.count >= letterPiece {
                    for i in piece { kept[i] = true }
                }
            }
        }
    }

    /// Black pixels in each pixel's 3×3 neighbourhood, itself included (outside the image is white).
    private static func neighbourhoodCounts(_ ink: [UInt8], width w: Int, height h: Int) -> [UInt8] {
        var across = [UInt8](repeating: 0, count: w * h)
        for y in 0..<h {
            let row = y * w
            for x in 0..<w {
                var sum = ink[row + x]
                if x > 0 { sum += ink[row + x - 1] }
                if x + 1 < w { sum += ink[row + x + 1] }
                across[row + x] = sum
            }
        }
        var counts = [UInt8](repeating: 0, count: w * h)
        for y in 0..<h {
            for x in 0..<w {
                let i = y * w + x
                var sum = across[i]
                if y > 0 { sum += across[i - w] }
                if y + 1 < h { sum += across[i + w] }
                counts[i] = sum
            }
        }
        return counts
    }
}
