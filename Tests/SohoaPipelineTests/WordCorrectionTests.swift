import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaImaging
import SohoaOCR
import SohoaTesting
import XCTest

@testable import SohoaCollection
@testable import SohoaPipeline

/// Word-level correction from review: unchanged words keep their ALTO boxes, replaced words take the
/// boxes of what they replace, a save is a new OCFL version with a PREMIS event naming the reviewer,
/// and a save from an older revision is refused without writing anything.
final class WordCorrectionTests: XCTestCase {
    // MARK: ALTO revision, on a small document

    static let alto = """
        <?xml version="1.0" encoding="UTF-8"?>
        <alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">
          <Description>
            <MeasurementUnit>pixel</MeasurementUnit>
          </Description>
          <Layout>
            <Page ID="page_1" PHYSICAL_IMG_NR="1" WIDTH="1000" HEIGHT="1400">
              <PrintSpace HPOS="0" VPOS="0" WIDTH="1000" HEIGHT="1400">
                <TextBlock ID="block_1" HPOS="100" VPOS="100" WIDTH="800" HEIGHT="120" LANG="vie">
                  <TextLine ID="line_1" HPOS="100" VPOS="100" WIDTH="800" HEIGHT="50">
                    <String ID="string_1" HPOS="100" VPOS="102" WIDTH="150" HEIGHT="44" CONTENT="Thư" WC="0.95"/>
                    <SP HPOS="250" VPOS="100" WIDTH="30"/>
                    <String ID="string_2" HPOS="280" VPOS="101" WIDTH="200" HEIGHT="46" CONTENT="vien" WC="0.41"/>
                    <SP HPOS="480" VPOS="100" WIDTH="40"/>
                    <String ID="string_3" HPOS="520" VPOS="100" WIDTH="180" HEIGHT="48" CONTENT="tinh" WC="0.55"/>
                  </TextLine>
                  <TextLine ID="line_2" HPOS="100" VPOS="170" WIDTH="600" HEIGHT="50">
                    <String ID="string_4" HPOS="100" VPOS="170" WIDTH="200" HEIGHT="50" CONTENT="Lai" WC="0.9"/>
                    <SP HPOS="300" VPOS="170" WIDTH="40"/>
                    <String ID="string_5" HPOS="340" VPOS="170" WIDTH="260" HEIGHT="50" CONTENT="Chau&amp;" WC="0.7"/>
                  </TextLine>
                </TextBlock>
              </PrintSpace>
            </Page>
          </Layout>
        </alto>
        """

    private func revise(_ corrections: [String: [String]]) throws -> (String, ALTOPage) {
        let revised = try ALTOWordRevision.revise(
            Self.alto, corrections: corrections, by: "Lò Thị Mai (mai)", at: Date(timeIntervalSince1970: 1_790_000_000),
            software: "test")
        return (revised, try ALTOPage(parsing: revised))
    }

    func testReadingTheALTOGivesSizeLinesWordsAndConfidences() throws {
        let page = try ALTOPage(parsing: Self.alto)
        XCTAssertEqual(page.width, 1000)
        XCTAssertEqual(page.height, 1400)
        XCTAssertEqual(page.lines.map(\.id), ["line_1", "line_2"])
        XCTAssertEqual(page.lines[1].words[1].content, "Chau&", "entities are unescaped")
        XCTAssertEqual(page.lines[0].words[1].confidence, 0.41)
        XCTAssertEqual(page.lines[0].words[2].box, ALTOPage.Box(x: 520, y: 100, width: 180, height: 48))
        XCTAssertEqual(page.plainText, "Thư vien tinh\nLai Chau&")
    }

