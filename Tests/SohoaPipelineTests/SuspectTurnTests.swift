import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaImaging
import SohoaOCR
import SohoaTesting
import XCTest

@testable import SohoaCollection
@testable import SohoaPipeline

/// Issue 11: a page whose text reads as garbage is recognized again turned; a clearly better reading is
/// kept, and its word boxes still land on the right place of the master in ALTO.
final class SuspectTurnTests: XCTestCase {
    func testAPageReadBetterTurnedIsKeptTurnedWithBoxesOnTheMaster() throws {
        let folder = try temporaryFolder()
        let item = folder.appendingPathComponent("batch/nghieng")
        try FileManager.default.createDirectory(at: item, withIntermediateDirectories: true)
        // A landscape master with one dark mark at (600, 100), 100 × 50.
        var master = Raster(width: 800, height: 600)
        for y in 100..<150 { for x in 600..<700 { master.pixels[y * 800 + x] = 0 } }
        try Data(try PNGEncoder.encode(master)).write(to: item.appendingPathComponent("1.png"))
        let archive = folder.appendingPathComponent("archive")
        var options = PipelineFixtures.options(batch: folder.appendingPathComponent("batch"), archive: archive) {
            UprightOnlyEngine()
        }
        options.pipeline.normalize = .minimal
        options.jobs = 1

        let summary = try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: RecordingReporter())).run()

        XCTAssertEqual(summary.exitStatus, .success)
        XCTAssertEqual(summary.snapshot.suspectPages, [], "the turned reading is good: the page is not suspect")
        let catalog = try Catalog(url: archive.appendingPathComponent("catalog.sqlite"))
        let page = try XCTUnwrap(try catalog.page(itemID: "nghieng", name: "1"))
        let entry = try XCTUnwrap(try catalog.reviewEntry(pageID: try XCTUnwrap(page.id)))
        XCTAssertNil(entry.suspectReason)
        XCTAssertEqual(entry.syllableShare, 1)
        let root = try OCFLStorageRoot.openOrCreate(at: archive)
        let url = try XCTUnwrap(try root.contentURL(objectID: "urn:sohoa:LOCAL:nghieng", logicalPath: "alto/1.xml"))
        let alto = try ALTOPage(parsing: try String(contentsOf: url, encoding: .utf8))
        XCTAssertEqual(alto.width, 800)
        XCTAssertEqual(alto.height, 600)
        let mark = try XCTUnwrap(alto.lines.first?.words.first)
        XCTAssertEqual(mark.content, "Mường")
        XCTAssertEqual(Double(mark.box.x), 600, accuracy: 3, "\(mark.box)")
        XCTAssertEqual(Double(mark.box.y), 100, accuracy: 3, "\(mark.box)")
        XCTAssertEqual(Double(mark.box.width), 100, accuracy: 3, "\(mark.box)")
        XCTAssertEqual(Double(mark.box.height), 50, accuracy: 3, "\(mark.box)")
    }

    /// A page that reads as garbage every way (a photograph, noise) is not read whole three times more:
    /// bands of its lines are read in each turn first, and none reads better.
    func testAPageReadingAsGarbageEveryWayIsNotReadWholeAgain() throws {
        let folder = try temporaryFolder()
        let item = folder.appendingPathComponent("batch/anh")
        try FileManager.default.createDirectory(at: item, withIntermediateDirectories: true)
        var master = Raster(width: 800, height: 600)
        for y in 100..<150 { for x in 300..<700 { master.pixels[y * 800 + x] = 0 } }
        try Data(try PNGEncoder.encode(master)).write(to: item.appendingPathComponent("1.png"))
        let archive = folder.appendingPathComponent("archive")
        let engine = GarbageEngine()
        var options = PipelineFixtures.options(batch: folder.appendingPathComponent("batch"), archive: archive) { engine }
        options.pipeline.normalize = .minimal
        options.jobs = 1

        let summary = try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: RecordingReporter())).run()

        XCTAssertEqual(summary.exitStatus, .success)
        XCTAssertEqual(summary.snapshot.suspectPages.map(\.page), ["1"], "still suspect, said so")
        XCTAssertEqual(engine.wholePages, 1, "read whole once (it was read whole four times before)")
        XCTAssertEqual(engine.samples, 4, "a band as it is and in three turns")
    }
}

/// Reads every image as confident non-words; counts the readings of the whole page (the size of the
/// first image it is given, turned or not) and of samples.
final class GarbageEngine: OCREngine, @unchecked Sendable {
    private let lock = NSLock()
    private var page: [Int]?
    private var counts = (whole: 0, samples: 0)
    var wholePages: Int { lock.withLock { counts.whole } }
    var samples: Int { lock.withLock { counts.samples } }

    func recognize(_ image: Raster, dpi: Int, language: String) throws -> PageText {
        lock.withLock {
            let size = [image.width, image.height].sorted()
            if page == nil { page = size }
            if size == page { counts.whole += 1 } else { counts.samples += 1 }
        }
        let words = ["ưung", "quyet", "ngi", "coa", "Wlh", "tHe", "rnrn", "iiI", "ll1x", "gê"].enumerated().map { index, text in
            Word(text: text, box: BoundingBox(x: 10 + index * 30, y: 10, width: 25, height: 12), confidence: 93)
        }
        let box = BoundingBox(x: 0, y: 0, width: image.width, height: image.height)
        return PageText(
            width: image.width, height: image.height,
            blocks: [TextBlock(box: box, paragraphs: [TextParagraph(box: box, lines: [TextLine(box: box, words: words)])])])
    }
}

/// Reads Vietnamese only when the dark mark in the image is taller than wide (the test's master, lying on
/// its side, holds one wider than tall), whether it is given the page or a band of it; otherwise
/// confident non-words. The first word's box is the dark mark in the image it is given.
final class UprightOnlyEngine: OCREngine {
    func recognize(_ image: Raster, dpi: Int, language: String) throws -> PageText {
        var minX = image.width, minY = image.height, maxX = 0, maxY = 0
        let channels = image.layout.rawValue
        for y in 0..<image.height {
            for x in 0..<image.width where image.pixels[(y * image.width + x) * channels] < 128 {
                minX = min(minX, x)
                minY = min(minY, y)
                maxX = max(maxX, x + 1)
                maxY = max(maxY, y + 1)
            }
        }
        let mark = BoundingBox(x: minX, y: minY, width: max(1, maxX - minX), height: max(1, maxY - minY))
        let upright = maxY - minY > maxX - minX
        let texts =
            upright
            ? ["Mường", "Tè", "tỉnh", "Lai", "Châu", "người", "Hà", "Nhì", "Sìn", "Hồ"]
            : ["ưung", "quyet", "ngi", "coa", "Wlh", "tHe", "rnrn", "iiI", "ll1x", "gê"]
        let words = texts.enumerated().map { index, text in
            Word(
                text: text, box: index == 0 ? mark : BoundingBox(x: 10 + index * 30, y: 10, width: 25, height: 12), confidence: 93)
        }
        let box = BoundingBox(x: 0, y: 0, width: image.width, height: image.height)
        return PageText(
            width: image.width, height: image.height,
            blocks: [TextBlock(box: box, paragraphs: [TextParagraph(box: box, lines: [TextLine(box: box, words: words)])])])
    }
}
