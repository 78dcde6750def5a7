import SohoaImaging

/// Turns a decoded master into the answer to an Image API request: region, size, mirroring and
/// rotation, quality, then the file format.
public enum IIIFImageRenderer {
    /// The pixels answering `request` from `master` within `limits`; throws `badRequest` for regions or
    /// sizes that cannot be served.
    public static func render(_ master: Raster, _ request: IIIFImageRequest, limits: IIIFLimits = .standard) throws(IIIFError) -> Raster {
        try render(master, request.plan(width: master.width, height: master.height, limits: limits))
    }

    /// The pixels of `plan` from `master`; stops with `cancelled` between steps (and every few rows of
    /// the scaling) once `cancellation` says so. Throws `serverError` when the plan does not fit the
    /// master (its size in the catalog is not the decoded one).
    public static func render(_ master: Raster, _ plan: IIIFRenderPlan, cancellation: IIIFCancellation? = nil) throws(IIIFError) -> Raster {
        let box = plan.region
        guard box.x >= 0, box.y >= 0, box.width >= 1, box.height >= 1, box.x <= master.width - box.width,
            box.y <= master.height - box.height
        else {
            throw IIIFError(
                .serverError, "the page image cannot be served now",
                detail: "region \(box) lies outside the decoded \(master.width)×\(master.height) master")
        }
        try cancellation?.check()
        var raster = master.cropped(x: box.x, y: box.y, width: box.width, height: box.height)
        // Gray before scaling: fewer samples to resample.
        if plan.quality == .gray || plan.quality == .bitonal { raster = raster.grayscale() }
        try cancellation?.check()
        raster = try raster.resized(toWidth: plan.width, height: plan.height, cancellation: cancellation)
        try cancellation?.check()
        if plan.rotation.mirrored { raster = raster.mirrored() }
        if plan.rotation.degrees != 0 { raster = raster.quarterTurned(clockwise: plan.rotation.degrees / 90) }
        switch plan.quality {
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
            do {
                return try JPEGEncoder().encode(raster)
            } catch {
                throw IIIFError(.serverError, "the image could not be encoded as JPEG", detail: "\(error)")
            }
        case .png:
            do {
                return try PNGEncoder.encode(raster)
            } catch {
                throw IIIFError(.serverError, "the image could not be encoded as PNG", detail: "\(error)")
            }
        }
    }
}
