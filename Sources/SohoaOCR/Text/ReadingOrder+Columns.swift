/// Separating the columns that Tesseract's layout analysis put in one block.
///
/// On a page of columns, Tesseract may give a paragraph of one column inside the block of the
/// other, so that the paragraph is read in the middle of the wrong column. The page's gutters are
/// measured on its paragraphs (as `gutters` does on blocks); a block whose paragraphs each lie in
/// one column, not all the same, becomes one block per column, each with its paragraphs in
/// Tesseract's order. A block with a paragraph across a gutter (a heading) is left as it is.
extension ReadingOrder {
    /// The blocks with each block of several columns separated into one block per column, in the
    /// place of the block, left column first.
    static func separatingColumns(_ blocks: [TextBlock]) -> [TextBlock] {
        guard blocks.contains(where: { $0.paragraphs.count > 1 }) else { return blocks }
        let paragraphs = blocks.flatMap { block in block.paragraphs.map { TextBlock(box: $0.box, paragraphs: [$0]) } }
        let gutters = gutters(paragraphs)
        guard !gutters.isEmpty else { return blocks }
        return blocks.flatMap { block -> [TextBlock] in
            guard block.paragraphs.count > 1,
                let columns = columns(of: block.paragraphs, gutters: gutters), Set(columns).count > 1
            else { return [block] }
            return Set(columns).sorted().map { column in
                let own = block.paragraphs.indices.filter { columns[$0] == column }.map { block.paragraphs[$0] }
                return TextBlock(box: union(own.map(\.box)), paragraphs: own)
            }
        }
    }

    /// The column of each paragraph (the number of gutters left of its middle); `nil` when one of
    /// them lies across a gutter or mostly inside one.
    private static func columns(of paragraphs: [TextParagraph], gutters: [Range<Int>]) -> [Int]? {
        var columns: [Int] = []
        for paragraph in paragraphs {
            guard !spans(paragraph.box, gutters) else { return nil }
            let middle = paragraph.box.x + paragraph.box.width / 2
            columns.append(gutters.filter { ($0.lowerBound + $0.upperBound) / 2 < middle }.count)
        }
        return columns
    }
}
