import CPNG
import Foundation

/// Encodes rasters as PNG, for access derivatives.
public enum PNGEncoder {
    /// The PNG bytes of `raster` (8-bit gray or RGB, no metadata chunks).
    public static func encode(_ raster: Raster) throws(ImagingError) -> [UInt8] {
        // Written here rather than by libpng's simplified API (which cannot be asked for zlib's
        // run-length strategy): every row filtered "up", compressed by `ImageDeflate` (level 1,
        // run-length); on scans about half the CPU of libpng's fast settings and smaller (issue 19:
        // the access copy of every page).
        let rowLength = raster.width * raster.layout.rawValue
        guard raster.width > 0, raster.height > 0, raster.width < 1 << 31, raster.height < 1 << 31 else {
            throw failure("the image is \(raster.width)×\(raster.height) pixels")
        }
        var rows = [UInt8](repeating: 0, count: raster.height * (rowLength + 1))
        rows.withUnsafeMutableBufferPointer { target in
            raster.pixels.withUnsafeBufferPointer { source in
                guard let target = target.baseAddress, let source = source.baseAddress else { return }
                for y in 0..<raster.height {
                    // Filter 2 (up): each sample less the one above it (none above the first row).
                    let row = target + y * (rowLength + 1)
                    row[0] = 2
                    let samples = source + y * rowLength
                    if y == 0 {
                        (row + 1).update(from: samples, count: rowLength)
                    } else {
                        for x in 0..<rowLength { row[1 + x] = samples[x] &- samples[x - rowLength] }
                    }
                }
            }
        }
        guard let data = ImageDeflate.compress(rows) else { throw failure("zlib could not compress the samples (out of memory?)") }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png.reserveCapacity(data.count + 64)
        // IHDR: size, 8 bits a sample, gray (0) or RGB (2), deflate, no filter method, no interlace.
        let header = bigEndian(raster.width) + bigEndian(raster.height) + [8, raster.layout == .gray ? 0 : 2, 0, 0, 0]
        for (type, body) in [("IHDR", header), ("IDAT", data), ("IEND", [])] {
            guard body.count < 1 << 31 else { throw failure("the compressed image is larger than one PNG chunk") }
            let typed = Array(type.utf8) + body
            png += bigEndian(body.count) + typed + bigEndian(Int(Self.crc(typed)))
        }
        return png
    }

    private static func bigEndian(_ value: Int) -> [UInt8] {
        [
            UInt8(truncatingIfNeeded: value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8),
            UInt8(truncatingIfNeeded: value),
        ]
    }

    /// The CRC-32 of a chunk's type and data (zlib's).
    private static func crc(_ bytes: [UInt8]) -> UInt {
        bytes.withUnsafeBufferPointer { UInt(crc32(0, $0.baseAddress, uInt($0.count))) }
    }

    private static func failure(_ reason: String) -> ImagingError {
        ImagingError(file: "<png encoder>", kind: .writeFailed, reason: "the PNG cannot be written: \(reason)")
    }
}
