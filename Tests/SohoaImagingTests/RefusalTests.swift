import SohoaImaging
import SohoaTesting
import XCTest

/// Files sohoa does not read are refused with a reason that names the format and what to do;
/// damaged files give an error, never a crash or stderr noise.
final class RefusalTests: XCTestCase {
    private func refusal(_ url: URL, file: StaticString = #filePath, line: UInt = #line) -> ImagingError? {
        do {
            _ = try ScanDecoder.decode(url)
            XCTFail("\(url.lastPathComponent) was decoded but should have been refused", file: file, line: line)
            return nil
        } catch {
            XCTAssertTrue(error.description.contains(url.path), "the message names the file", file: file, line: line)
            return error
        }
    }

    func testOtherImageFormatsAreRefusedByContent() throws {
        let expectations = [
            "test.webp": "WebP", "test.gif": "GIF",
            "test.bmp": "BMP", "test.pgm": "PGM",
        ]
        for (name, what) in expectations {
            let error = try XCTUnwrap(refusal(TestScans.url("pytesseract_formats/" + name)))
            XCTAssertEqual(error.kind, .unsupportedFormat, name)
            XCTAssertTrue(error.reason.contains(what), "\(name): \(error.reason)")
            XCTAssertTrue(error.reason.contains("sohoa reads TIFF, PNG, JPEG, JPEG 2000 and PDF"), error.reason)
            print("refused \(name): \(error)")
        }
    }

    func testExtensionIsIgnored() throws {
        // A PDF renamed .tif is still a PDF; a TIFF renamed .png is still decoded as TIFF.
        let folder = try TemporaryFolder()
        let pdf = folder.url.appendingPathComponent("page.tif")
        try Data("%PDF-1.4\n%EOF\n".utf8).write(to: pdf)
        let damaged = try XCTUnwrap(refusal(pdf))
        XCTAssertEqual(damaged.kind, .corrupt, "read as a PDF, and refused as a damaged one: \(damaged)")
        XCTAssertTrue(damaged.reason.contains("PDF"), damaged.reason)
        let tiff = folder.url.appendingPathComponent("page.png")
        try FileManager.default.copyItem(at: TestScans.url("pytesseract_formats/test.tiff"), to: tiff)
        XCTAssertEqual(try ScanDecoder.decode(tiff).technical.format, .tiff)
    }

    func testEmptyAndUnknownFiles() throws {
        let folder = try TemporaryFolder()
        let empty = folder.url.appendingPathComponent("empty.tif")
        try Data().write(to: empty)
        let emptyError = try XCTUnwrap(refusal(empty))
        XCTAssertEqual(emptyError.kind, .emptyFile)
        XCTAssertTrue(emptyError.reason.contains("empty"))

        let text = folder.url.appendingPathComponent("notes.tif")
        try Data("<html>not a scan</html>".utf8).write(to: text)
        let unknown = try XCTUnwrap(refusal(text))
        XCTAssertEqual(unknown.kind, .unsupportedFormat)
        XCTAssertTrue(unknown.reason.contains("not a TIFF, PNG, JPEG, JPEG 2000 or PDF"), unknown.reason)

        let missing = folder.url.appendingPathComponent("missing.tif")
        XCTAssertEqual(try XCTUnwrap(refusal(missing)).kind, .unreadable)
    }

    func testTruncatedTIFFIsAnErrorWithLibtiffText() throws {
        let folder = try TemporaryFolder()
        let source = try Data(contentsOf: TestScans.url("vie_vietocr3_samples/vietsample.tif"))
        // vietsample.tif keeps each page's directory after its data: cutting inside page 1 loses the
        // directory; cutting inside page 2 breaks the chain of pages, which must not pass as a 1-page file.
        for length in [8, 200, 40_000, source.count / 2, 100_000] {
            let url = folder.url.appendingPathComponent("cut-\(length).tif")
            try source.prefix(length).write(to: url)
            let error = try XCTUnwrap(refusal(url))
            XCTAssertEqual(error.kind, .corrupt, "\(length): \(error)")
            XCTAssertTrue(error.reason.contains("damaged or truncated"), error.reason)
            print("truncated TIFF (\(length) bytes): \(error)")
        }
        // phototest.tif keeps its directory first: cutting it leaves a readable header and broken strips.
        let front = try Data(contentsOf: TestScans.url("tesseract_test/synthetic/phototest.tif"))
        let url = folder.url.appendingPathComponent("cut-data.tif")
        try front.prefix(front.count / 2).write(to: url)
        let error = try XCTUnwrap(refusal(url))
        XCTAssertEqual(error.kind, .corrupt)
        XCTAssertTrue(error.reason.contains("libtiff:"), error.reason)
        print("truncated TIFF data: \(error)")
    }

    func testAPNGChunkLongerThanTheFileIsRefusedBeforeLibpngAllocatesIt() throws {
        // Fuzzing found a 10 KB PNG whose zTXt chunk claims 1.97 GB: libpng allocated and cleared that
        // much before noticing (5 s under AddressSanitizer). A signature, an IHDR, then that chunk.
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        func chunk(_ type: String, length: UInt32, data: [UInt8]) {
            bytes += withUnsafeBytes(of: length.bigEndian, Array.init) + Array(type.utf8) + data + [0, 0, 0, 0]
        }
        chunk("IHDR", length: 13, data: [0, 0, 2, 128, 0, 0, 1, 224, 8, 2, 0, 0, 0])
        chunk("zTXt", length: 1_966_997_601, data: Array(repeating: 0x41, count: 10_000))
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("long-chunk.png")
        try Data(bytes).write(to: url)
        let error = try XCTUnwrap(refusal(url))
        XCTAssertEqual(error.kind, .corrupt)
        XCTAssertTrue(error.reason.contains("zTXt"), error.reason)
    }

    func testTruncatedPNGIsAnErrorWithLibpngText() throws {
        let folder = try TemporaryFolder()
        let source = try Data(contentsOf: TestScans.url("vie_vietocr3_samples/vietsample2.png"))
        for length in [8, 20, 2_000, source.count / 2, source.count - 20] {
            let url = folder.url.appendingPathComponent("cut-\(length).png")
            try source.prefix(length).write(to: url)
            let error = try XCTUnwrap(refusal(url))
            XCTAssertEqual(error.kind, .corrupt, "\(length): \(error)")
            print("truncated PNG (\(length) bytes): \(error)")
        }
        // Corrupted (not truncated) image data.
        var damaged = [UInt8](source)
        for index in stride(from: 2_000, to: damaged.count - 100, by: 997) { damaged[index] ^= 0x5A }
        let url = folder.url.appendingPathComponent("damaged.png")
        try Data(damaged).write(to: url)
        XCTAssertEqual(try XCTUnwrap(refusal(url)).kind, .corrupt)
    }
}
