/// Puts a page's text blocks in reading order where Tesseract's layout analysis reads a block that
/// spans the columns (a heading, a full-width paragraph, a folio) out of place, or gives the pieces
/// of a line as separate blocks (see `joiningLinePieces`).
///
/// The page's gutters are the white gaps between its columns: x ranges, inside the text, that few
/// blocks cover (a quarter of the most-covered x at most, counting each block by its height). A block
/// across the middle of a gutter, or mostly inside one (a folio), spans the columns; the other blocks
/// are column blocks. The spanning blocks are read top to bottom, and the column blocks between two of them (by height on the page)
/// in Tesseract's order, which reads each column down before the next. Tesseract's order is kept on
/// a page without gutters (one column) or without spanning blocks, and where a spanning block and a
/// column block overlap in height, so that no clean cut exists.
public enum ReadingOrder {
    /// The blocks in reading order; the same blocks, only moved.
    public static func arranged(_ blocks: [TextBlock]) -> [TextBlock] {
        let blocks = separatingColumns(blocks)
        let gutters = gutters(blocks)
        let crossing = Set(blocks.indices.filter { spans(blocks[$0].box, gutters) })
        return ordered(joiningLinePieces(blocks, gutters: gutters, spanning: crossing), gutters: gutters)
    }

    /// The spanning blocks top to bottom, and the column blocks between them in Tesseract's order;
    /// on a page of two columns (one gutter), the column blocks between them the left column's top
    /// to bottom, then the right's.
    private static func ordered(_ blocks: [TextBlock], gutters: [Range<Int>]) -> [TextBlock] {
        let across = blocks.indices
            .filter { spans(blocks[$0].box, gutters) }
            .sorted { (blocks[$0].box.y, $0) < (blocks[$1].box.y, $1) }
        guard !across.isEmpty else { return columnsInTurn(Array(blocks.indices), blocks, gutters).map { blocks[$0] } }
        let spanning = Set(across)
        // Column blocks between the spanning blocks: section k lies below the first k of them.
        var sections = [[Int]](repeating: [], count: across.count + 1)
        for index in blocks.indices where !spanning.contains(index) {
            let box = blocks[index].box
            let above = across.filter { bottom(blocks[$0].box) <= box.y }.count
            let below = across.filter { blocks[$0].box.y >= bottom(box) }.count
            guard above + below == across.count else { return blocks }
            sections[above].append(index)
        }
        var order = columnsInTurn(sections[0], blocks, gutters)
        for (number, index) in across.enumerated() {
            order.append(index)
            order += columnsInTurn(sections[number + 1], blocks, gutters)
        }
        return order.map { blocks[$0] }
    }

    /// The column blocks `section` (indices of `blocks`) of a page of two columns, the left column's
    /// top to bottom, then the right's (Tesseract's layout analysis may read a paragraph of the right
    /// column between two of the left, eval-0005); unchanged on other pages.
    private static func columnsInTurn(_ section: [Int], _ blocks: [TextBlock], _ gutters: [Range<Int>]) -> [Int] {
        guard gutters.count == 1, let gutter = gutters.first else { return section }
        let middle = (gutter.lowerBound + gutter.upperBound) / 2
        return section.sorted { first, second in
            let a = blocks[first].box, b = blocks[second].box
            let key = { (box: BoundingBox) in box.x + box.width / 2 < middle ? 0 : 1 }
            return (key(a), a.y, first) < (key(b), b.y, second)
        }
    }

    /// The gaps between columns: x ranges inside the text that blocks cover to a quarter of the
    /// most-covered x at most (each block counted by its height), with more covered x on both sides.
    static func gutters(_ blocks: [TextBlock]) -> [Range<Int>] {
        // Coverage changes at block edges: (x, change), then runs of equal coverage.
        let edges = blocks.flatMap { block -> [(x: Int, change: Int)] in
            let span = span(block.box), height = max(0, block.box.height)
            return [(span.lowerBound, height), (span.upperBound, -height)]
        }.sorted { $0.x < $1.x }
        var runs: [(span: Range<Int>, coverage: Int)] = []
        var coverage = 0
        for (number, edge) in edges.enumerated() {
            coverage += edge.change
            if number + 1 < edges.count, edges[number + 1].x > edge.x {
                runs.append((edge.x..<edges[number + 1].x, coverage))
            }
        }
        guard let most = runs.map(\.coverage).max(), most > 0 else { return [] }
        let threshold = most / 4
        var gutters: [Range<Int>] = []
        var open: Range<Int>?
        var coveredBefore = false
        for run in runs {
            if run.coverage > threshold {
                if let gap = open, coveredBefore { gutters.append(gap) }
                open = nil
                coveredBefore = true
            } else {
                open = (open?.lowerBound ?? run.span.lowerBound)..<run.span.upperBound
            }
        }
        return gutters
    }

    /// True when the box covers the middle of a gutter, or lies mostly inside one (a folio); a column
    /// whose edge strays a few pixels into a gutter, as on a page left slightly skewed, does not.
    static func spans(_ box: BoundingBox, _ gutters: [Range<Int>]) -> Bool {
        let span = span(box)
        return gutters.contains { gutter in
            let inside = max(0, min(span.upperBound, gutter.upperBound) - max(span.lowerBound, gutter.lowerBound))
            return span.contains((gutter.lowerBound + gutter.upperBound) / 2) || (!span.isEmpty && 2 * inside >= span.count)
        }
    }

    static func span(_ box: BoundingBox) -> Range<Int> {
        box.x..<(box.x + max(0, box.width))
    }

    static func bottom(_ box: BoundingBox) -> Int {
        box.y + max(0, box.height)
    }
}
