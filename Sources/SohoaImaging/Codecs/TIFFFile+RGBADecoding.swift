import CTIFF
import Foundation

/// The fallback for every other page: libtiff's RGBA reader.
extension TIFFFile {
    func decodeThroughRGBA(_ fields: Fields, page: Int) throws(ImagingError) -> Raster {
        let width = fields.width
        let height = fields.height
        guard width * height <= Self.maximumPixels / 2 else {
            throw ImagingError(
                file: path, page: page, kind: .tooLarge,
                reason: "the page is \(width)×\(height) pixels in a layout that needs 4 bytes a pixel to decode; "
                    + "save it as a stripped gray or RGB TIFF")
        }
        var message = [CChar](repeating: 0, count: 1024)
        guard TIFFRGBAImageOK(handle, &message) != 0 else {
            let text = String(decoding: message.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw ImagingError(
                file: path, page: page, kind: .unsupportedFormat,
                reason: "this TIFF page uses a layout sohoa cannot decode (\(text)); "
                    + "re-save it as an 8-bit gray, RGB or 1-bit TIFF")
        }
        let buffer = UnsafeMutablePointer<UInt32>.allocate(capacity: width * height)
        defer { buffer.deallocate() }
        guard
            TIFFReadRGBAImageOriented(handle, UInt32(width), UInt32(height), buffer, Int32(ORIENTATION_TOPLEFT), 1) != 0
        else {
            throw corrupt(page: page, "the page's image data cannot be decoded")
        }
        let gray =
            fields.photometric == Int(PHOTOMETRIC_MINISWHITE) || fields.photometric == Int(PHOTOMETRIC_MINISBLACK)
            || (fields.photometric == Int(PHOTOMETRIC_PALETTE) && fields.grayPalette)
        let channels = gray ? 1 : 3
        var pixels = [UInt8](repeating: 255, count: width * height * channels)
        pixels.withUnsafeMutableBufferPointer { out in
            for index in 0..<(width * height) {
                let value = buffer[index]
                let alpha = UInt8(truncatingIfNeeded: value >> 24)
                // libtiff's RGBA output is premultiplied by alpha.
                let red = Compositing.onWhite(UInt8(truncatingIfNeeded: value), alpha: alpha, premultiplied: true)
                let green = Compositing.onWhite(
                    UInt8(truncatingIfNeeded: value >> 8), alpha: alpha, premultiplied: true)
                if gray {
                    out[index] = green
                } else {
                    out[index * 3] = red
                    out[index * 3 + 1] = green
                    out[index * 3 + 2] = Compositing.onWhite(
                        UInt8(truncatingIfNeeded: value >> 16), alpha: alpha, premultiplied: true)
                }
            }
        }
        return Raster(width: width, height: height, layout: gray ? .gray : .rgb, pixels: pixels)
    }
}
