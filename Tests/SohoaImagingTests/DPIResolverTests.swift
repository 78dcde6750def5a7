import SohoaImaging
import XCTest

/// The file's resolution is trusted when plausible for the page's size, estimated otherwise.
final class DPIResolverTests: XCTestCase {
    private func metadata(_ width: Int, _ height: Int, dpi: Double?) -> TechnicalMetadata {
        TechnicalMetadata(
            format: .tiff, width: width, height: height, bitsPerSample: 8, samplesPerPixel: 1, colorModel: "gray",
            compression: "none", hasAlpha: false, resolutionX: dpi, resolutionY: dpi, pageIndex: 0, pageCount: 1)
    }

    func testPlausibleResolutionIsTrusted() {
        XCTAssertEqual(DPIResolver.resolve(metadata(2550, 3300, dpi: 300)), ResolvedDPI(dpi: 300, estimated: false))
        XCTAssertEqual(DPIResolver.resolve(metadata(4960, 7016, dpi: 600)), ResolvedDPI(dpi: 600, estimated: false))
        XCTAssertEqual(DPIResolver.resolve(metadata(1654, 2339, dpi: 200)), ResolvedDPI(dpi: 200, estimated: false))
    }

    func testSeventyTwoDPIOnAnA4At300IsEstimated() throws {
        let resolved = DPIResolver.resolve(metadata(2480, 3508, dpi: 72))
        XCTAssertEqual(resolved.dpi, 300)
        XCTAssertTrue(resolved.estimated)
        let note = try XCTUnwrap(resolved.note)
        XCTAssertTrue(note.contains("72 dpi"), note)
        XCTAssertTrue(note.contains("48.7 in"), note)
    }

    func testTwelveHundredDPIOnASmallPageIsEstimated() throws {
        let resolved = DPIResolver.resolve(metadata(1600, 2300, dpi: 1200))
        XCTAssertEqual(resolved.dpi, 200)
        XCTAssertTrue(resolved.estimated)
        XCTAssertTrue(try XCTUnwrap(resolved.note).contains("1200 dpi"))
    }

    func testMissingResolutionIsEstimated() throws {
        let resolved = DPIResolver.resolve(metadata(2550, 3300, dpi: nil))
        XCTAssertEqual(resolved.dpi, 300)
        XCTAssertTrue(resolved.estimated)
        XCTAssertTrue(try XCTUnwrap(resolved.note).contains("no resolution"))
        XCTAssertEqual(DPIResolver.resolve(metadata(4960, 7016, dpi: nil)).dpi, 600)
    }

    func testOutOfRangeResolutionIsEstimated() {
        XCTAssertTrue(DPIResolver.resolve(metadata(2550, 3300, dpi: 1)).estimated)
        XCTAssertTrue(DPIResolver.resolve(metadata(2550, 3300, dpi: 5000)).estimated)
    }
}
