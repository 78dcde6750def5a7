import XCTest

@testable import SohoaImaging

/// The rules that turn recognition scores into an orientation, and the band of lines that is read.
final class OrientationByRecognitionTests: XCTestCase {
    private func candidate(_ turns: Int, words: Int, confidence: Double) -> OrientationCandidate {
        OrientationCandidate(quarterTurns: turns, readability: Readability(words: words, meanConfidence: confidence))
    }

    func testAClearlyBetterReadingWins() {
        let winner = OrientationByRecognition.decision([
            candidate(0, words: 30, confidence: 48), candidate(2, words: 41, confidence: 91),
            candidate(1, words: 12, confidence: 35), candidate(3, words: 9, confidence: 30),
        ])
        XCTAssertEqual(winner?.quarterTurns, 2)
    }

    func testCloseOrPoorReadingsDecideNothing() {
        // Two readings close together: no clear lead.
        XCTAssertNil(OrientationByRecognition.decision([candidate(0, words: 30, confidence: 84), candidate(2, words: 30, confidence: 80)]))
        // The best reading is itself poor (garbage in every orientation).
        XCTAssertNil(OrientationByRecognition.decision([candidate(0, words: 30, confidence: 58), candidate(2, words: 30, confidence: 40)]))
        // Too few words to count.
        XCTAssertNil(OrientationByRecognition.decision([candidate(0, words: 2, confidence: 95), candidate(2, words: 0, confidence: 0)]))
        // Nothing recognized at all.
        XCTAssertNil(OrientationByRecognition.decision([OrientationCandidate(quarterTurns: 0, readability: nil)]))
    }

    func testTheSyllableShareCountsInTheScore() {
        // Confident garbage (few valid syllables) loses to a reading of real syllables.
        let garbage = OrientationCandidate(quarterTurns: 0, readability: Readability(words: 20, meanConfidence: 85, syllableShare: 0.2))
        let real = OrientationCandidate(quarterTurns: 2, readability: Readability(words: 20, meanConfidence: 80, syllableShare: 0.95))
        XCTAssertEqual(OrientationByRecognition.decision([garbage, real])?.quarterTurns, 2)
    }

    func testTheBandFollowsTheLines() throws {
        let page = SyntheticPage.text(degrees: 0)
        let across = try XCTUnwrap(OrientationByRecognition.band(page, dpi: 300, linesHorizontal: true))
        // A band of lines: about 0.6 inch tall, 3.5 inches of the lines.
        XCTAssertEqual(Double(across.raster.height), 180, accuracy: 60)
        XCTAssertEqual(across.raster.width, 1050)
        // The same page lying on its side gives the same band, standing.
        let lying = page.quarterTurned(clockwise: 3)
        let along = try XCTUnwrap(OrientationByRecognition.band(lying, dpi: 300, linesHorizontal: false))
        XCTAssertEqual(along.raster.width, across.raster.height, accuracy: 12)
        XCTAssertEqual(along.raster.height, across.raster.width, accuracy: 12)
        // Higher resolutions are read at 300 dpi.
        let fine = try XCTUnwrap(OrientationByRecognition.band(page.scaled(by: 2), dpi: 600, linesHorizontal: true))
        XCTAssertEqual(fine.dpi, 300)
        XCTAssertEqual(Double(fine.raster.width), Double(across.raster.width), accuracy: 40)
        XCTAssertNil(OrientationByRecognition.band(Raster(width: 400, height: 400), dpi: 300, linesHorizontal: true))
    }

    func testTheBandKeepsToTheLinesBesideAShadow() throws {
        // A dark shadow along the top edge (gray paper, a spine shadow on a turned spread) is not print.
        var page = SyntheticPage.text(degrees: 0)
        for index in 0..<(330 * page.width) { page.pixels[index] = 110 }
        let band = try XCTUnwrap(OrientationByRecognition.band(page, dpi: 300, linesHorizontal: true))
        let shadowed = band.raster.pixels.filter { (90...130).contains($0) }.count
        XCTAssertLessThan(Double(shadowed) / Double(band.raster.pixels.count), 0.1, "the band lies in the shadow")
    }

