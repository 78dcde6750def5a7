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
        // A band of lines: about 0.9 inch tall, 4.5 inches of the lines.
        XCTAssertEqual(Double(across.raster.height), 270, accuracy: 80)
        XCTAssertEqual(across.raster.width, 1350)
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
}
