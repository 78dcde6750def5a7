import CTurboJPEG
import Foundation

@testable import SohoaImaging

/// Makes JPEG files for tests with libjpeg-turbo: gray, RGB or CMYK, baseline or progressive, with a
/// JFIF resolution and an EXIF orientation when asked.
enum JPEGBuilder {
    enum Colour { case gray, rgb, cmyk }

    /// The JPEG bytes of `raster` (gray or RGB; `cmyk` stores it as Adobe-style inverted CMYK).
    static func jpeg(
        _ raster: Raster, colour: Colour? = nil, progressive: Bool = false, dpi: Int? = nil, orientation: Int? = nil,
        quality: Int32 = 95
    ) throws -> Data {
        let colour = colour ?? (raster.layout == .gray ? .gray : .rgb)
        var samples = raster.pixels
        var format = raster.layout == .gray ? TJPF_GRAY : TJPF_RGB
        var pitch = raster.stride
        if colour == .cmyk {
            let rgb = raster.layout == .gray ? raster.pixels.flatMap { [$0, $0, $0] } : raster.pixels
            samples = []
            samples.reserveCapacity(raster.width * raster.height * 4)
            for pixel in 0..<(raster.width * raster.height) {
                let r = Int(rgb[pixel * 3]), g = Int(rgb[pixel * 3 + 1]), b = Int(rgb[pixel * 3 + 2])
                let k = 255 - max(r, g, b)
                let scale = 255 - k
                func ink(_ v: Int) -> UInt8 { scale == 0 ? 0 : UInt8((scale - v) * 255 / scale) }
                // Adobe's inverted CMYK: 255 means no ink.
                samples += [255 - ink(r), 255 - ink(g), 255 - ink(b), UInt8(255 - k)]
            }
            format = TJPF_CMYK
            pitch = raster.width * 4
        }
        guard let handle = tjInitCompress() else { throw CocoaError(.featureUnsupported) }
        defer { tjDestroy(handle) }
        var buffer: UnsafeMutablePointer<UInt8>? = nil
        var size: UInt = 0
        let subsampling = colour == .gray ? TJSAMP_GRAY : colour == .cmyk ? TJSAMP_444 : TJSAMP_420
        let flags = progressive ? Int32(TJFLAG_PROGRESSIVE) : 0
        let status = samples.withUnsafeBufferPointer { pixels in
            tjCompress2(
                handle, pixels.baseAddress, Int32(raster.width), Int32(pitch), Int32(raster.height), Int32(format.rawValue), &buffer,
                &size, Int32(subsampling.rawValue), quality, flags)
        }
        defer { if let buffer { tjFree(buffer) } }
        guard status == 0, let buffer else { throw CocoaError(.fileWriteUnknown) }
        var bytes = Array(UnsafeBufferPointer(start: buffer, count: Int(size)))
        var inserted: [UInt8] = []
        if let dpi {
            let d = [UInt8(dpi >> 8), UInt8(dpi & 0xFF)]
            inserted += [0xFF, 0xE0, 0x00, 0x10] + Array("JFIF\0".utf8) + [1, 1, 1] + d + d + [0, 0]
        }
        if let orientation {
            // Big-endian TIFF: one IFD with Orientation (SHORT, 1 value).
            let tiff: [UInt8] = [
                0x4D, 0x4D, 0, 0x2A, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, UInt8(orientation), 0, 0, 0, 0, 0, 0,
            ]
            let body = Array("Exif\0\0".utf8) + tiff
            inserted += [0xFF, 0xE1, UInt8((body.count + 2) >> 8), UInt8((body.count + 2) & 0xFF)] + body
        }
        if !inserted.isEmpty {
            // Drop libjpeg-turbo's own JFIF segment when writing ours, keep everything else.
            var rest = Array(bytes[2...])
            if dpi != nil, rest.count > 4, rest[0] == 0xFF, rest[1] == 0xE0 {
                rest.removeFirst(2 + (Int(rest[2]) << 8 | Int(rest[3])))
            }
            bytes = [0xFF, 0xD8] + inserted + rest
        }
        return Data(bytes)
    }
}
