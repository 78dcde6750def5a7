import Foundation

/// The pixel size a TIFF's first page or a PNG declares in its header, read without libtiff or libpng.
///
/// The fuzzer uses it to leave very large pages to the unit tests: under AddressSanitizer in a debug
/// build, decoding a real 8-megapixel page takes longer than the one-second hang limit.
enum ScanSize {
    /// Pages with more pixels than this are inspected but not decoded by the fuzzer.
    static let decodeLimit = 2_000_000

    /// Width times height from the header, or nil when the header is too damaged to say.
    static func pixels(_ bytes: [UInt8]) -> Int? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), bytes.count >= 24 {
            return product(number(bytes, at: 16, size: 4, bigEndian: true), number(bytes, at: 20, size: 4, bigEndian: true))
        }
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
