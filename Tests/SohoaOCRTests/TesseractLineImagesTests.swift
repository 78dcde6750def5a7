import CTesseract
import CTesseractLineImages
import Foundation
import XCTest

@testable import SohoaOCR

/// Tesseract's per-line images kept uncompressed while it reads (issue 19): the interposed
/// `pixWriteMemPng` changes only the calling thread's writes, only while asked, and the recognized
/// page is the same as with Tesseract's own PNG round trip.
final class TesseractLineImagesTests: XCTestCase {
    private let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47]
    private let spix = Array("spix".utf8)

    func testTheInterpositionTookInThisProcess() {
        XCTAssertTrue(
            TesseractEngine.canStoreLineImagesUncompressed,
            "pixWriteMemPng is not sohoa's: the executable must export it (Package.swift, CTesseractLineImages)")
    }

    func testOnlyTheAskingThreadWritesUncompressedAndThePixelsComeBackTheSame() throws {
        guard let pix = pixCreate(61, 23, 8) else { return XCTFail("leptonica could not make a test image") }
        var image: UnsafeMutablePointer<PIX>? = pix
        defer { pixDestroy(&image) }
        for y in 0..<23 { for x in 0..<61 { pixSetPixel(pix, Int32(x), Int32(y), UInt32((x * 7 + y * 13) % 256)) } }

        XCTAssertEqual(try Self.magic(of: pix), png, "without asking, leptonica writes a PNG")
        sohoa_line_images_uncompressed(1)
        defer { sohoa_line_images_uncompressed(0) }
        XCTAssertEqual(try Self.magic(of: pix), spix, "while asked, the line image is kept as leptonica's SPIX")
        XCTAssertTrue(try readsBackEqual(pix), "the uncompressed image must read back pixel for pixel")

        // Another thread, while this one has asked: still PNG. (`DispatchQueue.sync` would run the
        // block on this thread; a `Thread` of its own cannot.)
        nonisolated(unsafe) let shared = pix
        nonisolated(unsafe) var otherMagic: [UInt8] = []
        let done = DispatchSemaphore(value: 0)
        let other = Thread {
            otherMagic = (try? TesseractLineImagesTests.magic(of: shared)) ?? []
            done.signal()
        }
        other.start()
        done.wait()
        XCTAssertEqual(otherMagic, png, "another thread's writes must stay PNG")
        sohoa_line_images_uncompressed(0)
        XCTAssertEqual(try Self.magic(of: pix), png, "after the reading, PNG again")
    }

    func testRecognitionIsTheSameAsWithTesseractsOwnPNGLines() throws {
        let image = try LeptonicaImageLoader.loadGray(path: TestFixtures.scan("vie_vietocr3_samples/vietsample2.png").path)
        let dpi = image.dpi > 0 ? image.dpi : 300
        let uncompressed = try TesseractEngine()
        uncompressed.keepsLineImagesAsPNG = false
        let asPNG = try TesseractEngine()
        asPNG.keepsLineImagesAsPNG = true
        let before = sohoa_line_images_written()
        let fast = try uncompressed.recognize(image.raster, dpi: dpi, language: "vie")
        let afterFast = sohoa_line_images_written()
        let reference = try asPNG.recognize(image.raster, dpi: dpi, language: "vie")
        XCTAssertGreaterThan(afterFast - before, 20, "the engine must have kept its line images uncompressed")
        XCTAssertEqual(sohoa_line_images_written(), afterFast, "an engine told to keep PNG must not")
        XCTAssertGreaterThan(reference.words.count, 100)
        XCTAssertEqual(fast, reference, "the words, boxes and confidences must not change")
    }

    /// The first four bytes `pixWriteMem(…, IFF_PNG)` writes for `pix` on this thread.
    private static func magic(of pix: UnsafeMutablePointer<PIX>) throws -> [UInt8] {
        var data: UnsafeMutablePointer<UInt8>?
        var size = 0
        guard pixWriteMem(&data, &size, pix, Int32(IFF_PNG)) == 0, let data, size >= 4 else {
            throw XCTSkip("leptonica could not write the image")
        }
        defer { free(data) }
        return Array(UnsafeBufferPointer(start: data, count: 4))
    }

    private func readsBackEqual(_ pix: UnsafeMutablePointer<PIX>) throws -> Bool {
        var data: UnsafeMutablePointer<UInt8>?
        var size = 0
        guard pixWriteMem(&data, &size, pix, Int32(IFF_PNG)) == 0, let data else { return false }
        defer { free(data) }
        var back = pixReadMem(data, size)
        guard let read = back else { return false }
        defer { pixDestroy(&back) }
        var same: Int32 = 0
        return pixEqual(pix, read, &same) == 0 && same == 1
    }
}