    /// Readings given in the order asked (the judge asks the profile's guess, its opposite, then the
    /// other axis), counting the samples it was asked to read.
    private final class ScriptedScorer: RecognitionScoring {
        private var readings: [Readability?]
        private(set) var asked = 0
        init(_ readings: [Readability?]) { self.readings = readings }
        func readability(of sample: Raster, dpi: Int) -> Readability? {
            asked += 1
            return readings.isEmpty ? nil : readings.removeFirst()
        }
    }

    private func profile(_ turns: Int, confidence: Double, axis: Double) -> OrientationEstimate {
        OrientationEstimate(quarterTurns: turns, confidence: confidence, method: .profile, axisConfidence: axis)
    }

    func testAGuessThatReadsClearlyIsTheOnlyOneRead() throws {
        let scorer = ScriptedScorer([Readability(words: 30, meanConfidence: 93, syllableShare: 0.95)])
        let verdict = OrientationByRecognition.judge(
            SyntheticPage.text(degrees: 0), dpi: 300, profile: profile(2, confidence: 0.9, axis: 1), scorer: scorer)
        XCTAssertEqual(scorer.asked, 1)
        XCTAssertEqual(verdict.estimate?.quarterTurns, 2)
        XCTAssertEqual(verdict.estimate?.method, .recognition)
        XCTAssertEqual(verdict.candidates.map(\.quarterTurns), [2])
        XCTAssertNotNil(verdict.candidates.first?.milliseconds, "each candidate records its time")
    }

    func testAConfidentReadingOfFewSyllablesIsCheckedAgainstItsOpposite() throws {
        // Confident but not Vietnamese: the opposite is read too, and wins.
        let scorer = ScriptedScorer([
            Readability(words: 30, meanConfidence: 90, syllableShare: 0.3), Readability(words: 30, meanConfidence: 92, syllableShare: 0.95),
        ])
        let verdict = OrientationByRecognition.judge(
            SyntheticPage.text(degrees: 0), dpi: 300, profile: profile(1, confidence: 0.9, axis: 1), scorer: scorer)
        XCTAssertEqual(verdict.candidates.map(\.quarterTurns), [1, 3])
        XCTAssertEqual(verdict.estimate?.quarterTurns, 3)
    }

    func testAKnownLineDirectionReadsOnlyItsTwoOrientations() throws {
        // Both readings poor: with the line direction known the other axis is not read, but a larger
        // band of the same lines is, and decides.
        let poor = [Readability(words: 20, meanConfidence: 55), Readability(words: 20, meanConfidence: 45)]
        let known = ScriptedScorer(poor + [Readability(words: 50, meanConfidence: 40), Readability(words: 50, meanConfidence: 78)])
        let verdict = OrientationByRecognition.judge(
            SyntheticPage.text(degrees: 0), dpi: 300, profile: profile(0, confidence: 0.1, axis: 0.9), scorer: known)
        XCTAssertEqual(verdict.candidates.map(\.quarterTurns), [0, 2, 0, 2])
        XCTAssertEqual(verdict.estimate?.quarterTurns, 2)
        // The same readings with the direction unknown: all four orientations are read.
        let unknown = ScriptedScorer(poor + poor)
        let undecided = OrientationByRecognition.judge(
            SyntheticPage.text(degrees: 0), dpi: 300, profile: profile(0, confidence: 0.1, axis: 0.2), scorer: unknown)
        XCTAssertEqual(undecided.candidates.map(\.quarterTurns), [0, 2, 1, 3])
        XCTAssertNil(undecided.estimate)
    }

    func testTheOtherAxisWinsWhenItReadsClearly() throws {
        let scorer = ScriptedScorer([
            Readability(words: 20, meanConfidence: 40), Readability(words: 20, meanConfidence: 38),
            Readability(words: 25, meanConfidence: 94, syllableShare: 0.9),
        ])
        let verdict = OrientationByRecognition.judge(
            SyntheticPage.text(degrees: 0), dpi: 300, profile: profile(0, confidence: 0, axis: 0), scorer: scorer)
        XCTAssertEqual(scorer.asked, 3)
        XCTAssertEqual(verdict.estimate?.quarterTurns, 1)
    }

