import Foundation
import SohoaTesting
import XCTest

@testable import SohoaImaging

/// PDFs from other projects are read page by page: a page that is one scanned image gives that
/// image at its own resolution, any other page is rendered at its images' resolution, a born-digital
/// page comes with its text layer; damaged PDFs are refused by name, never crash; each PDF gets the
/// PRONOM id FIDO gives it.
final class PDFScanTests: XCTestCase {
    private let folders = [
        "vie_vietocr3_samples", "ocrmypdf_resources/formats_colorspaces", "ocrmypdf_resources/broken_odd",
        "ocrmypdf_resources/layout_rotation", "ocrmypdf_resources/text_pages_no_gt", "dinglehopper/lorem-ipsum",
        "ocrmypdf_resources/linn_with_reference_text",
    ]

    private func mean(_ raster: Raster) -> Double {
        Double(raster.grayscale().pixels.reduce(0) { $0 + Int($1) }) / Double(max(1, raster.width * raster.height))
    }

    func testAScannedPageGivesItsOwnImageAtItsOwnResolution() throws {
        let ccitt = try TestScans.url("ocrmypdf_resources/formats_colorspaces/ccitt.pdf")
        XCTAssertEqual(try ScanDecoder.inspect(ccitt), ScanFileInfo(format: .pdf, pageCount: 1, isLossy: false))
        let page = try ScanDecoder.decode(ccitt)
        XCTAssertEqual([page.raster.width, page.raster.height], [2550, 3300], "the CCITT image's own pixels, not resampled")
        XCTAssertEqual(page.technical.format, .pdf)
        XCTAssertEqual(page.technical.compression, "PDF page image (ccitt)")
        XCTAssertEqual(try XCTUnwrap(page.technical.resolutionX), 300, accuracy: 0.5)
        XCTAssertGreaterThan(mean(page.raster), 200, "white paper with black text, not a negative")
        XCTAssertNil(page.textLayer, "a scan without a text layer")
    }

    func testPagesThatAreNotOneImageAreRendered() throws {
        let url = try TestScans.url("ocrmypdf_resources/formats_colorspaces/multipage.pdf")
        let info = try ScanDecoder.inspect(url)
        XCTAssertEqual(info.pageCount, 6)
        XCTAssertTrue(info.isLossy, "its first page is a JPEG")
        let first = try ScanDecoder.decode(url, page: 0)
        XCTAssertEqual([first.raster.width, first.raster.height], [770, 995])
        XCTAssertEqual(first.technical.compression, "PDF page image (jpeg)")
        XCTAssertTrue(first.technical.isLossy)
        XCTAssertEqual(first.technical.pageIndex, 0)
        XCTAssertEqual(first.technical.pageCount, 6)
        // Page 6 draws an image with a soft mask: rendered, at its image's resolution (147 → 150 dpi, the floor).
        let masked = try ScanDecoder.decode(url, page: 5)
        XCTAssertTrue(masked.technical.compression.hasPrefix("PDF page rendered at 150 dpi"), masked.technical.compression)
        XCTAssertFalse(masked.technical.isBornDigital, "a rendered page that draws a scanned image")
        XCTAssertFalse(first.technical.isBornDigital)
        XCTAssertEqual(masked.raster.width, 1650, "792 pt at 150 dpi")
        XCTAssertThrowsError(try ScanDecoder.decode(url, page: 6)) { error in
            XCTAssertEqual((error as? ImagingError)?.kind, .pageOutOfRange)
        }
    }

    func testABornDigitalPageIsRenderedWithItsTextLayer() throws {
        let url = try TestScans.url("vie_vietocr3_samples/vietsample1.pdf")
        XCTAssertEqual(try ScanDecoder.inspect(url).pageCount, 2)
        let page = try ScanDecoder.decode(url)
        XCTAssertEqual(page.technical.compression, "PDF page rendered at 300 dpi (no image: born-digital)")
        XCTAssertTrue(page.technical.isBornDigital)
        XCTAssertEqual([page.raster.width, page.raster.height], [2550, 3300], "letter at 300 dpi")
        let text = try XCTUnwrap(page.textLayer)
        XCTAssertTrue(text.contains("Áo Lụa Hà Đông"), text)
        XCTAssertEqual(text, text.precomposedStringWithCanonicalMapping, "NFC")
    }

