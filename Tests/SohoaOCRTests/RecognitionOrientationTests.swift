import Foundation
import SohoaImaging
import XCTest

@testable import SohoaOCR

/// Issue 11: pages the line profiles are unsure about are turned the way a band of their lines
/// reads best, in fonts SampleScans does not use and on real turned scans; a confident but wrong
/// OSD never overrides clear recognition.
final class RecognitionOrientationTests: XCTestCase {
    /// An OSD that always says "upright, sure" (what it said of upside-down pages in the issue).
    final class SureUprightOSD: OrientationDetecting {
        private(set) var asked = 0
        func orientation(of gray: Raster, dpi: Int) -> OrientationEstimate? {
            asked += 1
            return OrientationEstimate(quarterTurns: 0, confidence: 0.98, method: .tesseractOSD)
        }
    }

    func testTurnedPagesInOtherFontsReadUpright() throws {
        let expected = [
            "tuning-cursor-portrait-90": 1, "tuning-freesans-portrait-180": 2, "tuning-termes-italic-portrait-270": 3,
            "held-out-liberation-mono-portrait-180": 2, "held-out-heros-portrait-90": 1,
        ]
        let scans = try GeneratedPages.scans(Array(expected.keys))
        let engine = try TesseractEngine(pageSegmentation: .singleBlock)
        for (name, turns) in expected.sorted(by: { $0.key < $1.key }) {
            let scan = try XCTUnwrap(scans[name])
            let pages = Normalizer().pages(of: scan, recognition: SampleRecognizer(engine: engine, language: "vie"))
            let report = try XCTUnwrap(pages.first?.report)
            print("\(name): \(String(describing: report.orientationEvidence))")
            XCTAssertEqual(pages.count, 1, "\(name) is one page")
            XCTAssertEqual(report.quarterTurnsApplied, turns, name)
        }
    }

    func testRealTurnedScansReadUpright() throws {
        let expected = [
            ("tesseract_test/rotation/phototest-rotated-180.png", "eng", 2),
            ("tesseract_test/rotation/phototest-rotated-L.png", "eng", 1),
            ("tesseract_test/rotation/phototest-rotated-R.png", "eng", 3),
            ("vie_vietocr3_samples/vietsample2.tif", "vie", 3),
        ]
        let engine = try TesseractEngine(pageSegmentation: .singleBlock)
        for (path, language, turns) in expected {
            let scan = try ScanDecoder.decode(try TestFixtures.scan(path))
            let pages = Normalizer().pages(of: scan, recognition: SampleRecognizer(engine: engine, language: language))
            let report = try XCTUnwrap(pages.first?.report)
            print("\(path): \(String(describing: report.orientation)) \(String(describing: report.orientationEvidence?.candidates))")
            XCTAssertEqual(report.quarterTurnsApplied, turns, path)
        }
    }

    func testASureButWrongOSDDoesNotOverrideClearRecognition() throws {
        // A page the line profiles are unsure of (a typewriter face upside down).
        let name = "held-out-liberation-mono-portrait-180"
        let scan = try XCTUnwrap(try GeneratedPages.scans([name])[name])
        let osd = SureUprightOSD()
        let recognizer = SampleRecognizer(engine: try TesseractEngine(pageSegmentation: .singleBlock), language: "vie")
        let report = try XCTUnwrap(Normalizer().pages(of: scan, orientationDetector: osd, recognition: recognizer).first?.report)
        XCTAssertLessThan(report.orientationEvidence?.profile.confidence ?? 1, 0.99, "the profiles are unsure of this page")
        XCTAssertEqual(report.quarterTurnsApplied, 2)
        XCTAssertEqual(report.orientation?.method, .recognition)
        let candidates = try XCTUnwrap(report.orientationEvidence?.candidates)
        let upright = try XCTUnwrap(candidates.first { $0.quarterTurns == 2 })
        // The upright reading is clear on its own, or clearly better than the page as scanned.
        if let wrong = candidates.first(where: { $0.quarterTurns == 0 }) {
            XCTAssertGreaterThan(upright.score, wrong.score + 0.12, "\(candidates)")
        } else {
            XCTAssertGreaterThanOrEqual(upright.readability?.meanConfidence ?? 0, 85, "read alone only when clear: \(candidates)")
        }
        XCTAssertEqual(osd.asked, 0, "OSD is only asked when recognition gives no clear answer")
        // Without recognition the same sure OSD still decides (the behaviour for items without OCR).
        let withoutRecognition = try XCTUnwrap(Normalizer().pages(of: scan, orientationDetector: osd).first?.report)
        XCTAssertEqual(withoutRecognition.orientation?.method, .tesseractOSD)
    }

    func testATurnTheProfilesAreCertainOfIsMadeWithoutReadingOrOSD() throws {
        // Issue 11's cost line: no band is read and OSD is not asked; the page still ends upright.
        let name = "tuning-bonum-portrait-180"
        let scan = try XCTUnwrap(try GeneratedPages.scans([name])[name])
        let osd = SureUprightOSD()
        let recognizer = SampleRecognizer(engine: try TesseractEngine(pageSegmentation: .singleBlock), language: "vie")
        let report = try XCTUnwrap(Normalizer().pages(of: scan, orientationDetector: osd, recognition: recognizer).first?.report)
        XCTAssertGreaterThanOrEqual(report.orientationEvidence?.profile.confidence ?? 0, 0.99, "the profiles are certain of this page")
        XCTAssertEqual(report.quarterTurnsApplied, 2)
        XCTAssertEqual(report.orientation?.method, .profile)
        XCTAssertNil(report.orientationEvidence?.candidates, "no band read")
        XCTAssertEqual(osd.asked, 0)
    }
}
