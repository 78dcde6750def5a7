import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaCollection
import SohoaImaging
import SohoaOCR
import SohoaTesting
import XCTest

@testable import SohoaPipeline

/// The normalize stage inside a whole run: a page lying on its side is turned upright, a book
/// opening becomes two pages `<page>-a` and `<page>-b`, and the boxes OCR finds map back onto the
/// master wherever the print really is.
final class NormalizationPipelineTests: XCTestCase {
    private static let scans = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/scans").standardizedFileURL

    func testTurnedPageAndSpreadThroughTheWholePipeline() throws {
        let turned = Self.scans.appendingPathComponent("tesseract_test/rotation/phototest-rotated-R.png")
        let spread = Self.scans.appendingPathComponent("unpaper_tests/imgsrcE001.png")
        for file in [turned, spread] where !FileManager.default.fileExists(atPath: file.path) {
            throw XCTSkip("\(file.path) is missing: the shared scans (../shared/scans beside the package) are needed")
        }
        let folder = try temporaryFolder()
        let item = folder.appendingPathComponent("batch/sach")
        try FileManager.default.createDirectory(at: item, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: turned, to: item.appendingPathComponent("1.png"))
        try FileManager.default.copyItem(at: spread, to: item.appendingPathComponent("2.png"))
        let archive = folder.appendingPathComponent("archive")
        var options = PipelineFixtures.options(batch: folder.appendingPathComponent("batch"), archive: archive) { InkBoxEngine() }
        options.jobs = 1
        let summary = try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: RecordingReporter())).run()
        XCTAssertEqual(summary.exitStatus, .success, "\(summary.snapshot.failures)")
        XCTAssertEqual(summary.snapshot.itemsPackaged, 1)
        // Two scans planned, three pages finished: the split spread adds one to the total.
        XCTAssertEqual(summary.snapshot.pagesTotal, 3, "the progress total counts the spread's two pages")
        XCTAssertEqual(summary.snapshot.pagesFinished, 3)
        // Where the CPU went, stage by stage (issue 19): every stage ran, normalizing two scans took some.
        let cpu = try XCTUnwrap(summary.cpuSeconds)
        XCTAssertEqual(Set(cpu.stages.keys), ["ingest", "normalize", "ocr", "metadata", "package"])
        XCTAssertGreaterThan(cpu.stages["normalize"] ?? 0, 0.01, "\(cpu)")
        XCTAssertGreaterThan(cpu.stages["ocr"] ?? 0, 0, "\(cpu)")
        XCTAssertEqual(Set(cpu.rounded.keys), ["ingest", "normalize", "ocr", "metadata", "package", "other"])
        // …and part by part: the normalizer's steps, the access copy, OCR's readings, the ALTO, the
        // OCFL version; each part is counted in its stage, so never more than it.
        let parts = try XCTUnwrap(cpu.parts)
        for part in ["normalize.steps", "normalize.access_copy", "ocr.recognize", "ocr.rereads", "package.alto_hocr_text", "package.ocfl"] {
            XCTAssertNotNil(parts[part], "\(part) in \(parts)")
        }
        XCTAssertGreaterThan(parts["normalize.steps"] ?? 0, 0.01, "\(parts)")
        for (part, seconds) in parts {
            let stage = String(part.prefix { $0 != "." })
            XCTAssertLessThanOrEqual(seconds, (cpu.stages[stage] ?? 0) + 0.001, "\(part) in \(cpu)")
        }

        // Three pages archived: 1, 2-a, 2-b, each with its ALTO.
        let state = try XCTUnwrap(try OCFLStorageRoot.openOrCreate(at: archive).headState(objectID: "urn:sohoa:LOCAL:sach"))
        XCTAssertEqual(state.keys.filter { $0.hasPrefix("alto/") }.sorted(), ["alto/1.xml", "alto/2-a.xml", "alto/2-b.xml"])
        let catalog = try Catalog(url: archive.appendingPathComponent("catalog.sqlite"))
        let pages = try catalog.pages(itemID: "sach")
        XCTAssertEqual(Set(pages.map(\.name)), ["1", "2", "2-a", "2-b"])
        XCTAssertTrue(pages.allSatisfy { $0.state == .done }, "\(pages.map { ($0.name, $0.state) })")
        // Counted as archived, three pages: in the item (progress, the IIIF manifest) and in `sohoa status`
        // (the spread's own record, its OCR skipped, is not a page).
        XCTAssertEqual(try catalog.item(id: "sach")?.pageCount, 3)
        let status = try catalog.status()
        XCTAssertEqual(status.pageCount, 3)
        XCTAssertEqual(status.pagesByState[.done], 3)
        // Labels for the three pages only: a fourth would have been dropped from the METS without a word.
        let edit = StructureEdit(session: try ArchiveSession(folder: archive))
        XCTAssertThrowsError(
            try edit.apply(itemID: "sach", structure: ItemStructure(labels: ["i", "1", "2", "3"]), by: "Lò Thị Mai (mai)")
        ) { XCTAssertTrue("\($0)".contains("has 3 pages"), "\($0)") }
        XCTAssertEqual(
            try edit.apply(itemID: "sach", structure: ItemStructure(labels: ["i", "1", "2"]), by: "Lò Thị Mai (mai)").version, "v2")

        // A second run sees the item archived with the same pages, split spread included: no OCR.
        CountingEngine.calls.store(0, ordering: .sequentiallyConsistent)
        options.makeEngine = { CountingEngine() }
        let again = try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: RecordingReporter())).run()
        XCTAssertEqual(again.snapshot.itemsSkipped, 1)
        XCTAssertEqual(CountingEngine.calls.load(ordering: .sequentiallyConsistent), 0, "nothing is recognized again")

        // The box of all print found on each normalized page lands on the print of the master.
        let work = WorkArea(archive: archive)
        let results = try FileManager.default.contentsOfDirectory(
            at: work.root.appendingPathComponent("pages"), includingPropertiesForKeys: nil
        ).compactMap { work.loadResult(in: $0) }
        let byName = Dictionary(results.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let one = try XCTUnwrap(byName["1"])
        XCTAssertEqual(one.normalize.quarterTurnsApplied, 3, "the page lying turned right is turned back")
        let master1 = try ScanDecoder.decode(item.appendingPathComponent("1.png")).raster
        try assertBox(of: one, lands: InkBoxEngine.inkBox(master1), tolerance: 6)

        let left = try XCTUnwrap(byName["2-a"])
        let right = try XCTUnwrap(byName["2-b"])
        let gutter = try XCTUnwrap(left.normalize.gutterX)
        let master2 = try ScanDecoder.decode(item.appendingPathComponent("2.png")).raster
        let leftBox = try XCTUnwrap(mapped(left))
        let rightBox = try XCTUnwrap(mapped(right))
        // An axis-aligned box of the levelled page maps onto a slightly larger box of the master:
        // its corners move by up to (side × sin(rotation)).
        let slack = Double(master2.height) * abs(sin(left.transform.rotationDegrees * .pi / 180)) + 40
        let cropX = left.normalize.cropBox?.x ?? 0
        XCTAssertLessThan(Double(leftBox.x + leftBox.width), Double(gutter + cropX) + slack, "the left page's print is left of the gutter")
        XCTAssertGreaterThan(Double(rightBox.x), Double(gutter + cropX) - slack, "the right page's print is right of the gutter")
        let whole = try XCTUnwrap(InkBoxEngine.inkBox(master2))
        // Together they span the master's print.
        XCTAssertEqual(Double(leftBox.x), Double(whole.x), accuracy: slack)
        XCTAssertEqual(Double(rightBox.x + rightBox.width), Double(whole.x + whole.width), accuracy: slack)
        XCTAssertEqual(Double(leftBox.y), Double(whole.y), accuracy: slack)
    }

    private func mapped(_ result: PageResult) -> (x: Int, y: Int, width: Int, height: Int)? {
        guard let word = result.text?.words.first else { return nil }
        return result.transform.toMaster(box: (word.box.x, word.box.y, word.box.width, word.box.height))
    }

    private func assertBox(
        of result: PageResult, lands expected: (x: Int, y: Int, width: Int, height: Int)?, tolerance: Double,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let box = try XCTUnwrap(mapped(result), file: file, line: line)
        let want = try XCTUnwrap(expected, file: file, line: line)
        XCTAssertEqual(Double(box.x), Double(want.x), accuracy: tolerance, "x", file: file, line: line)
        XCTAssertEqual(Double(box.y), Double(want.y), accuracy: tolerance, "y", file: file, line: line)
        XCTAssertEqual(Double(box.width), Double(want.width), accuracy: tolerance, "width", file: file, line: line)
        XCTAssertEqual(Double(box.height), Double(want.height), accuracy: tolerance, "height", file: file, line: line)
    }
}

