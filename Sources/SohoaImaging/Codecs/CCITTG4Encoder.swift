import CTIFF
import Foundation

/// Encodes a bilevel image as CCITT Group 4 (ITU-T T.6) with libtiff, the lossless 1-bit coding of
/// PDF's `/CCITTFaxDecode` filter (`/K -1`) and of TIFF compression 4.
public enum CCITTG4Encoder {
    /// The G4 code of 8-bit gray `samples` (`width` × `height`, row by row, every sample 0 or 255;
    /// 0 is black), or nil when a sample is neither or libtiff fails. `scratch` is a folder for the
    /// one-strip TIFF libtiff writes (removed before returning).
    public static func encode(gray samples: [UInt8], width: Int, height: Int, scratch: URL) -> [UInt8]? {
        guard width > 0, height > 0, samples.count == width * height else { return nil }
        let rowBytes = (width + 7) / 8
        var packed = [UInt8](repeating: 0, count: rowBytes * height)
        for y in 0..<height {
            let row = y * width, out = y * rowBytes
            for x in 0..<width {
                switch samples[row + x] {
                case 0: packed[out + x >> 3] |= 0x80 >> UInt8(x & 7)  // MinIsWhite: a set bit is black
                case 255: break
                default: return nil
                }
            }
        }
        let url = scratch.appendingPathComponent(".g4-\(UUID().uuidString).tif")
        defer { try? FileManager.default.removeItem(at: url) }
        guard let writer = TIFFOpen(url.path, "w") else { return nil }
        let fields: [(UInt32, UInt32)] = [
            (UInt32(TIFFTAG_IMAGEWIDTH), UInt32(width)), (UInt32(TIFFTAG_IMAGELENGTH), UInt32(height)),
            (UInt32(TIFFTAG_ROWSPERSTRIP), UInt32(height)),
        ]
        let shorts: [(UInt32, UInt16)] = [
            (UInt32(TIFFTAG_BITSPERSAMPLE), 1), (UInt32(TIFFTAG_SAMPLESPERPIXEL), 1),
            (UInt32(TIFFTAG_COMPRESSION), UInt16(COMPRESSION_CCITTFAX4)), (UInt32(TIFFTAG_PHOTOMETRIC), UInt16(PHOTOMETRIC_MINISWHITE)),
            (UInt32(TIFFTAG_FILLORDER), UInt16(FILLORDER_MSB2LSB)), (UInt32(TIFFTAG_PLANARCONFIG), UInt16(PLANARCONFIG_CONTIG)),
        ]
        var ok =
            fields.allSatisfy { sohoa_tiff_set_u32(writer, $0.0, $0.1) == 1 }
            && shorts.allSatisfy { sohoa_tiff_set_u16(writer, $0.0, $0.1) == 1 }
        ok = ok && packed.withUnsafeMutableBytes { TIFFWriteEncodedStrip(writer, 0, $0.baseAddress, tmsize_t($0.count)) } >= 0
        TIFFClose(writer)
        guard ok, let reader = TIFFOpen(url.path, "r") else { return nil }
        defer { TIFFClose(reader) }
        let count = Int(TIFFGetStrileByteCount(reader, 0))
        guard count > 0 else { return nil }
        var code = [UInt8](repeating: 0, count: count)
        let read = code.withUnsafeMutableBytes { TIFFReadRawStrip(reader, 0, $0.baseAddress, tmsize_t($0.count)) }
        guard read == tmsize_t(count) else { return nil }
        return code
    }
}