    func testAReplacedWordKeepsItsBoxAndTheOthersStayByteIdentical() throws {
        let (revised, page) = try revise(["line_1": ["Thư", "viện", "tinh"]])
        let word = page.lines[0].words[1]
        XCTAssertEqual(word.content, "viện")
        XCTAssertEqual(word.id, "string_2")
        XCTAssertEqual(word.box, ALTOPage.Box(x: 280, y: 101, width: 200, height: 46))
        XCTAssertEqual(word.confidence, 1)
        for kept in [
            #"<String ID="string_1" HPOS="100" VPOS="102" WIDTH="150" HEIGHT="44" CONTENT="Thư" WC="0.95"/>"#,
            #"<String ID="string_3" HPOS="520" VPOS="100" WIDTH="180" HEIGHT="48" CONTENT="tinh" WC="0.55"/>"#,
            #"<String ID="string_5" HPOS="340" VPOS="170" WIDTH="260" HEIGHT="50" CONTENT="Chau&amp;" WC="0.7"/>"#,
        ] {
            XCTAssertTrue(revised.contains(kept), "kept as it was: \(kept)")
        }
        XCTAssertTrue(revised.contains(#"<SP HPOS="250" VPOS="100" WIDTH="30"/>"#))
        XCTAssertTrue(revised.contains("<processingAgency>Lò Thị Mai (mai)</processingAgency>"))
        XCTAssertEqual(page.plainText, "Thư viện tinh\nLai Chau&")
    }

    func testAWordSplitInTwoSharesItsBoxAndAnInsertedWordFillsTheGap() throws {
        let (_, page) = try revise(["line_1": ["Thư", "vi", "ện", "tinh", "Lai"], "line_2": ["Lai", "Chau&", "đẹp"]])
        let line = page.lines[0].words
        XCTAssertEqual(line.map(\.content), ["Thư", "vi", "ện", "tinh", "Lai"])
        XCTAssertEqual(line[1].box.x, 280)
        XCTAssertEqual(line[2].box.right, 480, "the two halves fill the replaced word's box")
        XCTAssertLessThan(line[1].box.right, line[2].box.x)
        XCTAssertEqual(line[4].box.x, 700, "a word added at the end starts after the last word")
        XCTAssertEqual(line[4].box.right, 900, "and ends at the line's end")
        XCTAssertEqual(Set(page.lines.flatMap(\.words).map(\.id)).count, 8, "ids stay unique")
        XCTAssertEqual(page.lines[1].words[1].box, ALTOPage.Box(x: 340, y: 170, width: 260, height: 50))
        XCTAssertEqual(page.lines[1].words[2].box.x, 600)
        XCTAssertEqual(page.lines[1].words[2].box.right, 700)
    }

    func testMarkupInACorrectedWordIsEscapedAndAnEmptyLineIsRemoved() throws {
        let (revised, page) = try revise(["line_1": ["<script>", "\"x\"", "&"], "line_2": []])
        XCTAssertTrue(revised.contains(#"CONTENT="&lt;script&gt;""#))
        XCTAssertTrue(revised.contains(#"CONTENT="&quot;x&quot;""#))
        XCTAssertFalse(revised.contains("<script>"))
        XCTAssertEqual(page.lines.map(\.id), ["line_1"])
        XCTAssertEqual(page.lines[0].words.map(\.content), ["<script>", "\"x\"", "&"])
        XCTAssertThrowsError(try revise(["line_9": ["x"]]))
    }

    func testAlignmentKeepsCommonWordsAndGroupsTheRest() {
        XCTAssertEqual(
            WordAlignment(old: ["a", "b", "c"], new: ["a", "x", "y", "c"]).pieces,
            [.kept(old: 0, new: 0), .replaced(old: 1..<2, new: 1..<3), .kept(old: 2, new: 3)])
        XCTAssertEqual(WordAlignment(old: ["a", "b"], new: []).pieces, [.replaced(old: 0..<2, new: 0..<0)])
        XCTAssertEqual(
            WordAlignment(old: ["a"], new: ["z", "a"]).pieces, [.replaced(old: 0..<0, new: 0..<1), .kept(old: 0, new: 1)])
    }

    // MARK: A review on an archive

    func testAReviewWritesAVersionNamingTheReviewerAndAStaleOneWritesNothing() throws {
        let folder = try temporaryFolder()
        let archive = try ReviewTestArchive.make(in: folder)
        let session = try ArchiveSession(folder: archive)
        let page = try XCTUnwrap(try session.catalog.page(itemID: "sach", name: "1"))
        let pageID = try XCTUnwrap(page.id)
        let objectID = "urn:sohoa:LOCAL:sach"
        let before = try ALTOPage(parsing: try archived(session, objectID, "alto/1.xml"))
        XCTAssertEqual(before.lines.map(\.text), ["Thư vien tinh", "Lai Chau"])

        let mai = Reviewer(userID: nil, account: "mai", displayName: "Lò Thị Mai")
        let date = Date(timeIntervalSince1970: 1_790_000_000)
        let result = try PageCorrection(session: session).review(
            PageReview(pageID: pageID, revision: 1, lines: ["line_1": "Thư  viện tỉnh"]), by: mai, at: date)
        XCTAssertEqual(result.version, "v2")
        XCTAssertEqual(result.revision, 2)
        XCTAssertEqual(result.changedLines, 1)
        XCTAssertEqual(try session.root.headVersion(objectID: objectID), "v2")

        let after = try ALTOPage(parsing: try archived(session, objectID, "alto/1.xml"))
        XCTAssertEqual(after.lines.map(\.text), ["Thư viện tỉnh", "Lai Chau"])
        XCTAssertEqual(after.lines[0].words[0].box, before.lines[0].words[0].box)
        XCTAssertEqual(after.lines[0].words[1].box, before.lines[0].words[1].box)
        XCTAssertEqual(after.lines[1], before.lines[1], "the other line is untouched")
        XCTAssertEqual(try archived(session, objectID, "text/1.txt"), "Thư viện tỉnh\nLai Chau\n")
        let mets = try archived(session, objectID, "mets.xml")
        XCTAssertTrue(mets.contains("<premis:agentName>Lò Thị Mai (mai)</premis:agentName>"))
        XCTAssertTrue(mets.contains("<premis:eventType>modification</premis:eventType>"))
        XCTAssertEqual(try session.catalog.write { tx throws(CatalogError) in try tx.pageText(pageID: pageID) }, "Thư viện tỉnh\nLai Chau")
        let reviews = try session.catalog.reviews(pageID: pageID)
        XCTAssertEqual(reviews.map(\.action), [.corrected])
        XCTAssertEqual(reviews.first?.reviewer, "Lò Thị Mai (mai)")
        XCTAssertEqual(reviews.first?.ocflVersion, "v2")
        XCTAssertEqual(try session.catalog.reviewEntry(pageID: pageID)?.reviewState, .pending, "a save does not approve")

        XCTAssertThrowsError(
            try PageCorrection(session: session).review(
                PageReview(pageID: pageID, revision: 1, lines: ["line_2": "Lai Châu"]), by: mai, at: date)
        ) { error in
            XCTAssertEqual(error as? PageReviewError, .staleRevision(submitted: 1, current: 2))
        }
        XCTAssertEqual(try session.root.headVersion(objectID: objectID), "v2", "the stale save wrote nothing")
        XCTAssertEqual(try session.catalog.reviewEntry(pageID: pageID)?.revision, 2)

        let approved = try PageCorrection(session: session).review(
            PageReview(pageID: pageID, revision: 2, lines: ["line_2": "Lai Châu"], approve: true), by: mai, at: date)
        XCTAssertEqual(approved.version, "v3")
        XCTAssertTrue(approved.approved)
        XCTAssertEqual(try session.catalog.reviewEntry(pageID: pageID)?.reviewState, .approved)
        XCTAssertEqual(try session.catalog.reviews(pageID: pageID).map(\.action), [.corrected, .corrected, .approved])

        let page2 = try XCTUnwrap(try session.catalog.page(itemID: "sach", name: "2")?.id)
        let emptied = try PageCorrection(session: session).review(
            PageReview(pageID: page2, revision: 1, lines: ["line_1": " ", "line_2": ""]), by: mai, at: date)
        XCTAssertEqual(emptied.version, "v4")
        XCTAssertEqual(try ALTOPage(parsing: try archived(session, objectID, "alto/2.xml")).lines, [])
        XCTAssertEqual(try archived(session, objectID, "text/2.txt"), "")

        let ocfl = try SharedChecks.run("validate-ocfl", [archive.path])
        XCTAssertEqual(ocfl.exitCode, 0, ocfl.output)
        let urls = try ["alto/1.xml", "alto/2.xml", "mets.xml"].map { path in
            try XCTUnwrap(try session.root.contentURL(objectID: objectID, logicalPath: path))
        }
        try SharedChecks.assertValidXML(urls)
    }

    private func archived(_ session: ArchiveSession, _ objectID: String, _ path: String) throws -> String {
        let url = try XCTUnwrap(try session.root.contentURL(objectID: objectID, logicalPath: path))
        return try String(contentsOf: url, encoding: .utf8)
    }
}

/// A one-item, two-page archive whose pages read "Thư vien tinh / Lai Chau" with doubtful words.
enum ReviewTestArchive {
    static func make(in folder: URL) throws -> URL {
        let batch = folder.appendingPathComponent("batch")
        try PipelineFixtures.writePages(2, into: batch.appendingPathComponent("sach"))
        let archive = folder.appendingPathComponent("archive")
        let options = PipelineFixtures.options(batch: batch, archive: archive) { TwoLineEngine() }
        let summary = try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: RecordingReporter())).run()
        XCTAssertEqual(summary.exitStatus, .success, "\(summary.snapshot.failures)")
        return archive
    }
}

/// Reads every page as two lines of words with boxes spread over the page, some of them doubtful.
final class TwoLineEngine: ScriptedOCREngine {
    init() {
        super.init(rows: [[("Thư", 95), ("vien", 41), ("tinh", 55)], [("Lai", 90), ("Chau", 70)]])
    }
}
