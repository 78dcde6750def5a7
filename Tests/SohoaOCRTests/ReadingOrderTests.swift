import SohoaOCR
import XCTest

/// Reading order on synthetic block boxes (a 2000×3000 page; columns at x 200–1000 and 1100–1900).
final class ReadingOrderTests: XCTestCase {
    /// A one-word block named `name` whose box is x, y, width, height.
    private func block(_ name: String, _ x: Int, _ y: Int, _ width: Int, _ height: Int) -> TextBlock {
        let box = BoundingBox(x: x, y: y, width: width, height: height)
        let word = Word(text: name, box: box, confidence: 90)
        return TextBlock(box: box, paragraphs: [TextParagraph(box: box, lines: [TextLine(box: box, words: [word])])])
    }

    private func order(_ blocks: [TextBlock]) -> [String] {
        ReadingOrder.arranged(blocks).map { $0.paragraphs[0].lines[0].words[0].text }
    }

    func testHeadingAboveTwoColumnsIsReadBeforeThem() {
        // Tesseract's order on eval-0028: the full-width heading and the folio come after the left column.
        let blocks = [
            block("title", 500, 200, 1000, 50), block("left-heading", 200, 530, 500, 60),
            block("left-1", 200, 640, 800, 400), block("left-2", 200, 1100, 800, 900),
            block("folio", 980, 2850, 40, 40), block("heading", 130, 380, 1900, 90),
            block("right-1", 1100, 520, 800, 800), block("right-2", 1100, 1400, 800, 1300),
        ]
        XCTAssertEqual(
            order(blocks), ["title", "heading", "left-heading", "left-1", "left-2", "right-1", "right-2", "folio"])
    }

    func testHeadingOverOneColumnStaysInItsColumn() {
        // The running head lies over the right column only; the left column's heading sits beside the
        // right column's first line (a paragraph carried over): both stay in their columns.
        let blocks = [
            block("left-heading", 260, 260, 420, 50), block("left-1", 200, 350, 800, 1000),
            block("left-2", 200, 1400, 800, 1000), block("right-carried", 1100, 300, 750, 50),
            block("right-1", 1100, 380, 800, 1000), block("right-2", 1100, 1420, 800, 1000),
            block("running-head", 820, 150, 550, 40), block("folio", 1020, 2600, 50, 30),
        ]
        XCTAssertEqual(
            order(blocks),
            ["running-head", "left-heading", "left-1", "left-2", "right-carried", "right-1", "right-2", "folio"])
    }

    func testSpanningBlockBesideAColumnBlockKeepsTesseractsOrder() {
        // The heading overlaps the top of the right column in height: no clean cut, nothing is moved.
        let blocks = [
            block("left-1", 200, 400, 800, 1000), block("right-1", 1100, 250, 800, 1000),
            block("heading", 150, 200, 1700, 100),
        ]
        XCTAssertEqual(order(blocks), ["left-1", "right-1", "heading"])
    }

    func testFullWidthBlockInTheMiddleSplitsTheColumns() {
        let blocks = [
            block("left-1", 200, 200, 800, 1000), block("left-2", 200, 1600, 800, 1000),
            block("right-1", 1100, 200, 800, 1000), block("right-2", 1100, 1600, 800, 1000),
            block("middle", 200, 1300, 1700, 200),
        ]
        XCTAssertEqual(order(blocks), ["left-1", "right-1", "middle", "left-2", "right-2"])
    }

    func testColumnsWhoseParagraphGapsLineUpStayColumns() {
        // A white band crosses both columns between their paragraphs; it must not make rows of them.
        let blocks = [
            block("left-1", 200, 200, 800, 1000), block("left-2", 200, 1300, 800, 1200),
            block("left-3", 200, 2600, 800, 300),
            block("right-1", 1100, 200, 800, 1000), block("right-2", 1100, 1300, 800, 900),
        ]
        XCTAssertEqual(order(blocks), ["left-1", "left-2", "left-3", "right-1", "right-2"])
    }

    func testColumnEdgesStrayingIntoTheGutterStayColumns() {
        // A page left slightly skewed: the columns drift right as they go down, so a paragraph of one
        // band reaches a few pixels into the gutter of the band above; the folio sits in the gutter.
        let blocks = [
            block("left-1", 200, 200, 800, 1000), block("left-2", 215, 1300, 800, 1000),
            block("right-1", 1100, 200, 800, 1000), block("right-2", 1115, 1300, 800, 1000),
            block("folio", 1030, 2500, 60, 40),
        ]
        XCTAssertEqual(order(blocks), ["left-1", "left-2", "right-1", "right-2", "folio"])
    }

