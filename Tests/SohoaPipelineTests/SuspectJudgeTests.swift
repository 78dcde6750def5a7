import SohoaImaging
import SohoaOCR
import XCTest

@testable import SohoaCollection
@testable import SohoaPipeline

/// Issue 11: a page whose recognized text looks wrong is caught, with the reason in words; good pages never.
final class SuspectJudgeTests: XCTestCase {
    private func quality(_ confidence: Double?, words: Int = 200, share: Double? = 0.95) -> PageQuality {
        PageQuality(meanConfidence: confidence, wordCount: words, syllableShare: share)
    }

    func testGoodPagesAreNeverSuspect() {
        let judge = SuspectJudge()
        for confidence in [91.0, 96, 93, 94, 92, 95, 88] {
            let good = quality(confidence, share: 0.9 + confidence / 1000)
            XCTAssertNil(judge.reason(for: good), "\(confidence)% should pass")
            judge.accept(good)
        }
        XCTAssertNil(judge.reason(for: quality(80, share: nil)), "a page without a syllable share is judged on confidence")
    }

    func testLowConfidenceFarBelowTheBatchIsSuspectWithTheBatchFigure() throws {
        let judge = SuspectJudge()
        for confidence in [92.0, 93, 94] { judge.accept(quality(confidence)) }
        XCTAssertEqual(judge.reason(for: quality(41)), "mean confidence 41% (batch 93%)")
        // 70% passes the floor (60%) but is far below this batch.
        XCTAssertEqual(judge.reason(for: quality(70)), "mean confidence 70% (batch 93%)")
        XCTAssertNil(judge.reason(for: quality(80)))
    }

    func testTheFloorsApplyBeforeTheBatchHasFigures() {
        let judge = SuspectJudge()
        XCTAssertEqual(judge.reason(for: quality(50)), "mean confidence 50%")
        XCTAssertEqual(judge.reason(for: quality(93, share: 0.12)), "12% of words are Vietnamese syllables")
        XCTAssertEqual(judge.reason(for: quality(nil, words: 0, share: nil)), "no text recognized on a page that is not blank")
    }

    func testEveryReasonTheJudgeGivesIsSaidInVietnamese() {
        let judge = SuspectJudge()
        for _ in 0..<3 { judge.accept(quality(93, share: 0.96)) }
        let reasons = [
            judge.reason(for: quality(41, share: 0.3)), judge.reason(for: quality(nil, words: 0, share: nil)),
            SuspectJudge().reason(for: quality(50, share: 0.12)),
        ].compactMap { $0 }
        XCTAssertEqual(reasons.count, 3)
        for reason in reasons {
            let words = SuspectReasonWords.vietnamese(reason)
            for english in ["confidence", "batch", "words", "syllables", "text", "page"] {
                XCTAssertFalse(words.contains(english), "\(reason) → \(words)")
            }
        }
    }

    func testConfidentTextThatIsNotVietnameseIsSuspect() {
        // The sideways page: 93% confidence, its lines read in the wrong order into non-words.
        let judge = SuspectJudge()
        for _ in 0..<3 { judge.accept(quality(93, share: 0.96)) }
        XCTAssertEqual(judge.reason(for: quality(93, share: 0.7)), "70% of words are Vietnamese syllables (batch 96%)")
    }

    func testQualityCountsSyllablesOnlyForVietnamese() {
        let words = ["Huyện", "Mường", "Tè", "tỉnh", "Lai", "Châu", "người", "Hà", "Nhì", "ưung"].map {
            Word(text: $0, box: BoundingBox(x: 0, y: 0, width: 10, height: 10), confidence: 90)
        }
        let box = BoundingBox(x: 0, y: 0, width: 100, height: 10)
        let text = PageText(
            width: 100, height: 100,
            blocks: [TextBlock(box: box, paragraphs: [TextParagraph(box: box, lines: [TextLine(box: box, words: words)])])])
        XCTAssertEqual(PageQuality(text, language: "vie+eng").syllableShare, 0.9)
        XCTAssertNil(PageQuality(text, language: "eng").syllableShare)
        XCTAssertEqual(PageQuality(text, language: "vie").meanConfidence, 90)
    }

    /// A turn of the normalized image after the fact maps every point to the same master point.
    func testTurnedTransformMapsToTheSameMasterPoints() {
        let base = PageTransform(
            masterWidth: 1000, masterHeight: 1400, scale: 0.5, quarterTurns: 1, rotationDegrees: 2.5, canvasWidth: 760,
            canvasHeight: 540, cropX: 30, cropY: 20, normalizedWidth: 600, normalizedHeight: 480)
        let points: [(Double, Double)] = [(0, 0), (600, 480), (123.5, 321.25), (599, 1)]
        for turns in 1...3 {
            let turned = base.turned(clockwise: turns)
            XCTAssertEqual(turned.normalizedWidth, turns % 2 == 1 ? 480 : 600)
            for (x, y) in points {
                // Where (x, y) of the old image lands after `turns` clockwise turns of a W×H image.
                var (px, py, w, h) = (x, y, 600.0, 480.0)
                for _ in 0..<turns { (px, py, w, h) = (h - py, px, h, w) }
                let expected = base.toMaster(x: x, y: y)
                let actual = turned.toMaster(x: px, y: py)
                XCTAssertEqual(actual.x, expected.x, accuracy: 1e-6, "turns \(turns) point (\(x), \(y))")
                XCTAssertEqual(actual.y, expected.y, accuracy: 1e-6, "turns \(turns) point (\(x), \(y))")
            }
        }
    }
}
