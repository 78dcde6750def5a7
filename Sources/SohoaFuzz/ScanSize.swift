import Foundation

@testable import SohoaImaging

/// The pixel size a TIFF's first page, a PNG, a JPEG or a JPEG 2000 codestream declares in its header,
/// read without libtiff, libpng, libjpeg-turbo or OpenJPEG.
///
/// The fuzzer uses it to leave very large pages to the unit tests: under AddressSanitizer in a debug
/// build, decoding a real 8-megapixel page takes longer than the one-second hang limit.
enum ScanSize {
    /// Pages with more pixels than this are inspected but not decoded by the fuzzer.
    static let decodeLimit = 2_000_000
    /// JPEG 2000 costs several times more per pixel (the wavelet, in 32-bit samples): a real 640×480
    /// page takes 0.7 s under AddressSanitizer, and over the hang limit on a busy machine.
    static let jpeg2000DecodeLimit = 120_000

    /// Whether the fuzzer decodes the pages of `bytes` (inspecting them always).
    static func withinDecodeLimit(_ bytes: [UInt8]) -> Bool {
        if let pixels = jpeg2000Pixels(bytes) { return pixels <= jpeg2000DecodeLimit }
        return (pixels(bytes) ?? 0) <= decodeLimit
    }

    /// Width times height from a JPEG 2000 codestream's SIZ marker (in a JP2 file or raw), when found
    /// in the first 4 KB.
    static func jpeg2000Pixels(_ bytes: [UInt8]) -> Int? {
        let window = bytes.prefix(4096)
        guard window.count >= 24 else { return nil }
        for start in window.startIndex..<(window.endIndex - 23)
        where window[start] == 0xFF && window[start + 1] == 0x4F && window[start + 2] == 0xFF && window[start + 3] == 0x51 {
            let x = number(bytes, at: start + 8, size: 4, bigEndian: true), y = number(bytes, at: start + 12, size: 4, bigEndian: true)
            let x0 = number(bytes, at: start + 16, size: 4, bigEndian: true), y0 = number(bytes, at: start + 20, size: 4, bigEndian: true)
            return product(max(0, x - x0), max(0, y - y0))
        }
        return nil
    }

    /// Width times height from the header, or nil when the header is too damaged to say.
    static func pixels(_ bytes: [UInt8]) -> Int? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), bytes.count >= 24 {
            return product(number(bytes, at: 16, size: 4, bigEndian: true), number(bytes, at: 20, size: 4, bigEndian: true))
        }
        if bytes.starts(with: [0xFF, 0xD8]) { return jpegPixels(bytes) }
        guard bytes.count >= 8, bytes[0] == bytes[1], bytes[0] == 0x49 || bytes[0] == 0x4D else { return nil }
        let big = bytes[0] == 0x4D
        let directory = number(bytes, at: 4, size: 4, bigEndian: big)
        guard directory + 2 <= bytes.count else { return nil }
        var width = 0
        var height = 0
        for entry in 0..<number(bytes, at: directory, size: 2, bigEndian: big) {
            let at = directory + 2 + entry * 12
            guard at + 12 <= bytes.count else { break }
            let tag = number(bytes, at: at, size: 2, bigEndian: big)
            let size = number(bytes, at: at + 2, size: 2, bigEndian: big) == 3 ? 2 : 4
            if tag == 256 { width = number(bytes, at: at + 8, size: size, bigEndian: big) }
            if tag == 257 { height = number(bytes, at: at + 8, size: size, bigEndian: big) }
        }
        return product(width, height)
    }

    /// Width times height from a JPEG's first frame header (SOF0 to SOF15 but DHT, JPG and DAC), found by
    /// walking the segments before the first scan; when the walk meets damage first (libjpeg-turbo skips
    /// stray bytes to the next marker), the largest size any frame-header-like bytes declare.
    ///
    /// The page size matters for JPEG too: libjpeg-turbo decodes a 64889×2134 frame from 536 bytes in
    /// 14 s, filling what the data lacks.
    static func jpegPixels(_ bytes: [UInt8]) -> Int? {
        let markers = JPEGMarkers(bytes)
        if let width = markers.frameWidth, let height = markers.frameHeight { return product(width, height) }
        var largest: Int?
        for index in bytes.indices.dropLast(8) where bytes[index] == 0xFF && JPEGMarkers.isFrameHeader(bytes[index + 1]) {
            let pixels = product(
                number(bytes, at: index + 7, size: 2, bigEndian: true), number(bytes, at: index + 5, size: 2, bigEndian: true))
            largest = max(largest ?? 0, pixels)
        }
        return largest
    }

    /// `width * height`, or `Int.max` when that overflows (a header may declare anything).
    private static func product(_ width: Int, _ height: Int) -> Int {
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        return overflow ? Int.max : pixels
    }

    private static func number(_ bytes: [UInt8], at offset: Int, size: Int, bigEndian: Bool) -> Int {
        guard offset >= 0, offset + size <= bytes.count else { return 0 }
        let slice = bytes[offset..<(offset + size)]
        return (bigEndian ? Array(slice) : slice.reversed()).reduce(0) { $0 << 8 | Int($1) }
    }
}
