/// Joining the pieces of a line that Tesseract's layout analysis gave as separate blocks.
///
/// Where word gaps line up into a white channel (monospace or italic type), Tesseract may cut a line
/// at the channel and give a piece of it ("kỷ hai mươi,") as a block of its own, read before or after
/// the block that holds the rest of the line ("Lai Châu là"). Two column blocks are pieces of one
/// column when they share most of their width, sit at the same height, and one holds a line piece
/// beside a line piece of the other: at the same height, a word gap or so apart, with no gutter
/// between. Such blocks become one block, in the place of the first of them: its line pieces joined
/// into lines, left to right, and its lines read top to bottom. Blocks the rule does not clearly fit
/// are left as Tesseract gave them.
extension ReadingOrder {
    /// The blocks with the pieces of each column joined; the other blocks unchanged, in their order.
    static func joiningLinePieces(_ blocks: [TextBlock], gutters: [Range<Int>], spanning: Set<Int>) -> [TextBlock] {
        guard blocks.count > 1 else { return blocks }
        // Groups of blocks linked by line pieces (union-find over the pairs).
        var parent = Array(blocks.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index { index = parent[index] }
            return index
        }
        var linked = false
        for first in blocks.indices where !spanning.contains(first) {
            for second in blocks.indices where second > first && !spanning.contains(second) {
                guard piecesOfOneColumn(blocks[first], blocks[second], gutters) else { continue }
                let (a, b) = (root(first), root(second))
                if a != b { parent[max(a, b)] = min(a, b) }
                linked = true
            }
        }
        guard linked else { return blocks }
        var members: [Int: [Int]] = [:]
        for index in blocks.indices { members[root(index), default: []].append(index) }
        return blocks.indices.compactMap { index -> TextBlock? in
            guard root(index) == index, let group = members[index] else { return nil }
            return group.count == 1 ? blocks[index] : joined(group.map { blocks[$0] }, gutters)
        }
    }

    /// True when the two blocks share most of the narrower one's width and one holds a line piece
    /// beside a line piece of the other.
    private static func piecesOfOneColumn(_ first: TextBlock, _ second: TextBlock, _ gutters: [Range<Int>]) -> Bool {
        let a = span(first.box), b = span(second.box)
        let shared = min(a.upperBound, b.upperBound) - max(a.lowerBound, b.lowerBound)
        guard !a.isEmpty, !b.isEmpty, 2 * shared >= min(a.count, b.count) else { return false }
        let firstLines = first.paragraphs.flatMap(\.lines), secondLines = second.paragraphs.flatMap(\.lines)
        return firstLines.contains { line in
            secondLines.contains { besideOnOneLine(line.box, $0.box, gutters) }
        }
    }

    /// True when the two line pieces sit at the same height (overlapping by half the lower one's
    /// height at least), side by side, at most one and a half line heights apart, with no gutter
    /// between their middles.
    static func besideOnOneLine(_ first: BoundingBox, _ second: BoundingBox, _ gutters: [Range<Int>]) -> Bool {
        let low = min(first.height, second.height), high = max(first.height, second.height)
        guard low > 0 else { return false }
        let overlap = min(bottom(first), bottom(second)) - max(first.y, second.y)
        guard 2 * overlap >= low else { return false }
        let (left, right) = first.x <= second.x ? (first, second) : (second, first)
        let gap = right.x - (left.x + left.width)
        guard 4 * gap >= -low, 2 * gap <= 3 * high else { return false }
        let from = left.x + left.width / 2, to = right.x + right.width / 2
        return !gutters.contains { gutter in (from...to).contains((gutter.lowerBound + gutter.upperBound) / 2) }
    }

    /// One block of the group's lines: pieces at the same height joined left to right, the lines top
    /// to bottom, a paragraph break wherever the line's main piece changes paragraph.
    private static func joined(_ group: [TextBlock], _ gutters: [Range<Int>]) -> TextBlock {
        // Each piece with the paragraph it came from and that paragraph's line count.
        var pieces: [(line: TextLine, paragraph: Int, weight: Int)] = []
        var paragraphNumber = 0
        for block in group {
            for paragraph in block.paragraphs {
                pieces += paragraph.lines.map { ($0, paragraphNumber, paragraph.lines.count) }
                paragraphNumber += 1
            }
        }
        var rows: [[(line: TextLine, paragraph: Int, weight: Int)]] = []
        for piece in pieces.sorted(by: { ($0.line.box.y, $0.line.box.x) < ($1.line.box.y, $1.line.box.x) }) {
            let fits = rows.firstIndex { row in
                row.contains { besideOnOneLine($0.line.box, piece.line.box, gutters) }
                    && !row.contains { overlapsAcross($0.line.box, piece.line.box) }
            }
            if let fits { rows[fits].append(piece) } else { rows.append([piece]) }
        }
        var paragraphs: [(number: Int, lines: [TextLine])] = []
        for row in rows.sorted(by: { top($0) < top($1) }) {
            let ordered = row.sorted { $0.line.box.x < $1.line.box.x }
            let line = TextLine(box: union(ordered.map(\.line.box)), words: ordered.flatMap(\.line.words))
            let main = ordered.max { $0.weight < $1.weight }?.paragraph ?? 0
            if let last = paragraphs.last, last.number == main {
                paragraphs[paragraphs.count - 1].lines.append(line)
            } else {
                paragraphs.append((main, [line]))
            }
        }
        return TextBlock(
            box: union(group.map(\.box)),
            paragraphs: paragraphs.map { TextParagraph(box: union($0.lines.map(\.box)), lines: $0.lines) })
    }

    /// True when the two pieces overlap in x by more than a quarter of the lower one's height.
    private static func overlapsAcross(_ first: BoundingBox, _ second: BoundingBox) -> Bool {
        let overlap = min(first.x + first.width, second.x + second.width) - max(first.x, second.x)
        return 4 * overlap > min(first.height, second.height)
    }

    private static func top(_ row: [(line: TextLine, paragraph: Int, weight: Int)]) -> Int {
        row.map(\.line.box.y).min() ?? 0
    }

    static func union(_ boxes: [BoundingBox]) -> BoundingBox {
        guard let first = boxes.first else { return BoundingBox(x: 0, y: 0, width: 0, height: 0) }
        var left = first.x, top = first.y, right = first.x + first.width, low = bottom(first)
        for box in boxes.dropFirst() {
            left = min(left, box.x)
            top = min(top, box.y)
            right = max(right, box.x + box.width)
            low = max(low, bottom(box))
        }
        return BoundingBox(x: left, y: top, width: right - left, height: low - top)
    }
}