    func testSingleColumnWithAFigureKeepsTesseractsOrder() {
        let blocks = [
            block("para-1", 200, 200, 1700, 600), block("para-2", 200, 900, 900, 800),
            block("figure-caption", 1200, 900, 700, 800), block("para-3", 200, 1800, 1700, 600),
            block("folio", 950, 2800, 100, 40),
        ]
        XCTAssertEqual(order(blocks), ["para-1", "para-2", "figure-caption", "para-3", "folio"])
    }

    func testOverlappingBoxesKeepTesseractsOrder() {
        // A block covering the page leaves no white band and no gutter: nothing is moved.
        let blocks = [
            block("left", 200, 600, 800, 2000), block("page", 100, 100, 1800, 2800),
            block("heading", 200, 300, 1700, 100), block("right", 1100, 600, 800, 2000),
        ]
        XCTAssertEqual(order(blocks), ["left", "page", "heading", "right"])
    }

    /// A block of one-word paragraphs, each named and boxed as `(name, x, y, width, height)`.
    private func block(paragraphs: [(String, Int, Int, Int, Int)]) -> TextBlock {
        let list = paragraphs.map { name, x, y, width, height -> TextParagraph in
            let box = BoundingBox(x: x, y: y, width: width, height: height)
            return TextParagraph(box: box, lines: [TextLine(box: box, words: [Word(text: name, box: box, confidence: 90)])])
        }
        let left = list.map(\.box.x).min() ?? 0, top = list.map(\.box.y).min() ?? 0
        let right = list.map { $0.box.x + $0.box.width }.max() ?? 0
        let bottom = list.map { $0.box.y + $0.box.height }.max() ?? 0
        return TextBlock(box: BoundingBox(x: left, y: top, width: right - left, height: bottom - top), paragraphs: list)
    }

    /// Every word of the arranged blocks, in reading order.
    private func words(_ blocks: [TextBlock]) -> [String] {
        ReadingOrder.arranged(blocks).flatMap { $0.paragraphs.flatMap { $0.lines.flatMap { $0.words.map(\.text) } } }
    }

    func testRightColumnParagraphReadBetweenLeftParagraphsGoesToItsColumn() {
        // Tesseract's order: a paragraph of the right column between two of the left (eval-0005's fault).
        let blocks = [
            block("running-head", 700, 100, 600, 40), block("left-1", 200, 200, 800, 900),
            block("right-1", 1100, 200, 800, 700), block("left-2", 200, 1150, 800, 1200),
            block("right-2", 1100, 950, 800, 1400), block("folio", 980, 2800, 40, 40),
        ]
        XCTAssertEqual(order(blocks), ["running-head", "left-1", "left-2", "right-1", "right-2", "folio"])
        // The same without a block across the columns.
        XCTAssertEqual(order(Array(blocks[1...4])), ["left-1", "left-2", "right-1", "right-2"])
    }

    func testParagraphOfTheRightColumnInsideALeftBlockIsSeparated() {
        // One block holds the left column's paragraphs and, between them, the right column's first.
        let blocks = [
            block(paragraphs: [
                ("left-1", 200, 200, 800, 900), ("right-1", 1100, 200, 800, 700), ("left-2", 200, 1150, 800, 1200),
            ]),
            block("right-2", 1100, 950, 800, 1400),
        ]
        XCTAssertEqual(words(blocks), ["left-1", "left-2", "right-1", "right-2"])
    }

    func testThreeColumnsAndBlocksWithAHeadingKeepTesseractsOrder() {
        // Three columns: Tesseract's order is kept (tables read as Tesseract reads them).
        let blocks = [
            block("a-1", 100, 200, 500, 900), block("b-1", 700, 200, 500, 900), block("a-2", 100, 1200, 500, 900),
            block("c-1", 1300, 200, 500, 1900), block("b-2", 700, 1200, 500, 900),
        ]
        XCTAssertEqual(order(blocks), ["a-1", "b-1", "a-2", "c-1", "b-2"])
        // A block whose heading runs across the gutter is not taken apart, and with it no clean gutter
        // lies between the blocks: Tesseract's order is kept.
        let withHeading = [
            block(paragraphs: [("heading", 200, 100, 1700, 60), ("left-1", 200, 200, 800, 1200)]),
            block("right-1", 1100, 200, 800, 1200), block("left-2", 200, 1500, 800, 1200),
            block("right-2", 1100, 1500, 800, 1200),
        ]
        XCTAssertEqual(words(withHeading), ["heading", "left-1", "right-1", "left-2", "right-2"])
    }

    func testOneBlockAndNoBlocksAreUnchanged() {
        XCTAssertEqual(order([block("only", 0, 0, 10, 10)]), ["only"])
        XCTAssertEqual(ReadingOrder.arranged([]), [])
    }
}
