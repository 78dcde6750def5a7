import SohoaTesting
import XCTest

@testable import SohoaOCR

/// Page images' Flate coding (zlib's run-length strategy, for speed): any inflater gets the samples back.
final class DeflateTests: XCTestCase {
    func testImageCodingInflatesToTheSameSamples() throws {
        var random = SplitMix64(seed: 23)
        // Paper with runs of white and black strokes; scanner noise; one byte; nothing.
        let paper = (0..<300_000).map { index -> UInt8 in index % 1_000 < 700 ? 255 : (index % 7 == 0 ? 0 : 250) }
        let noise = (0..<200_000).map { _ in UInt8(truncatingIfNeeded: random.next() >> 40) }
        for samples in [paper, noise, [42], []] {
            let coded = try XCTUnwrap(Deflate.compressImage(samples))
            XCTAssertEqual(Deflate.decompress(coded, count: samples.count), samples)
            XCTAssertEqual(coded.first, 0x78, "a zlib stream, as FlateDecode reads")
        }
        XCTAssertLessThan(try XCTUnwrap(Deflate.compressImage(paper)).count, paper.count / 20)
    }
}
