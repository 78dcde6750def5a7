import Foundation
import SohoaCatalog
import SohoaImaging
import SohoaOCR
import SohoaTesting
import XCTest

@testable import SohoaPipeline

/// Issue 11 end to end in-process, with the real Tesseract engine: a page of random noise and a
/// photograph-like page come out suspect, with a reason, in the summary and the catalog; a good page
/// of SampleScans does not.
final class SuspectPageTests: XCTestCase {
    func testNoiseAndPhotographPagesAreSuspectAndAGoodPageIsNot() throws {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("SampleScans/bao-lai-chau-1998/trang-3.png")
        guard FileManager.default.fileExists(atPath: sample.path) else {
            throw XCTSkip("SampleScans/bao-lai-chau-1998/trang-3.png is not there")
        }
        guard FileManager.default.fileExists(atPath: TesseractEngine.defaultTessdata.appendingPathComponent("vie.traineddata").path)
        else {
            throw XCTSkip("Tesseract's vie model is not installed")
        }
        let folder = try temporaryFolder()
        let item = folder.appendingPathComponent("batch/tron")
        try FileManager.default.createDirectory(at: item, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: sample, to: item.appendingPathComponent("1.png"))
        try Data(try PNGEncoder.encode(Self.noise(width: 1200, height: 1600))).write(to: item.appendingPathComponent("2.png"))
        try Data(try PNGEncoder.encode(Self.photograph(width: 1200, height: 1600))).write(to: item.appendingPathComponent("3.png"))
        let archive = folder.appendingPathComponent("archive")
        var options = PipelineFixtures.options(batch: folder.appendingPathComponent("batch"), archive: archive) {
            try TesseractEngine(tessdata: TesseractEngine.defaultTessdata)
        }
        options.jobs = 1

        let summary = try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: RecordingReporter())).run()

        XCTAssertEqual(summary.snapshot.itemsPackaged, 1, "suspect pages are archived, not failed")
        let suspects = Dictionary(uniqueKeysWithValues: summary.snapshot.suspectPages.map { ($0.page, $0.reason) })
        XCTAssertEqual(Set(suspects.keys), ["2", "3"], "\(summary.snapshot.suspectPages)")
        XCTAssertTrue(summary.text.contains("tron/2"), summary.text)
        let catalog = try Catalog(url: archive.appendingPathComponent("catalog.sqlite"))
        let listed = try catalog.suspectPages()
        XCTAssertEqual(listed.map(\.pageName), ["2", "3"])
        XCTAssertEqual(listed.map(\.reason), ["2", "3"].map { suspects[$0] ?? "" })
        let good = try XCTUnwrap(try catalog.page(itemID: "tron", name: "1"))
        let goodEntry = try XCTUnwrap(try catalog.reviewEntry(pageID: try XCTUnwrap(good.id)))
        XCTAssertNil(goodEntry.suspectReason)
        XCTAssertGreaterThan(try XCTUnwrap(goodEntry.syllableShare), 0.8)
        let events = try catalog.events(itemID: "tron")
        let ocrEvent = try XCTUnwrap(events.first { $0.type == .recognized })
        XCTAssertEqual(ocrEvent.outcome, .warning)
        XCTAssertTrue(ocrEvent.detail?.contains("suspect pages") ?? false, ocrEvent.detail ?? "")
    }

    /// Random black and white pixels (a fixed seed).
    static func noise(width: Int, height: Int) -> Raster {
        var raster = Raster(width: width, height: height)
        var state: UInt64 = 0x2021
        for index in raster.pixels.indices {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            raster.pixels[index] = (state >> 33) & 1 == 0 ? 0 : 255
        }
        return raster
    }

    /// Smooth shading with dark shapes and fine texture, like a halftone photograph.
    static func photograph(width: Int, height: Int) -> Raster {
        var raster = Raster(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                let dx = Double(x - width / 2), dy = Double(y - height / 3)
                let shade = 128 + 90 * sin(Double(x) / 90) * cos(Double(y) / 130)
                let figure = (dx * dx) / 90_000 + (dy * dy) / 160_000 < 1 ? -70.0 : 0
                let grain = Double((x * 7 + y * 13) % 5) * 6
                raster.pixels[y * width + x] = UInt8(max(0, min(255, shade + figure + grain)))
            }
        }
        return raster
    }
}
