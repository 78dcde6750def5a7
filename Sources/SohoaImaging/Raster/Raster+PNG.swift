import Foundation

extension Raster {
    /// Writes the raster as a PNG file, atomically (a temporary file is renamed into place).
    public func writePNG(to url: URL) throws(ImagingError) {
        let bytes: [UInt8]
        do {
            bytes = try PNGEncoder.encode(self)
        } catch {
            throw ImagingError(file: url.path, kind: error.kind, reason: error.reason)
        }
        do {
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw ImagingError(
                file: url.path, kind: .writeFailed,
                reason:
                    "the PNG cannot be written (\(error.localizedDescription)); check the folder exists and is writable"
            )
        }
    }
}
