/// The spine's shadow along the cut edge of a spread's half: a band of paper, darker than the rest,
/// running the page's height at the gutter. Even light (`IlluminationCorrector`) leaves it, because
/// its coarse grid takes a cell much darker than its neighbours for print; read as it is, the band
/// comes out as lines of garbage beside the text.
///
/// The band is found column by column from the cut edge inward: a column belongs to it while its
/// paper (the column's median level, which print covering less than half of it does not move) is
/// clearly darker than the half's paper; it may begin a little inside the cut (a cut beside the
/// spine, in one page's margin). Each column of the band is lifted so that its paper is the
/// half's paper again, which keeps the print in it darker than the paper, so letters near the
/// gutter stay; a column too dark to hold readable print (a solid black band on a black-and-white
/// scan) is painted the paper's colour, like a scanner border.
enum GutterShadow {
    /// The side of the half the cut runs along.
    enum Edge: Equatable, Sendable {
        case left
        case right
    }

    /// A column belongs to the band while its paper is below this share of the half's paper.
    static let darkerShare = 0.9
    /// A column whose paper is below this share of the half's paper holds no readable print: painted.
    static let solidShare = 0.35
    /// The band is looked for up to this share of an inch from the cut (a spine shadow is well under it).
    static let searchInches = 0.8
    /// The band begins at most this share of an inch from the cut (a cut beside the spine, in one
    /// page's margin, leaves a strip of paper between them).
    static let startInches = 0.4

    /// A shadow band: the half's paper level, how far from the cut the band begins, and each band
    /// column's paper level, from the cut inward.
    struct Band: Equatable {
        var paper: Int
        var offset: Int
        var columns: [Int]
    }

    /// The shadow band along `edge`; `nil` when there is none.
    static func band(_ gray: Raster, edge: Edge, dpi: Int) -> Band? {
        let w = gray.width
        let h = gray.height
        guard gray.layout == .gray, w >= 16, h >= 16 else { return nil }
        let limit = Swift.min(w / 4, Swift.max(8, Int(Double(dpi) * searchInches)))
        let rowStep = Swift.max(1, h / 600)
        var papers: [Int] = []
        papers.reserveCapacity(limit)
        for offset in 0..<limit {
            let x = edge == .left ? offset : w - 1 - offset
            papers.append(columnMedian(gray, x: x, rowStep: rowStep))
        }
        // The half's paper: the median of the columns beyond the search area, sampled.
        var inner: [Int] = []
        let columnStep = Swift.max(1, (w - limit) / 64)
        for offset in stride(from: limit, to: w, by: columnStep) {
            let x = edge == .left ? offset : w - 1 - offset
            inner.append(columnMedian(gray, x: x, rowStep: rowStep * 2))
        }
        inner.sort()
        guard !inner.isEmpty else { return nil }
        let paper = inner[inner.count * 3 / 4]
        guard paper > 32 else { return nil }
        // Smoothed over a few columns, so that one column of print does not end the band.
        let radius = Swift.max(1, dpi / 100)
        func isDark(_ offset: Int) -> Bool {
            let from = Swift.max(0, offset - radius)
            let to = Swift.min(limit, offset + radius + 1)
            return Double(papers[from..<to].reduce(0, +)) < Double(paper) * darkerShare * Double(to - from)
        }
        let startLimit = Swift.min(limit, Int(Double(dpi) * startInches))
        guard let start = (0..<startLimit).first(where: isDark) else { return nil }
        var end = start
        while end < limit, isDark(end) { end += 1 }
        // A band narrower than a few pixels is the edge's own blur or a ruled line, not a shadow.
        guard end - start >= Swift.max(3, dpi / 20) else { return nil }
        return Band(paper: paper, offset: start, columns: Array(papers[start..<end]))
    }

    /// `gray` with the shadow along `edge` lifted (see the type's description), and how far from the
    /// cut the band reaches, in pixels (0 when there was none: `gray` unchanged).
    static func lifted(_ gray: Raster, edge: Edge, dpi: Int) -> (raster: Raster, width: Int) {
        guard let band = band(gray, edge: edge, dpi: dpi) else { return (gray, 0) }
        let paper = band.paper
        var page = gray
        let w = gray.width
        page.pixels.withUnsafeMutableBufferPointer { pixels in
            for (index, level) in band.columns.enumerated() {
                let offset = band.offset + index
                let x = edge == .left ? offset : w - 1 - offset
                if Double(level) < Double(paper) * solidShare {
                    for y in 0..<gray.height { pixels[y * w + x] = UInt8(paper) }
                    continue
                }
                let gain = Double(paper) / Double(Swift.max(1, level))
                for y in 0..<gray.height {
                    let lifted = Double(pixels[y * w + x]) * gain
                    pixels[y * w + x] = UInt8(Swift.min(255, lifted.rounded()))
                }
            }
        }
        return (page, band.offset + band.columns.count)
    }

    /// The median level of column `x`, every `rowStep`-th row.
    private static func columnMedian(_ gray: Raster, x: Int, rowStep: Int) -> Int {
        var histogram = [Int](repeating: 0, count: 256)
        var count = 0
        for y in stride(from: 0, to: gray.height, by: rowStep) {
            histogram[Int(gray.pixels[y * gray.width + x])] += 1
            count += 1
        }
        var cumulative = 0
        for level in 0..<256 {
            cumulative += histogram[level]
            if cumulative * 2 >= count { return level }
        }
        return 255
    }
}