    func testNoTextOnAPageWithoutLinesStopsAfterOneAxis() throws {
        // Noise: no lines either way and both readings of the first axis are no text at all.
        let noise = ScriptedScorer([Readability(words: 40, meanConfidence: 12), Readability(words: 35, meanConfidence: 9)])
        let verdict = OrientationByRecognition.judge(
            SyntheticPage.text(degrees: 0), dpi: 300, profile: profile(3, confidence: 0.05, axis: 0.05), scorer: noise)
        XCTAssertEqual(verdict.candidates.map(\.quarterTurns), [3, 1])
        XCTAssertNil(verdict.estimate)
        XCTAssertTrue(verdict.sampled)
        // Poor text (not noise) on the same page still has the other axis read.
        let poor = ScriptedScorer([Readability(words: 40, meanConfidence: 30), Readability(words: 35, meanConfidence: 9)])
        let read = OrientationByRecognition.judge(
            SyntheticPage.text(degrees: 0), dpi: 300, profile: profile(3, confidence: 0.05, axis: 0.05), scorer: poor)
        XCTAssertEqual(read.candidates.map(\.quarterTurns), [3, 1, 0, 2])
    }

    /// Counts the pages it is asked about; always says "turn twice" with confidence.
    private final class CountingOSD: OrientationDetecting {
        private(set) var asked = 0
        func orientation(of gray: Raster, dpi: Int) -> OrientationEstimate? {
            asked += 1
            return OrientationEstimate(quarterTurns: 2, confidence: 0.9, method: .tesseractOSD)
        }
    }

    func testAPageWithoutABandOfLinesIsNotGivenToOSD() throws {
        // A plain gray page: no band can be cut in any orientation, so OSD is not asked and the page stays.
        let plain = Raster(width: 600, height: 800, filledWith: 128)
        let scorer = ScriptedScorer([])
        let osd = CountingOSD()
        let unsure = profile(1, confidence: 0, axis: 0)
        let decided = Normalizer().decideOrientation(plain, dpi: 300, profile: unsure, detector: osd, recognition: scorer)
        XCTAssertEqual(scorer.asked, 0)
        XCTAssertEqual(osd.asked, 0)
        XCTAssertEqual(decided.estimate.quarterTurns, 0)
        XCTAssertEqual(decided.evidence.candidates?.count, 2, "the orientations tried are on the record")
        // A page with lines that recognition cannot decide still asks OSD.
        let undecided = ScriptedScorer([Readability(words: 20, meanConfidence: 50), Readability(words: 20, meanConfidence: 48)])
        _ = Normalizer().decideOrientation(SyntheticPage.text(degrees: 0), dpi: 300, profile: unsure, detector: osd, recognition: undecided)
        XCTAssertEqual(osd.asked, 1)
    }

    func testATurnTheProfilesAreCertainOfIsNotRead() throws {
        // Issue 11's cost line: recognition runs on doubtful pages only. A page the profiles are
        // certain lies on its side is turned without reading a band and without asking OSD.
        let page = SyntheticPage.text(degrees: 0).quarterTurned(clockwise: 3)
        let scorer = ScriptedScorer([Readability(words: 30, meanConfidence: 93, syllableShare: 0.95)])
        let osd = CountingOSD()
        let certain = profile(1, confidence: OrientationByRecognition.sureProfileConfidence, axis: 1)
        let decided = Normalizer().decideOrientation(page, dpi: 300, profile: certain, detector: osd, recognition: scorer)
        XCTAssertEqual(scorer.asked, 0)
        XCTAssertEqual(osd.asked, 0)
        XCTAssertEqual(decided.estimate.quarterTurns, 1)
        XCTAssertEqual(decided.estimate.method, .profile)
        XCTAssertNil(decided.evidence.candidates, "nothing was read")
        // A guess just below certain is read (and here reads clearly).
        let doubtful = profile(1, confidence: 0.98, axis: 1)
        let read = Normalizer().decideOrientation(page, dpi: 300, profile: doubtful, detector: osd, recognition: scorer)
        XCTAssertEqual(scorer.asked, 1)
        XCTAssertEqual(read.estimate.method, .recognition)
        XCTAssertEqual(read.estimate.quarterTurns, 1)
        // A page nobody will read (no OCR language): OSD still checks the certain turn, as before.
        let unread = Normalizer().decideOrientation(page, dpi: 300, profile: certain, detector: osd, recognition: nil)
        XCTAssertEqual(osd.asked, 1)
        XCTAssertEqual(unread.estimate.method, .tesseractOSD)
    }
}
