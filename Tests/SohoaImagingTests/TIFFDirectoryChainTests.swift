import Foundation
import SohoaImaging
import SohoaTesting
import XCTest

/// A TIFF's chain of directories is checked before libtiff opens it (issue 12): a directory with
/// thousands of tags (seconds in libtiff 4.5) or a looping chain is refused with a plain message;
/// ordinary files (multi-page, big-endian, BigTIFF) still open.
final class TIFFDirectoryChainTests: XCTestCase {
    private let folder = try? TemporaryFolder()

    private func write(_ bytes: [UInt8], name: String = "page.tif") throws -> URL {
        let url = try XCTUnwrap(folder).url.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    /// The error `decode` throws for `url` (`inspect` must throw too), or `nil` after a failure.
    private func refusal(_ url: URL, file: StaticString = #filePath, line: UInt = #line) -> ImagingError? {
        XCTAssertThrowsError(try ScanDecoder.inspect(url), file: file, line: line)
        do {
            _ = try ScanDecoder.decode(url)
            XCTFail("\(url.lastPathComponent) was decoded but should have been refused", file: file, line: line)
            return nil
        } catch {
            XCTAssertEqual(error.kind, .corrupt, file: file, line: line)
            XCTAssertTrue(error.description.hasPrefix(url.path), "names the file: \(error)", file: file, line: line)
            return error
        }
    }

    /// A 1×1 8-bit gray page with `extraTags` unknown tags (65,000 and up, all SHORT 1).
    private static func page(value: UInt8, extraTags: Int = 0) -> TIFFBuilder.Page {
        var tags = TIFFBuilder.tags(width: 1, height: 1, bits: [8], photometric: 1)
        for index in 0..<extraTags { tags[UInt16(65_000 - extraTags + index)] = .shorts([1]) }
        return .init(tags: tags, chunks: [[value]])
    }

    func testTwoThousandUnknownTagsAreRefused() throws {
        // 9 entries of a 1×1 page (7 tags plus strip offsets and byte counts) and 2,000 unknown ones.
        let url = try write(TIFFBuilder().file([Self.page(value: 7, extraTags: 2_000)]))
        let error = try XCTUnwrap(refusal(url))
        XCTAssertTrue(
            error.reason.contains("has 2,009 tags in directory 1; a scan has fewer than 1,000"), error.reason)
        XCTAssertTrue(error.reason.contains("the file is damaged or not a scan"), error.reason)
        print("refused: \(error)")
    }

    func testTooManyTagsInALaterPageOfABigEndianFileAreRefused() throws {
        let bytes = TIFFBuilder(bigEndian: true).file([
            Self.page(value: 1), Self.page(value: 2), Self.page(value: 3, extraTags: 1_500),
        ])
        let error = try XCTUnwrap(refusal(try write(bytes)))
        XCTAssertTrue(error.reason.contains("has 1,509 tags in directory 3"), error.reason)
    }

    func testMultiPageAndBigEndianFilesStillOpen() throws {
        for bigEndian in [false, true] {
            // The last page has exactly the most entries accepted (991 unknown tags + 9).
            let bytes = TIFFBuilder(bigEndian: bigEndian).file([
                Self.page(value: 10), Self.page(value: 20), Self.page(value: 30, extraTags: 991),
            ])
            let url = try write(bytes, name: "pages-\(bigEndian).tif")
            XCTAssertEqual(try ScanDecoder.inspect(url), ScanFileInfo(format: .tiff, pageCount: 3))
            XCTAssertEqual(try ScanDecoder.decode(url, page: 0).raster.pixels, [10])
            XCTAssertEqual(try ScanDecoder.decode(url, page: 2).raster.pixels, [30])
        }
    }

    func testLoopingChainOfPagesIsRefused() throws {
        var bytes = TIFFBuilder().file([Self.page(value: 1), Self.page(value: 2), Self.page(value: 3)])
        let offsets = Self.directoryOffsets(bytes)
        XCTAssertEqual(offsets.count, 3)
        // The last page's next-directory offset points back to the second page.
        let last = offsets[2]
        let nextField = last + 2 + 12 * Int(Self.read16(bytes, at: last))
        Self.patch32(UInt32(offsets[1]), at: nextField, in: &bytes)
        let error = try XCTUnwrap(refusal(try write(bytes)))
        XCTAssertTrue(
            error.reason.contains("list of pages that loops: directory 3 leads back to directory 2"), error.reason)

        // A single page whose next directory is itself.
        var single = TIFFBuilder().file([Self.page(value: 1)])
        let first = Self.directoryOffsets(single)[0]
        Self.patch32(UInt32(first), at: first + 2 + 12 * Int(Self.read16(single, at: first)), in: &single)
        let selfLoop = try XCTUnwrap(refusal(try write(single, name: "self.tif")))
        XCTAssertTrue(selfLoop.reason.contains("directory 1 leads back to directory 1"), selfLoop.reason)
    }

    func testBigTIFFOpensAndItsTagCountIsChecked() throws {
        let url = try write(Self.bigTIFF(value: 99, extraTags: 0), name: "big.tif")
        XCTAssertEqual(try ScanDecoder.inspect(url), ScanFileInfo(format: .tiff, pageCount: 1))
        XCTAssertEqual(try ScanDecoder.decode(url).raster.pixels, [99])

        let crafted = try write(Self.bigTIFF(value: 99, extraTags: 2_000), name: "big-crafted.tif")
        let error = try XCTUnwrap(refusal(crafted))
        XCTAssertTrue(error.reason.contains("has 2,009 tags in directory 1"), error.reason)
    }

    // MARK: - Building and reading little-endian test files

    /// A little-endian BigTIFF holding one 1×1 8-bit gray page, with `extraTags` unknown tags.
    private static func bigTIFF(value: UInt8, extraTags: Int) -> [UInt8] {
        var out: [UInt8] = [0x49, 0x49, 43, 0, 8, 0, 0, 0]
        append(16, size: 8, to: &out)  // the directory follows the header
        var entries: [(tag: UInt16, type: UInt16, value: UInt64)] = [
            (256, 4, 1), (257, 4, 1), (258, 3, 8), (259, 3, 1), (262, 3, 1), (273, 16, 0), (277, 3, 1),
            (278, 4, 1), (279, 4, 1),
        ]
        entries += (0..<extraTags).map { (UInt16(65_000 - extraTags + $0), 3, 1) }
        entries.sort { $0.tag < $1.tag }
        let dataOffset = UInt64(16 + 8 + 20 * entries.count + 8)
        append(UInt64(entries.count), size: 8, to: &out)
        for entry in entries {
            append(UInt64(entry.tag), size: 2, to: &out)
            append(UInt64(entry.type), size: 2, to: &out)
            append(1, size: 8, to: &out)
            append(entry.tag == 273 ? dataOffset : entry.value, size: 8, to: &out)
        }
        append(0, size: 8, to: &out)
        out.append(value)
        return out
    }

    private static func append(_ value: UInt64, size: Int, to bytes: inout [UInt8]) {
        for position in 0..<size { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * position))) }
    }

    /// Offsets of the directories of a little-endian classic TIFF, following the chain.
    private static func directoryOffsets(_ bytes: [UInt8]) -> [Int] {
        var offsets: [Int] = []
        var offset = Int(read32(bytes, at: 4))
        while offset != 0, offsets.count < 100 {
            offsets.append(offset)
            offset = Int(read32(bytes, at: offset + 2 + 12 * Int(read16(bytes, at: offset))))
        }
        return offsets
    }

    private static func read16(_ bytes: [UInt8], at offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private static func read32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
    }

    private static func patch32(_ value: UInt32, at offset: Int, in bytes: inout [UInt8]) {
        for position in 0..<4 { bytes[offset + position] = UInt8(truncatingIfNeeded: value >> (8 * position)) }
    }
}
