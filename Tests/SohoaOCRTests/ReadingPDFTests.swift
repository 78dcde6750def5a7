import Foundation
import SohoaImaging
import SohoaOCR
import SohoaTesting
import XCTest

/// The compact reading PDF (issue 17): black-and-white pages as CCITT G4 (also a page that deskewing
/// made gray at the stroke edges, and any page whose master is 1-bit), gray and colour pages as JPEG
/// reduced to 150 dpi; the text layer is the archival PDF's, word for word.
final class ReadingPDFTests: XCTestCase {
    /// A 300 dpi page of letter-like strokes: black on white, or with a gray photograph beside them.
    private func page(width: Int = 1200, height: Int = 900, photograph: Bool) -> Raster {
        var raster = Raster(width: width, height: height)
        var seed: UInt32 = 5
        for line in stride(from: 60, to: height - 60, by: 60) {
            var x = 40
            while x < (photograph ? width / 2 : width - 40) {
                seed = seed &* 1_664_525 &+ 1_013_904_223
                let (stroke, tall) = (3 + Int(seed >> 29), 20 + Int((seed >> 20) & 7))
                for y in line..<line + tall { for dx in 0..<stroke { raster.pixels[y * width + x + dx] = 0 } }
                x += stroke + 4 + Int((seed >> 12) & 15)
            }
        }
        if photograph {
            for y in 100..<height - 100 {
                for x in width / 2 + 50..<width - 50 { raster.pixels[y * width + x] = UInt8(40 + (x * 3 + y * 2) % 180) }
            }
        }
        return raster
    }

    private func write(_ pages: [(Raster, Bool)], text: [PageText], coding: PDFImageCoding, name: String) throws -> URL {
        let url = try temporaryFolder("sohoa-reading-pdf").appendingPathComponent(name)
        let writer = try SearchablePDFWriter(
            url: url, title: "Công văn 2021", producer: "sohoa test", date: WriterFixtures.date, imageCoding: coding)
        for ((raster, bilevelMaster), words) in zip(pages, text) {
            try writer.addPage(image: try PDFPageImage(raster: raster), dpi: 300, text: words, bilevelMaster: bilevelMaster)
        }
        try writer.finish()
        return url
    }

    /// `pdfimages -list`'s rows: encoding and width of each image.
    private func images(_ pdf: URL) throws -> [(encoding: String, width: Int)] {
        let list = try TestFixtures.run(try TestFixtures.tool("pdfimages"), ["-list", pdf.path])
        return list.stdout.split(separator: "\n").dropFirst(2).map {
            let fields = $0.split(separator: " ", omittingEmptySubsequences: true)
            return (String(fields[8]), Int(fields[3]) ?? 0)
        }
    }

    private func pdftotext(_ pdf: URL) throws -> String {
        let result = try TestFixtures.run(try TestFixtures.tool("pdftotext"), ["-enc", "UTF-8", pdf.path, "-"])
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        return result.stdout
    }

    func testBlackAndWhitePagesAreG4AndGrayPagesJPEGAt150DPIWithTheSameText() throws {
        let text = page(photograph: false)
        let deskewed = text.rotated(degrees: 1.3)  // gray stroke edges, as a deskewed 1-bit master
        XCTAssertGreaterThan(Set(deskewed.pixels).count, 2, "deskewing leaves gray edges")
        XCTAssertGreaterThan(deskewed.twoToneShare(), PDFImageCoding.twoToneShare)
        XCTAssertLessThan(page(photograph: true).twoToneShare(), PDFImageCoding.twoToneShare)
        let photo = page(photograph: true)
        // A page with gray in it whose master is 1-bit (the hint) is black and white too.
        let pages = [(text, false), (deskewed, false), (photo, false), (photo, true)]
        let words = [
            WriterFixtures.page(width: 1200, height: 900, lines: [WriterFixtures.line("Ủy ban nhân dân tỉnh Lai Châu", y: 60)]),
            WriterFixtures.page(width: 1200, height: 900, lines: [WriterFixtures.line("Số 12/CV-UBND", y: 120)]),
            WriterFixtures.page(width: 1200, height: 900, lines: [WriterFixtures.line("Ảnh chụp chợ phiên", y: 180)]),
            WriterFixtures.page(width: 1200, height: 900, lines: [WriterFixtures.line("Đường về bản", y: 240)]),
        ]
        let archival = try write(pages, text: words, coding: .lossless, name: "archival.pdf")
        let reading = try write(pages, text: words, coding: .reading, name: "reading.pdf")

        let coded = try images(reading)
        XCTAssertEqual(coded.map(\.encoding), ["ccitt", "ccitt", "jpeg", "ccitt"], "\(coded)")
        XCTAssertEqual(coded.map(\.width), [1200, 1200, 600, 1200], "the JPEG page is reduced from 300 to 150 dpi")
        XCTAssertEqual(try images(archival).map(\.encoding), ["ccitt", "image", "image", "image"], "the archival PDF stays lossless")
        XCTAssertEqual(try pdftotext(reading), try pdftotext(archival), "the same text layer")
        XCTAssertTrue(try pdftotext(reading).contains("Ủy ban nhân dân tỉnh Lai Châu"))
        let (small, large) = (try Data(contentsOf: reading).count, try Data(contentsOf: archival).count)
        print("archival \(large) bytes, reading \(small) bytes")
        XCTAssertLessThan(small * 2, large)

        let pageSizes = try TestFixtures.run(try TestFixtures.tool("pdfinfo"), ["-f", "1", "-l", "4", reading.path]).stdout
        XCTAssertEqual(pageSizes.components(separatedBy: " 288 x 216 pts").count - 1, 4, "pages keep their size: \(pageSizes)")
        let validator = try TestFixtures.validator("validate-pdf")
        let check = try TestFixtures.run(validator, [reading.path, "--expect-text", "--pdfa-1b"])
        XCTAssertEqual(check.exitCode, 0, check.stdout + check.stderr)
    }

    func testAJPEGTheEncoderRefusesSaysWhy() throws {
        // JPEG stops at 65,500 pixels a side: libjpeg-turbo's reason reaches the error, not a guess at memory.
        let wide = Raster(width: 65_600, height: 2, layout: .gray, pixels: [UInt8](repeating: 128, count: 65_600 * 2))
        let url = try temporaryFolder("sohoa-reading-pdf").appendingPathComponent("wide.pdf")
        let writer = try SearchablePDFWriter(
            url: url, title: "Bản đồ", producer: "sohoa test", date: WriterFixtures.date, imageCoding: .reading)
        XCTAssertThrowsError(
            try writer.addPage(
                image: try PDFPageImage(raster: wide), dpi: 100, text: WriterFixtures.page(width: 65_600, height: 2, lines: []))
        ) { error in
            let message = (error as? PDFWriterError)?.message ?? "\(error)"
            XCTAssertTrue(message.contains("libjpeg-turbo could not encode a 65600×2 image"), message)
            XCTAssertFalse(message.contains("free memory"), message)
            XCTAssertEqual((error as? PDFWriterError)?.page, 1)
        }
    }
}
