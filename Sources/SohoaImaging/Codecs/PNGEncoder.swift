import CPNG
import Foundation

/// Encodes rasters as PNG (libpng simplified API), for access derivatives.
public enum PNGEncoder {
    /// The PNG bytes of `raster` (8-bit gray or RGB, no metadata chunks).
    public static func encode(_ raster: Raster) throws(ImagingError) -> [UInt8] {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        image.width = UInt32(raster.width)
        image.height = UInt32(raster.height)
        image.format = raster.layout == .gray ? UInt32(PNG_FORMAT_GRAY) : UInt32(PNG_FORMAT_RGB)
        // Access copies are written once per page: favour speed (libpng's fast zlib settings).
        image.flags = UInt32(PNG_IMAGE_FLAG_FAST)
        defer { png_image_free(&image) }
        // One pass into a buffer big enough for incompressible data (raw rows + filter bytes +
        // zlib/PNG overhead); libpng reports the size it needs if that is ever too small.
        let raw = raster.height * (raster.stride + 1)
        var size = raw + raw / 64 + 4096
        var output = [UInt8](repeating: 0, count: size)
        var written = output.withUnsafeMutableBytes { target in
            raster.pixels.withUnsafeBytes { pixels in
                png_image_write_to_memory(&image, target.baseAddress, &size, 0, pixels.baseAddress, 0, nil)
            }
        }
        if written == 0, size > output.count {
            image.warning_or_error = 0
            output = [UInt8](repeating: 0, count: size)
            written = output.withUnsafeMutableBytes { target in
                raster.pixels.withUnsafeBytes { pixels in
                    png_image_write_to_memory(&image, target.baseAddress, &size, 0, pixels.baseAddress, 0, nil)
                }
            }
        }
        guard written != 0 else { throw failure(image) }
        return Array(output.prefix(size))
    }

    private static func failure(_ image: png_image) -> ImagingError {
        let message = withUnsafeBytes(of: image.message) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        return ImagingError(
            file: "<png encoder>", kind: .writeFailed,
            reason: "libpng could not encode the image" + (message.isEmpty ? "" : " (\(message))"))
    }
}
