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
        defer { png_image_free(&image) }
        var size = 0
        // First call measures, second call writes.
        let measured = raster.pixels.withUnsafeBytes { raw in
            png_image_write_to_memory(&image, nil, &size, 0, raw.baseAddress, 0, nil)
        }
        guard measured != 0, size > 0 else { throw failure(image) }
        var output = [UInt8](repeating: 0, count: size)
        let written = output.withUnsafeMutableBytes { target in
            raster.pixels.withUnsafeBytes { raw in
                png_image_write_to_memory(&image, target.baseAddress, &size, 0, raw.baseAddress, 0, nil)
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
