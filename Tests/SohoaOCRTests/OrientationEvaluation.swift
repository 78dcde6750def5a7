import Foundation
import SohoaImaging
import XCTest

@testable import SohoaOCR

/// The orientation and spread decisions on a folder of generated pages with known answers
/// (`Tests/Fixtures/orientation/make-pages.py`): the figures of issue 11, printed per page and in
/// total. Runs only when `SOHOA_ORIENTATION_PAGES` names such a folder (it takes minutes).
final class OrientationEvaluation: XCTestCase {
    struct Entry: Decodable {
        var name: String
        var kind: String
        var turns: Int
        var spread: Bool
        var set: String
        var text: [String]
    }

    func testGeneratedPages() throws {
        guard let folder = ProcessInfo.processInfo.environment["SOHOA_ORIENTATION_PAGES"], !folder.isEmpty else {
            throw XCTSkip("set SOHOA_ORIENTATION_PAGES to a folder made by Tests/Fixtures/orientation/make-pages.py")
        }
        let root = URL(fileURLWithPath: folder, isDirectory: true)
        let entries = try JSONDecoder().decode([Entry].self, from: Data(contentsOf: root.appendingPathComponent("manifest.json")))
        let engine = try TesseractEngine(pageSegmentation: .singleBlock)
        let detector = try TesseractOrientationDetector()
        let reader = try TesseractEngine()
        var totals: [String: (pages: Int, orientation: Int, split: Int, recognized: Int, cpu: Double)] = [:]
        for entry in entries {
            let scan = try ScanDecoder.decode(root.appendingPathComponent(entry.name + ".png"))
            let recognizer = SampleRecognizer(engine: engine, language: "vie")
            let pages = Normalizer().pages(of: scan, orientationDetector: detector, recognition: recognizer)
            let report = pages[0].report
            let turnedRight = report.quarterTurnsApplied == entry.turns
            var splitRight = pages.count == (entry.spread ? 2 : 1)
            var lines = ""
            if entry.spread, splitRight {
                // Every line of each page is in its half: as many lines read as were printed.
                for (page, text) in zip(pages, entry.text) {
                    let read = try reader.recognize(page.raster, dpi: page.report.dpiUsed, language: "vie")
                    let count = read.blocks.flatMap(\.paragraphs).flatMap(\.lines).count
                    let printed = text.split(separator: "\n").count
                    lines += " lines \(count)/\(printed)"
                    if count < printed { splitRight = false }
                }
            }
            let evidence = report.orientationEvidence
            let tried = (evidence?.candidates ?? []).map {
                "\($0.quarterTurns * 90)°:\(String(format: "%.2f", $0.score))/\($0.readability?.words ?? 0)"
            }
            print(
                "\(turnedRight && splitRight ? "ok " : "BAD") \(entry.name): turned \((report.quarterTurnsApplied ?? 0) * 90)° by "
                    + "\(report.orientation?.method.rawValue ?? "-") (want \(entry.turns * 90)°), pages \(pages.count); profile "
                    + "\(evidence.map { "\($0.profile.degrees)° \($0.profile.confidence)" } ?? "-"); tried \(tried.joined(separator: " ")); "
                    + "osd \(evidence?.osd.map { "\($0.degrees)° \($0.confidence)" } ?? "-"); cpu \(Int(report.cpuMilliseconds ?? 0)) ms\(lines)"
            )
            var total = totals[entry.set, default: (0, 0, 0, 0, 0)]
            total.pages += 1
            if !turnedRight { total.orientation += 1 }
            if !splitRight { total.split += 1 }
            if evidence?.candidates != nil { total.recognized += 1 }
            total.cpu += report.cpuMilliseconds ?? 0
            totals[entry.set] = total
        }
        for (set, total) in totals.sorted(by: { $0.key < $1.key }) {
            print(
                "\(set): \(total.pages) pages, \(total.orientation) orientation errors, \(total.split) false or missed splits, "
                    + "\(total.recognized) checked by recognition, normalize CPU \(Int(total.cpu)) ms")
        }
    }
}
