import SohoaOCR
import XCTest

/// Issue 11: pieces of a line that Tesseract gave as separate blocks (word gaps of monospace or
/// italic type lined up into a white channel) are joined before reading order. Boxes from the seed-31
/// tune pages eval-0017 and eval-0011 (TeX Gyre Cursor, two columns at x 200–1000 and 1090–1890).
final class ReadingOrderLinePiecesTests: XCTestCase {
    /// A line of one word, `text`, whose box is x, y, width, height.
    private func line(_ text: String, _ x: Int, _ y: Int, _ width: Int, _ height: Int) -> TextLine {
        let box = BoundingBox(x: x, y: y, width: width, height: height)
        return TextLine(box: box, words: [Word(text: text, box: box, confidence: 90)])
    }

    /// A block of one paragraph holding `lines`, its box around them.
    private func block(_ lines: TextLine...) -> TextBlock {
        let left = lines.map(\.box.x).min() ?? 0, top = lines.map(\.box.y).min() ?? 0
        let right = lines.map { $0.box.x + $0.box.width }.max() ?? 0
        let low = lines.map { $0.box.y + $0.box.height }.max() ?? 0
        let box = BoundingBox(x: left, y: top, width: right - left, height: low - top)
        return TextBlock(box: box, paragraphs: [TextParagraph(box: box, lines: lines)])
    }

    /// The arranged blocks' lines, each as its words joined by spaces.
    private func lines(_ blocks: [TextBlock]) -> [String] {
        ReadingOrder.arranged(blocks).flatMap(\.paragraphs).flatMap(\.lines).map { $0.words.map(\.text).joined(separator: " ") }
    }

    /// The right column of eval-0017's page, read after the left column.
    private var rightColumn: TextBlock {
        block(line("một cán bộ", 1093, 471, 681, 48), line("gìn cẩn thận", 1095, 540, 737, 53), line("cho thư viện", 1096, 613, 616, 52))
    }

    func testPieceOfALineGivenAsABlockIsJoinedToTheRestOfTheLine() {
        // eval-0017: "kỷ hai mươi," is a block of its own, read after the block that holds "Lai Châu là".
        let column = block(
            line("Trong thế", 286, 565, 706, 48), line("Lai Châu là", 618, 640, 335, 40), line("một trong", 212, 710, 710, 52))
        let piece = block(line("kỷ hai mươi,", 215, 641, 353, 45))
        let next = block(line("bộ máy", 212, 789, 709, 47), line("với tới", 213, 860, 739, 51))
        XCTAssertEqual(
            lines([column, piece, next, rightColumn]),
            ["Trong thế", "kỷ hai mươi, Lai Châu là", "một trong", "bộ máy", "với tới", "một cán bộ", "gìn cẩn thận", "cho thư viện"])
    }

    func testBlocksOverlappingInHeightAreReadLineByLine() {
        // eval-0011: two blocks of one column overlap in height; each holds a piece of two lines.
        let upper = block(
            line("dãy Hoàng Liên Sơn.", 215, 696, 746, 37), line("độ cao khoảng 2.000 mét,", 215, 755, 585, 36),
            line("năm mây phủ,", 214, 814, 286, 37))
        let lower = block(
            line("quanh", 840, 757, 121, 34), line("mùa đông có khi", 538, 814, 371, 36),
            line("băng tuyết", 214, 869, 722, 41))
        XCTAssertEqual(
            lines([upper, lower, rightColumn]),
            [
                "dãy Hoàng Liên Sơn.", "độ cao khoảng 2.000 mét, quanh", "năm mây phủ, mùa đông có khi", "băng tuyết",
                "một cán bộ", "gìn cẩn thận", "cho thư viện",
            ])
    }

    func testTwoColumnsWithAGutterBetweenThemAreNotJoined() {
        // The columns' lines sit at the same heights, 60 pixels apart across the gutter.
        let left = block(line("left-1", 200, 500, 780, 45), line("left-2", 200, 570, 780, 45), line("left-3", 200, 640, 500, 45))
        let right = block(line("right-1", 1040, 500, 780, 45), line("right-2", 1040, 570, 780, 45))
        let leftBelow = block(line("left-4", 200, 740, 780, 45))
        XCTAssertEqual(lines([left, leftBelow, right]), ["left-1", "left-2", "left-3", "left-4", "right-1", "right-2"])
    }

    func testRunningHeadOverOneColumnIsUnchanged() {
        // The running head stands over the right column at the height of the left column's first line.
        let head = block(line("running head", 1300, 300, 500, 45))
        let left = block(line("left-1", 200, 300, 780, 45), line("left-2", 200, 370, 780, 45))
        let right = block(line("right-1", 1090, 400, 780, 45), line("right-2", 1090, 470, 780, 45))
        XCTAssertEqual(lines([left, head, right]), ["left-1", "left-2", "running head", "right-1", "right-2"])
    }

    func testJoinedBlockKeepsAllWordsOnce() {
        let column = block(line("a", 200, 500, 700, 45), line("c", 600, 570, 300, 45), line("d", 200, 640, 700, 45))
        let piece = block(line("b", 200, 572, 350, 45))
        let arranged = ReadingOrder.arranged([piece, column])
        XCTAssertEqual(arranged.count, 1)
        XCTAssertEqual(PageText(width: 2000, height: 3000, blocks: arranged).words.map(\.text), ["a", "b", "c", "d"])
        XCTAssertEqual(arranged[0].box, BoundingBox(x: 200, y: 500, width: 700, height: 185))
    }
}
