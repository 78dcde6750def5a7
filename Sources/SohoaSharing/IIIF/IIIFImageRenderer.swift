import SohoaImaging

/// Turns a decoded master into the answer to an Image API request: region, size, mirroring and
/// rotation, quality, then the file format.
public enum IIIFImageRenderer {
    /// The pixels answering `request` from `master`; throws `badRequest` for regions or sizes that
    /// cannot be served.
    public static func render(_ master: Raster, _ request: IIIFImageRequest) throws(IIIFError) -> Raster {
        let geometry = try request.geometry(width: master.width, height: master.height)
        let box = geometry.region
        var raster = master.cropped(x: box.x, y: box.y, width: box.width, height: box.height)
        // Gray before scaling: fewer samples to resample.
        if request.quality == .gray || request.quality == .bitonal { raster = raster.grayscale() }
        raster = raster.resized(toWidth: geometry.width, height: geometry.height)
        if request.rotation.mirrored { raster = raster.mirrored() }
        if request.rotation.degrees != 0 { raster = raster.quarterTurned(clockwise: request.rotation.degrees / 90) }
        switch request.quality {
        case .default, .gray: break
        case .color: raster = raster.colored()
        case .bitonal: raster = raster.bitonal()
        }
        return raster
    }

    /// The file bytes of `raster` in `format`.
    public static func encode(_ raster: Raster, as format: IIIFFormat) throws(IIIFError) -> [UInt8] {
        switch format {
        case .jpg:
            return try JPEGEncoder().encode(raster)
        case .png:
            do {
                return try PNGEncoder.encode(raster)
            } catch {
                throw IIIFError(.serverError, "the PNG could not be encoded: \(error)")
            }
        }
    }
}
