import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaImaging
import SohoaOCR
import SohoaTesting
import XCTest

@testable import SohoaPipeline

/// Issue 11: thin type that OCR reads with low confidence is read once more with its strokes a pixel
/// bolder, and the better reading is kept, its words on the same place of the master.
final class BolderRetryTests: XCTestCase {
    func testThinTypeReadWithLowConfidenceKeepsTheBolderReading() throws {
        let archive = try runPage(strokeWidth: 1)

        let root = try OCFLStorageRoot.openOrCreate(at: archive)
        let url = try XCTUnwrap(try root.contentURL(objectID: "urn:sohoa:LOCAL:mong", logicalPath: "alto/1.xml"))
        let alto = try ALTOPage(parsing: try String(contentsOf: url, encoding: .utf8))
        let words = alto.lines.flatMap(\.words)
        XCTAssertEqual(words.map(\.content), StrokeWidthEngine.bold, "the bolder reading is kept")
        let mark = try XCTUnwrap(words.first)
        XCTAssertEqual(Double(mark.box.x), 99, accuracy: 2, "\(mark.box)")
        XCTAssertEqual(Double(mark.box.y), 99, accuracy: 2, "\(mark.box)")
    }

    /// The page's result and the recognition event's parameters say that the bolder reading was kept;
    /// a `page.json` written before the field existed reads as not bolder.
    func testTheBolderReadingIsRecordedInThePageResultAndThePREMISEvent() throws {
        let archive = try runPage(strokeWidth: 1)

        let (result, json) = try pageResult(in: archive)
        XCTAssertTrue(result.readBolder, "page.json says the bolder reading was kept")
        XCTAssertEqual(json["bolderStrokes"] as? Bool, true)
        let mets = try metsText(in: archive)
        XCTAssertTrue(
            mets.contains("read again with strokes a pixel bolder (mean word confidence below 90), the bolder reading kept: 1"),
            "the recognition event names the page read bolder")

        var older = json
        older["bolderStrokes"] = nil
        let decoded = try JSONDecoder.sohoa.decode(PageResult.self, from: try JSONSerialization.data(withJSONObject: older))
        XCTAssertFalse(decoded.readBolder, "an older page.json, without the field, reads as not bolder")
    }

    /// A page read well the first time keeps its first reading, and nothing about bolder strokes is written.
    func testAPageReadWellIsNotRecordedAsBolder() throws {
        let archive = try runPage(strokeWidth: 3)

        let (result, json) = try pageResult(in: archive)
        XCTAssertFalse(result.readBolder)
        XCTAssertNil(json["bolderStrokes"], "page.json stays as before for pages read once")
        XCTAssertFalse(try metsText(in: archive).contains("bolder"))
    }

    /// Archives one page of forty upright strokes `strokeWidth` pixels wide, 10 pixels apart from
    /// x = 100, from y = 100 to 300, read by `StrokeWidthEngine`; returns the archive.
    private func runPage(strokeWidth: Int) throws -> URL {
        let folder = try temporaryFolder()
        let item = folder.appendingPathComponent("batch/mong")
        try FileManager.default.createDirectory(at: item, withIntermediateDirectories: true)
        var master = Raster(width: 600, height: 800)
        for y in 100..<300 {
            for x in stride(from: 100, to: 500, by: 10) {
                for dx in 0..<strokeWidth { master.pixels[y * 600 + x + dx] = 0 }
            }
        }
        try Data(try PNGEncoder.encode(master)).write(to: item.appendingPathComponent("1.png"))
        let archive = folder.appendingPathComponent("archive")
        var options = PipelineFixtures.options(batch: folder.appendingPathComponent("batch"), archive: archive) {
            StrokeWidthEngine()
        }
        options.pipeline.normalize = .minimal
        options.jobs = 1

        let summary = try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: RecordingReporter())).run()
        XCTAssertEqual(summary.exitStatus, .success)
        return archive
    }

    /// The one page's `page.json` in the archive's work area, decoded and as a JSON object.
    private func pageResult(in archive: URL) throws -> (PageResult, [String: Any]) {
        let pages = WorkArea(archive: archive).root.appendingPathComponent("pages")
        let folders = try FileManager.default.contentsOfDirectory(at: pages, includingPropertiesForKeys: nil)
        XCTAssertEqual(folders.count, 1)
        let data = try Data(contentsOf: WorkArea.resultURL(in: try XCTUnwrap(folders.first)))
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (try JSONDecoder.sohoa.decode(PageResult.self, from: data), json)
    }

    private func metsText(in archive: URL) throws -> String {
        let root = try OCFLStorageRoot.openOrCreate(at: archive)
        let url = try XCTUnwrap(try root.contentURL(objectID: "urn:sohoa:LOCAL:mong", logicalPath: "mets.xml"))
        return try String(contentsOf: url, encoding: .utf8)
    }
}

/// Reads Vietnamese at 95% confidence when the image's strokes are at least three pixels wide, and
/// misreads them at 70% when they are thinner, turned or not. The first word's box is the box around all the ink.
final class StrokeWidthEngine: OCREngine {
    static let bold = ["Mường", "Tè", "tỉnh", "Lai", "Châu", "người", "Hà", "Nhì", "Sìn", "Hồ"]
    static let thin = ["Mưòng", "Te", "tinh", "Lal", "Chau", "ngưoi", "Ha", "Nhi", "Sin", "Ho"]

    func recognize(_ image: Raster, dpi: Int, language: String) throws -> PageText {
        var minX = image.width, minY = image.height, maxX = 0, maxY = 0
        for y in 0..<image.height {
            for x in 0..<image.width where image.pixels[y * image.width + x] < 128 {
                minX = min(minX, x)
                minY = min(minY, y)
                maxX = max(maxX, x + 1)
                maxY = max(maxY, y + 1)
            }
        }
        let mark = BoundingBox(x: minX, y: minY, width: max(1, maxX - minX), height: max(1, maxY - minY))
        // The first stroke's width: the shorter of its dark runs across and down from its top left corner.
        func run(dx: Int, dy: Int) -> Int {
            var length = 0
            while minX + length * dx < image.width, minY + length * dy < image.height,
                image.pixels[(minY + length * dy) * image.width + minX + length * dx] < 128
            {
                length += 1
            }
            return length
        }
        let bold = minY < image.height && min(run(dx: 1, dy: 0), run(dx: 0, dy: 1)) >= 3
        let words = (bold ? Self.bold : Self.thin).enumerated().map { index, text in
            Word(
                text: text, box: index == 0 ? mark : BoundingBox(x: 10 + index * 30, y: 10, width: 25, height: 12),
                confidence: bold ? 95 : 70)
        }
        let box = BoundingBox(x: 0, y: 0, width: image.width, height: image.height)
        return PageText(
            width: image.width, height: image.height,
            blocks: [TextBlock(box: box, paragraphs: [TextParagraph(box: box, lines: [TextLine(box: box, words: words)])])])
    }
}
