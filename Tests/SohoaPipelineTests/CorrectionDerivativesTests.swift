import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaTesting
import XCTest

@testable import SohoaCollection
@testable import SohoaPipeline

/// A saved correction reaches every derivative (issue 14): the page's hOCR and the text layer of the
/// item's PDFs (archival and reading, issue 17) follow the corrected ALTO in the same version, the PDF's images stay byte for byte (an
/// incremental update), and the third-party checks accept both.
final class CorrectionDerivativesTests: XCTestCase {
    let objectID = "urn:sohoa:LOCAL:sach"

    private func content(_ session: ArchiveSession, _ path: String) throws -> URL {
        try XCTUnwrap(try session.root.contentURL(objectID: objectID, logicalPath: path), path)
    }

    /// The text `pdftotext -raw` extracts from one page (in content order), without the form feed.
    private func pdfText(_ pdf: URL, page: Int) throws -> String {
        let result = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/pdftotext"), ["-raw", "-enc", "UTF-8", "-f", "\(page)", "-l", "\(page)", pdf.path, "-"])
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        return result.stdout.trimmingCharacters(in: CharacterSet(charactersIn: "\u{0C}\n "))
    }

    func testACorrectionRewritesTheHOCRAndThePDFTextLayerAndKeepsTheImages() throws {
        let folder = try temporaryFolder()
        let archive = try ArchiveTestBatch.archive(items: ["sach"], pages: 2, in: folder)
        let session = try ArchiveSession(folder: archive)
        let originalPDF = try Data(contentsOf: try content(session, "sach.pdf"))
        XCTAssertEqual(try pdfText(try content(session, "sach.pdf"), page: 1), "Thư viện")

        _ = try PageCorrection(session: session).apply(itemID: "sach", pageName: "1", text: "Thư viện tỉnh Lai Châu", by: "Lò Thị Mai")
        let pdf = try content(session, "sach.pdf")
        XCTAssertTrue(pdf.path.contains("/v2/content/"), "the PDF is part of the correction's version")
        let revisedPDF = try Data(contentsOf: pdf)
        XCTAssertEqual(revisedPDF.prefix(originalPDF.count), originalPDF, "images and other pages are kept byte for byte")
        XCTAssertEqual(try pdfText(pdf, page: 1), "Thư viện tỉnh Lai Châu")
        XCTAssertEqual(try pdfText(pdf, page: 2), "Thư viện", "the other page is untouched")
        try SharedChecks.assertValid("validate-pdf", [pdf.path, "--expect-text", "--pdfa-1b"])
        // The compact reading PDF follows in the same version.
        let reading = try content(session, "reading/sach.pdf")
        XCTAssertTrue(reading.path.contains("/v2/content/"), "the reading PDF is part of the correction's version")
        XCTAssertEqual(try pdfText(reading, page: 1), "Thư viện tỉnh Lai Châu")
        XCTAssertEqual(try pdfText(reading, page: 2), "Thư viện")
        try SharedChecks.assertValid("validate-pdf", [reading.path, "--expect-text", "--pdfa-1b"])

        let hocr = try content(session, "hocr/1.hocr")
        XCTAssertTrue(hocr.path.contains("/v2/content/"))
        let hocrText = try String(contentsOf: hocr, encoding: .utf8)
        XCTAssertTrue(hocrText.contains(">Châu</span>"), hocrText)
        XCTAssertTrue(hocrText.contains("<meta name=\"ocr-system\""), "the head is kept")
        try SharedChecks.assertValid("validate-hocr", try SharedChecks.percentFreeCopies(of: [hocr]).map(\.path))
        XCTAssertTrue(try content(session, "hocr/2.hocr").path.contains("/v1/content/"), "page 2's hOCR is not rewritten")

        // A second correction with a character outside the BMP (a Hán Nôm ideograph of CJK extension
        // B): a second update on top of the first; the extra line joins the page's only line.
        _ = try PageCorrection(session: session).apply(
            itemID: "sach", pageName: "1", text: "𠀧 Thư viện\nLai Châu xưa", by: "Lò Thị Mai")
        let twice = try content(session, "sach.pdf")
        XCTAssertEqual(try pdfText(twice, page: 1), "𠀧 Thư viện Lai Châu xưa")
        XCTAssertEqual(try Data(contentsOf: twice).prefix(revisedPDF.count), revisedPDF)
        try SharedChecks.assertValid("validate-pdf", [twice.path, "--expect-text", "--pdfa-1b"])
        let scratch = archive.appendingPathComponent("extensions/sohoa-work/derivatives")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path), [], "no revised copy is left behind")
        let ocfl = try SharedChecks.run("validate-ocfl", [archive.path])
        XCTAssertEqual(ocfl.exitCode, 0, ocfl.output)
        try SharedChecks.assertValidXML([try content(session, "mets.xml")])
    }

    func testAReviewSaveReachesThePDFWhenItsDraftIsWritten() throws {
        let folder = try temporaryFolder()
        let session = try ArchiveSession(folder: try ReviewTestArchive.make(in: folder))
        let pageID = try XCTUnwrap(try session.catalog.page(itemID: "sach", name: "2")?.id)
        let revision = try XCTUnwrap(try session.catalog.reviewEntry(pageID: pageID)?.revision)
        let reviewer = Reviewer(userID: nil, account: "mai", displayName: "Lò Thị Mai")
        _ = try PageCorrection(session: session).review(
            PageReview(pageID: pageID, revision: revision, lines: ["line_1": "Thư viện tỉnh", "line_2": "Lai Châu"], approve: false),
            by: reviewer, at: Date(), coalesce: true)
        XCTAssertEqual(try pdfText(try content(session, "sach.pdf"), page: 2), "Thư vien tinh\nLai Chau", "a draft is not archived yet")
        XCTAssertEqual(try PageCorrection(session: session).flushDrafts().count, 1)
        let pdf = try content(session, "sach.pdf")
        XCTAssertEqual(try pdfText(pdf, page: 2), "Thư viện tỉnh\nLai Châu")
        XCTAssertEqual(try pdfText(pdf, page: 1), "Thư vien tinh\nLai Chau")
        try SharedChecks.assertValid("validate-pdf", [pdf.path, "--expect-text", "--pdfa-1b"])
        XCTAssertEqual(try pdfText(try content(session, "reading/sach.pdf"), page: 2), "Thư viện tỉnh\nLai Châu", "the reading PDF too")
        XCTAssertTrue(try String(contentsOf: try content(session, "hocr/2.hocr"), encoding: .utf8).contains(">tỉnh</span>"))

        // Fewer lines than the PDF has (the second recognized line is left without text): the words
        // are placed by their ALTO boxes, scaled onto the page.
        _ = try PageCorrection(session: session).apply(itemID: "sach", pageName: "1", text: "Thư viện tỉnh Lai Châu", by: "Lò Thị Mai")
        let fewer = try content(session, "sach.pdf")
        XCTAssertEqual(try pdfText(fewer, page: 1), "Thư viện tỉnh Lai Châu")
        XCTAssertEqual(try pdfText(fewer, page: 2), "Thư viện tỉnh\nLai Châu")
        try SharedChecks.assertValid("validate-pdf", [fewer.path, "--expect-text", "--pdfa-1b"])
    }
}
