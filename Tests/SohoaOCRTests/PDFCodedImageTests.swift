import Foundation
import SohoaImaging
import SohoaOCR
import SohoaTesting
import XCTest

/// Page images coded once from their samples (issue 19: the pipeline codes each page where its image
/// is at hand, instead of deflating it there and inflating it again to write the PDFs): the PDFs are
/// the same, byte for byte apart from their random file ID, as when the writer codes a deflated image.
final class PDFCodedImageTests: XCTestCase {
    /// A 300 dpi page of letter-like strokes; `tone` fills its right half with a gray gradient
    /// (a photograph), `colour` makes it RGB.
    private func page(width: Int = 900, height: Int = 700, tone: Bool = false, colour: Bool = false) -> Raster {
        var raster = Raster(width: width, height: height)
        var seed: UInt32 = 7
        for line in stride(from: 50, to: height - 50, by: 50) {
            var x = 30
            while x < (tone ? width / 2 : width - 40) {
                seed = seed &* 1_664_525 &+ 1_013_904_223
                let (stroke, tall) = (3 + Int(seed >> 29), 18 + Int((seed >> 20) & 7))
                for y in line..<line + tall { for dx in 0..<stroke { raster.pixels[y * width + x + dx] = 0 } }
                x += stroke + 4 + Int((seed >> 12) & 15)
            }
        }
        if tone {
            for y in 80..<height - 80 {
                for x in width / 2 + 40..<width - 40 { raster.pixels[y * width + x] = UInt8(40 + (x * 3 + y * 2) % 180) }
            }
        }
        guard colour else { return raster }
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        for (index, value) in raster.pixels.enumerated() {
            rgb[index * 3] = value
            rgb[index * 3 + 1] = value / 2 + 64
            rgb[index * 3 + 2] = value
        }
        return Raster(width: width, height: height, layout: .rgb, pixels: rgb)
    }

    /// The PDF's bytes with its file ID (a random UUID) taken out.
    private func bytesWithoutID(_ url: URL) throws -> String {
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        return text.replacingOccurrences(of: #"/ID \[ <[0-9A-F]+> <[0-9A-F]+> \]"#, with: "/ID", options: .regularExpression)
    }

    func testPDFsFromPreCodedImagesEqualThoseFromDeflatedImages() throws {
        let folder = try temporaryFolder("sohoa-coded-image", removedAfter: self)
        let text = WriterFixtures.page(width: 900, height: 700, lines: [WriterFixtures.line("Làng Đông Sơn", y: 100)])
        // Black and white (G4 in both PDFs), skewed (gray edges: Flate, and G4 in the reading PDF),
        // with a photograph (Flate, JPEG), colour (Flate RGB, JPEG), a 1-bit master's gray page.
        let pages: [(Raster, Bool)] = [
            (page(), false), (page().rotated(degrees: 1.3), false), (page(tone: true), false),
            (page(tone: true, colour: true), false), (page(tone: true), true),
        ]
        for coding in [PDFImageCoding.lossless, .reading] {
            let viaDeflate = folder.appendingPathComponent("deflated-\(coding == .lossless ? "a" : "r").pdf")
            let viaCoded = folder.appendingPathComponent("coded-\(coding == .lossless ? "a" : "r").pdf")
            let first = try SearchablePDFWriter(
                url: viaDeflate, title: "Địa chí", producer: "sohoa test", date: WriterFixtures.date, imageCoding: coding)
            let second = try SearchablePDFWriter(
                url: viaCoded, title: "Địa chí", producer: "sohoa test", date: WriterFixtures.date, imageCoding: coding)
            for (raster, bilevelMaster) in pages {
                try first.addPage(image: try PDFPageImage(raster: raster), dpi: 300, text: text, bilevelMaster: bilevelMaster)
                let coded = try coding.coded(raster, dpi: 300, bilevelMaster: bilevelMaster, scratch: folder, file: "trang.tif")
                XCTAssertEqual(coded.width, raster.width)
                try second.addPage(coded: coded, dpi: 300, text: text)
            }
            try first.finish()
            try second.finish()
            XCTAssertEqual(try bytesWithoutID(viaDeflate), try bytesWithoutID(viaCoded), "\(coding)")
        }
        // The codes chosen: G4 for the black-and-white page in both, JPEG reduced to 150 dpi for the photograph.
        let bilevel = try PDFImageCoding.lossless.coded(page(), dpi: 300, bilevelMaster: false, scratch: folder, file: "a.tif")
        XCTAssertTrue(bilevel.entries.contains("/CCITTFaxDecode"), bilevel.entries)
        let photograph = try PDFImageCoding.reading.coded(page(tone: true), dpi: 300, bilevelMaster: false, scratch: folder, file: "b.tif")
        XCTAssertTrue(
            photograph.entries.contains("/Width 450 /Height 350") && photograph.entries.contains("/DCTDecode"), photograph.entries)
        XCTAssertEqual(photograph.width, 900)
        // The G4 encoder's scratch files are gone.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasSuffix(".pdf") }, [])
    }

    func testACodedImageReadsBackFromItsBytesAndOtherBytesAreRefused() throws {
        let image = PDFCodedImage(
            width: 2480, height: 3508, entries: "/Width 1240 /Height 1754 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode",
            data: [0xFF, 0xD8, 0x0A, 0x0A, 0x00, 0xFF, 0xD9])
        XCTAssertEqual(PDFCodedImage(serialized: image.serialized()), image)
        let empty = PDFCodedImage(width: 1, height: 1, entries: "/Width 1", data: [])
        XCTAssertEqual(PDFCodedImage(serialized: empty.serialized()), empty)
        // An earlier version's deflated samples, a cut-off header, a bad size: nil (the page is normalized again).
        XCTAssertNil(PDFCodedImage(serialized: [0x78, 0x01, 0x0A, 0x0A, 0x00]))
        XCTAssertNil(PDFCodedImage(serialized: Array("sohoa-pdf-image 1 10 10\n".utf8)))
        XCTAssertNil(PDFCodedImage(serialized: Array("sohoa-pdf-image 1 0 10\n/Width 1\n".utf8)))
        XCTAssertNil(PDFCodedImage(serialized: Array("sohoa-pdf-image 2 10 10\n/Width 1\n".utf8)))
    }
}
