import Foundation
import SohoaImaging
import SohoaOCR
import Synchronization
import XCTest

@testable import SohoaPipeline

/// Small synthetic pages and engines for running the whole pipeline in-process.
enum PipelineFixtures {
    /// Writes `count` small text-like PNG pages into `folder` (created), named 1.png, 2.png, …
    static func writePages(_ count: Int, into folder: URL, seed: Int = 0) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for index in 1...count {
            var raster = Raster(width: 600, height: 800)
            for line in 0..<12 {
                let y = 60 + line * 55
                var x = 50
                while x < 520 {
                    let width = 30 + ((index * 31 + line * 17 + x + seed) % 70)
                    for yy in y..<(y + 18) {
                        for xx in x..<min(x + width, 560) { raster.pixels[yy * 600 + xx] = 20 }
                    }
                    x += width + 15
                }
            }
            try Data(try PNGEncoder.encode(raster)).write(to: folder.appendingPathComponent("\(index).png"))
        }
    }

    /// A configuration for tests: few workers, all outputs.
    static func options(batch: URL, archive: URL, engine: @escaping @Sendable () throws -> any OCREngine) -> RunOptions {
        var pipeline = PipelineConfiguration()
        pipeline.workers.ocr = 2
        return RunOptions(batch: batch, archive: archive, pipeline: pipeline, makeEngine: engine)
    }
}

/// An engine that takes its time and counts its calls across all instances.
final class CountingEngine: OCREngine {
    static let calls = Atomic<Int>(0)
    let delay: TimeInterval

    init(delay: TimeInterval = 0) {
        self.delay = delay
    }

    func recognize(_ image: Raster, dpi: Int, language: String) throws -> PageText {
        Self.calls.add(1, ordering: .sequentiallyConsistent)
        if delay > 0 { Thread.sleep(forTimeInterval: delay) }
        let word = Word(text: "Thư viện", box: BoundingBox(x: 50, y: 60, width: 100, height: 18), confidence: 90)
        let line = TextLine(box: word.box, words: [word])
        let box = word.box
        return PageText(
            width: image.width, height: image.height, blocks: [TextBlock(box: box, paragraphs: [TextParagraph(box: box, lines: [line])])])
    }
}

/// Collects progress events and lets a test act on them.
final class RecordingReporter: ProgressReporter {
    let events = Mutex<[ProgressEvent]>([])
    let onEvent: @Sendable (ProgressEvent) -> Void

    init(onEvent: @escaping @Sendable (ProgressEvent) -> Void = { _ in }) {
        self.onEvent = onEvent
    }

    func update(_ snapshot: RunSnapshot, after event: ProgressEvent) {
        events.withLock { $0.append(event) }
        onEvent(event)
    }

    func finish(_ snapshot: RunSnapshot) {}
}
