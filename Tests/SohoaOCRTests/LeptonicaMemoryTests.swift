import CTesseract
import CTesseractLineImages
import Foundation
import XCTest

@testable import SohoaOCR

/// Leptonica's large image blocks mapped writable when allocated (issue 19): only large blocks,
/// their images as leptonica makes them, and the recognized page the same as without.
final class LeptonicaMemoryTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipIf(
            ProcessInfo.processInfo.environment["SOHOA_PIX_PREFAULT"] == "0", "SOHOA_PIX_PREFAULT=0 leaves leptonica's allocator")
        _ = try TesseractEngine()  // installs it, as every engine does
    }

    func testOnlyLargeImagesArePrefaultedAndTheyAreMadeAsLeptonicaMakesThem() throws {
        var before = sohoa_pix_memory_prefaulted()
        var small = pixCreate(100, 100, 8)
        defer { pixDestroy(&small) }
        XCTAssertEqual(sohoa_pix_memory_prefaulted(), before, "a 10 KB image is left to malloc")

        before = sohoa_pix_memory_prefaulted()
        var page = pixCreate(2480, 1748, 8)
        defer { pixDestroy(&page) }
        XCTAssertEqual(sohoa_pix_memory_prefaulted(), before + 1, "a page image is prefaulted")
        var samples = [UInt8](repeating: 1, count: 2480 * 1748)
        XCTAssertEqual(sohoa_pix8_copy(page, &samples, samples.count), 0)
        XCTAssertTrue(samples.allSatisfy { $0 == 0 }, "pixCreate's image must still be all zeros")

        var copy = pixCreateNoInit(2480, 1748, 8)
        defer { pixDestroy(&copy) }
        XCTAssertEqual(pixSetAllArbitrary(copy, 77), 0)
        XCTAssertEqual(sohoa_pix8_copy(copy, &samples, samples.count), 0)
        XCTAssertTrue(samples.allSatisfy { $0 == 77 }, "an image written after pixCreateNoInit keeps what was written")
    }

    func testRecognitionIsTheSameWithAndWithoutPrefaulting() throws {
        let image = try LeptonicaImageLoader.loadGray(path: TestFixtures.scan("vie_vietocr3_samples/vietsample2.png").path)
        let dpi = image.dpi > 0 ? image.dpi : 300
        let engine = try TesseractEngine()
        let before = sohoa_pix_memory_prefaulted()
        let prefaulted = try engine.recognize(image.raster, dpi: dpi, language: "vie")
        XCTAssertGreaterThan(sohoa_pix_memory_prefaulted() - before, 2, "Tesseract's page images must have been prefaulted")
        sohoa_pix_memory_prefault_large(0)
        defer { sohoa_pix_memory_prefault_large(1) }
        let plain = try engine.recognize(image.raster, dpi: dpi, language: "vie")
        XCTAssertFalse(prefaulted.plainText.isEmpty)
        XCTAssertEqual(prefaulted, plain, "the same page must read the same")
    }
}
