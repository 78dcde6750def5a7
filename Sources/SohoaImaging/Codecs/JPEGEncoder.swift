import CTurboJPEG

/// Encodes rasters as baseline JPEG with libjpeg-turbo's TurboJPEG API (IIIF images, the compact
/// reading PDF's gray and colour pages). One encoder owns one compressor handle; use it from one
/// thread at a time.
public final class JPEGEncoder {
    private let handle: tjhandle

    /// Makes an encoder; throws when libjpeg-turbo cannot make a compressor.
    public init() throws(ImagingError) {
        guard let handle = tjInitCompress() else {
            throw ImagingError(
                file: "(JPEG encoder)", kind: .writeFailed,
                reason: "libjpeg-turbo could not make a JPEG compressor (\(Self.lastError(nil))): check free memory")
        }
        self.handle = handle
    }

    deinit {
        tjDestroy(handle)
    }

    /// The JPEG bytes of `raster` at `quality` (1–100): gray stays gray; colour is 4:2:0 subsampled.
    public func encode(_ raster: Raster, quality: Int = 90) throws(ImagingError) -> [UInt8] {
        let pixelFormat = raster.layout == .gray ? TJPF_GRAY : TJPF_RGB
        let subsampling = raster.layout == .gray ? TJSAMP_GRAY : TJSAMP_420
        var buffer: UnsafeMutablePointer<UInt8>? = nil
        var size: UInt = 0
        let status = raster.pixels.withUnsafeBufferPointer { pixels in
            tjCompress2(
                handle, pixels.baseAddress, Int32(raster.width), Int32(raster.stride), Int32(raster.height),
                Int32(pixelFormat.rawValue), &buffer, &size, Int32(subsampling.rawValue), Int32(max(1, min(100, quality))),
                0)
        }
        defer { if let buffer { tjFree(buffer) } }
        guard status == 0, let buffer else {
            throw ImagingError(
                file: "(JPEG encoder)", kind: .writeFailed,
                reason: "libjpeg-turbo could not encode a \(raster.width)×\(raster.height) image (\(Self.lastError(handle)))")
        }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(size)))
    }

    private static func lastError(_ handle: tjhandle?) -> String {
        guard let message = tjGetErrorStr2(handle) else { return "unknown error" }
        return String(cString: message)
    }
}