    func testEveryPDFIsReadOrRefusedByName() throws {
        var pdfs: [URL] = []
        for folder in folders { pdfs += try TestScans.files(in: folder, withExtension: "pdf") }
        XCTAssertGreaterThan(pdfs.count, 15)
        var read = 0, refused: [String] = []
        for url in pdfs {
            do {
                let info = try ScanDecoder.inspect(url)
                XCTAssertGreaterThan(info.pageCount, 0, url.lastPathComponent)
                // enormous.pdf's one page is 81 megapixels of colour: 20 s in a debug build, and the
                // same extraction as the others; inspecting it is enough here.
                if url.lastPathComponent != "enormous.pdf" {
                    let page = try ScanDecoder.decode(url, page: 0)
                    XCTAssertGreaterThan(page.raster.width, 0)
                }
                read += 1
            } catch {
                XCTAssertTrue(error.description.contains(url.path), "the message names the file: \(error)")
                XCTAssertFalse(error.reason.isEmpty)
                refused.append("\(url.lastPathComponent): \(error.reason)")
            }
        }
        print("read \(read) PDFs; refused \(refused.count):\n" + refused.joined(separator: "\n"))
        XCTAssertTrue(refused.contains { $0.hasPrefix("invalid.pdf: ") }, "the PDF without a trailer is refused")
        XCTAssertGreaterThanOrEqual(read, 15, "the readable PDFs are read")
    }

    func testAPDFCutShortIsRefusedAsDamaged() throws {
        let bytes = try Data(contentsOf: TestScans.url("ocrmypdf_resources/formats_colorspaces/ccitt.pdf"))
        let cut = try temporaryFolder("sohoa-pdf", removedAfter: self).appendingPathComponent("cut.pdf")
        try bytes.prefix(bytes.count / 3).write(to: cut)
        XCTAssertThrowsError(try ScanDecoder.decode(cut)) { error in
            let imaging = error as? ImagingError
            XCTAssertEqual(imaging?.file, cut.path)
            XCTAssertTrue(imaging?.reason.contains("poppler") == true || imaging?.reason.contains("damaged") == true, "\(error)")
        }
    }

    func testPRONOMIdsOfPDFsAreFIDOs() throws {
        // One PDF of each id FIDO gives these files (FIDO takes about 2 s a PDF).
        let pdfs = try [
            "ocrmypdf_resources/formats_colorspaces/ccitt.pdf", "ocrmypdf_resources/formats_colorspaces/palette.pdf",
            "dinglehopper/lorem-ipsum/lorem-ipsum-scan.pdf", "vie_vietocr3_samples/vietsample1.pdf",
            "ocrmypdf_resources/formats_colorspaces/multipage.pdf", "ocrmypdf_resources/formats_colorspaces/jbig2.pdf",
            "ocrmypdf_resources/formats_colorspaces/cmyk.pdf", "ocrmypdf_resources/broken_odd/invalid.pdf",
        ].map(TestScans.url)
        let fido = try SharedChecks.run("validate-format", pdfs.map(\.path))
        var found: [String: String] = [:]
        for line in fido.stdout.split(separator: "\n") {
            guard let match = line.firstMatch(of: /validate-format: (\S+) .* (\S+) \[FIDO/) else { continue }
            found[String(match.output.2)] = String(match.output.1)
        }
        XCTAssertEqual(found.count, pdfs.count, fido.output)
        for url in pdfs {
            XCTAssertEqual(PRONOMFormat.identify(url)?.puid, found[url.path], url.lastPathComponent)
        }
        XCTAssertEqual(Set(found.values), ["fmt/15", "fmt/17", "fmt/18", "fmt/19", "fmt/276", "fmt/477", "fmt/158"], "\(found.values)")
    }
}