/// An engine that "reads" one word: the bounding box of all dark pixels of the page.
final class InkBoxEngine: OCREngine {
    func recognize(_ image: Raster, dpi: Int, language: String) throws -> PageText {
        guard let box = Self.inkBox(image) else { return .empty(width: image.width, height: image.height) }
        let bounds = BoundingBox(x: box.x, y: box.y, width: box.width, height: box.height)
        let word = Word(text: "ink", box: bounds, confidence: 99)
        return PageText(
            width: image.width, height: image.height,
            blocks: [
                TextBlock(box: bounds, paragraphs: [TextParagraph(box: bounds, lines: [TextLine(box: bounds, words: [word])])])
            ])
    }

    /// Bounding box of pixels darker than 128, ignoring rows and columns with fewer than 3 of them (specks).
    static func inkBox(_ raster: Raster) -> (x: Int, y: Int, width: Int, height: Int)? {
        let gray = raster.grayscale()
        var rows = [Int](repeating: 0, count: gray.height)
        var columns = [Int](repeating: 0, count: gray.width)
        for y in 0..<gray.height {
            for x in 0..<gray.width where gray.pixels[y * gray.width + x] < 128 {
                rows[y] += 1
                columns[x] += 1
            }
        }
        guard let top = rows.firstIndex(where: { $0 >= 3 }), let bottom = rows.lastIndex(where: { $0 >= 3 }),
            let left = columns.firstIndex(where: { $0 >= 3 }), let right = columns.lastIndex(where: { $0 >= 3 })
        else { return nil }
        return (left, top, right - left + 1, bottom - top + 1)
    }
}
