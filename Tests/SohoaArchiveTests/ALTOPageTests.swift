import SohoaArchive
import XCTest

/// The one ALTO reader: sohoa's own ALTO read whole, and what ALTO leaves optional (an ALTO from a bag
/// made elsewhere) filled in instead of refused.
final class ALTOPageTests: XCTestCase {
    func testSohoasALTOIsReadWithItsBlocksLinesWordsAndBoxes() throws {
        let page = try ALTOPage(
            parsing: """
                <alto><Layout><Page WIDTH="1000" HEIGHT="1400"><PrintSpace>
                <TextBlock ID="b1"><TextLine ID="l1" HPOS="10" VPOS="20" WIDTH="300" HEIGHT="40">
                <String ID="w1" CONTENT="Thư" HPOS="10" VPOS="20" WIDTH="90" HEIGHT="40" WC="0.95"/><SP/>
                <String ID="w2" CONTENT="vi&#x1EC7;n &amp; c&#7893;" HPOS="110" VPOS="20" WIDTH="200" HEIGHT="40" WC="0.41"/>
                </TextLine></TextBlock>
                <TextBlock ID="b2"><TextLine ID="l2" HPOS="10" VPOS="90" WIDTH="120" HEIGHT="40">
                <String ID="w3" CONTENT="Lai" HPOS="10" VPOS="90" WIDTH="120" HEIGHT="40"/></TextLine></TextBlock>
                </PrintSpace></Page></Layout></alto>
                """)
        XCTAssertEqual(page.width, 1000)
        XCTAssertEqual(page.height, 1400)
        XCTAssertEqual(page.blocks.map(\.id), ["b1", "b2"])
        XCTAssertEqual(page.lines.map(\.text), ["Thư viện & cổ", "Lai"])
        XCTAssertEqual(page.plainText, "Thư viện & cổ\n\nLai")
        XCTAssertEqual(page.lines[0].words[1].box, ALTOPage.Box(x: 110, y: 20, width: 200, height: 40))
        XCTAssertEqual(page.lines[0].words[1].confidence, 0.41)
        XCTAssertNil(page.lines[1].words[0].confidence)
    }

    func testWhatALTOLeavesOptionalIsFilledIn() throws {
        let page = try ALTOPage(
            parsing: """
                <alto><Layout><Page><PrintSpace><TextBlock>
                <TextLine HPOS="10" VPOS="20" WIDTH="300" HEIGHT="40"><String CONTENT="Mường"/><String CONTENT="Tè"/></TextLine>
                <TextLine><String CONTENT="x"/></TextLine>
                </TextBlock></PrintSpace></Page></Layout></alto>
                """)
        XCTAssertEqual(page.width, 0, "a page without a size is 0 × 0")
        XCTAssertEqual(page.lines.map(\.id), ["line_1", "line_2"])
        XCTAssertEqual(page.lines[0].words.map(\.box), [page.lines[0].box, page.lines[0].box], "a word without a box takes its line's")
        XCTAssertEqual(page.lines[1].box.width, 0)
    }

    func testADocumentWithoutAPageOrWithABoxThatIsNotANumberIsRefused() {
        XCTAssertThrowsError(try ALTOPage(parsing: "<alto><TextLine ID=\"l\"/></alto>")) { error in
            XCTAssertTrue("\(error)".contains("no <Page>"), "\(error)")
        }
        XCTAssertThrowsError(
            try ALTOPage(parsing: "<alto><Page><TextLine ID=\"l1\" HPOS=\"1\" VPOS=\"x\" WIDTH=\"2\" HEIGHT=\"3\"/></Page></alto>")
        ) {
            error in
            XCTAssertTrue("\(error)".contains("TextLine l1"), "\(error)")
        }
    }
}
