import Foundation
import SohoaImaging
import SohoaOCR
import SohoaTesting
import XCTest

@testable import SohoaPipeline

/// The hand-over of a page's PDF images through its work folder (issue 19): coded once for each PDF
/// the pipeline writes, read back as coded, and a page is reused whole only when every PDF's image is there.
final class PagePDFImagesTests: XCTestCase {
    private func page() -> Raster {
        var raster = Raster(width: 600, height: 400)
        for y in 100..<140 { for x in 50..<550 where x % 9 < 4 { raster.pixels[y * 600 + x] = 0 } }
        for y in 200..<360 { for x in 300..<560 { raster.pixels[y * 600 + x] = UInt8(60 + (x + y) % 150) } }
        return raster
    }

    func testEachPDFsImageIsWrittenOnceCodedAndReadBackAsCoded() throws {
        let folder = try temporaryFolder("sohoa-page-pdf-images", removedAfter: self)
        let both = PagePDFImages(outputs: [.alto, .pdf, .pdfReading])
        try both.write(page(), dpi: 300, bilevelMaster: false, in: folder, file: "trang-01.png")
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["pdf-image.archival", "pdf-image.reading"],
            "one file a PDF, no scratch left")
        let archival = try XCTUnwrap(PagePDFImages.load(.pdf, in: folder))
        let reading = try XCTUnwrap(PagePDFImages.load(.pdfReading, in: folder))
        XCTAssertEqual(archival, try PDFImageCoding.lossless.coded(page(), dpi: 300, bilevelMaster: false, scratch: folder, file: "a"))
        XCTAssertEqual(reading, try PDFImageCoding.reading.coded(page(), dpi: 300, bilevelMaster: false, scratch: folder, file: "a"))
        XCTAssertTrue(reading.entries.contains("/DCTDecode"), reading.entries)
        XCTAssertTrue(both.areWritten(in: folder))

        // Without the reading PDF's image, a pipeline that writes it must normalize the page again;
        // one that writes only the archival PDF need not.
        try FileManager.default.removeItem(at: PagePDFImages.url(in: folder, for: .pdfReading))
        XCTAssertFalse(both.areWritten(in: folder))
        XCTAssertTrue(PagePDFImages(outputs: [.pdf]).areWritten(in: folder))
        XCTAssertNil(PagePDFImages.load(.pdfReading, in: folder))

        // A pipeline without PDFs codes nothing; releasing a folder's images takes every name away.
        let none = try temporaryFolder("sohoa-page-pdf-images", removedAfter: self)
        try PagePDFImages(outputs: [.alto, .text]).write(page(), dpi: 300, bilevelMaster: false, in: none, file: "trang-01.png")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: none.path), [])
        try Data([1]).write(to: folder.appendingPathComponent("pdf-image.deflate"))
        WorkArea(archive: folder).releaseImages(in: [folder])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }
}
