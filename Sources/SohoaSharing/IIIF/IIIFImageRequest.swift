/// A parsed Image API request: `{region}/{size}/{rotation}/{quality}.{format}`.
public struct IIIFImageRequest: Sendable, Equatable {
    public var region: IIIFRegion
    public var size: IIIFSize
    public var rotation: IIIFRotation
    public var quality: IIIFQuality
    public var format: IIIFFormat

    public init(region: IIIFRegion, size: IIIFSize, rotation: IIIFRotation, quality: IIIFQuality, format: IIIFFormat) {
        self.region = region
        self.size = size
        self.rotation = rotation
        self.quality = quality
        self.format = format
    }

    /// Parses the four path segments after the identifier; throws `badRequest` (or `notImplemented`
    /// for a valid but unsupported rotation) naming the parameter at fault.
    public init(region: String, size: String, rotation: String, qualityAndFormat: String) throws(IIIFError) {
        guard let dot = qualityAndFormat.lastIndex(of: ".") else {
            throw IIIFError(.badRequest, "'\(qualityAndFormat)' is not {quality}.{format}, e.g. default.jpg")
        }
        let qualityText = String(qualityAndFormat[..<dot])
        let formatText = String(qualityAndFormat[qualityAndFormat.index(after: dot)...])
        guard let quality = IIIFQuality(rawValue: qualityText) else {
            throw IIIFError(.badRequest, "quality '\(qualityText)' is not one of default, color, gray, bitonal")
        }
        guard let format = IIIFFormat(rawValue: formatText) else {
            throw IIIFError(.badRequest, "format '\(formatText)' is not offered; ask for jpg or png")
        }
        self.init(
            region: try IIIFRegion(parsing: region), size: try IIIFSize(parsing: size),
            rotation: try IIIFRotation(parsing: rotation), quality: quality, format: format)
    }

    /// The request resolved for a `width` × `height` image within `limits`; throws `badRequest` for
    /// regions or sizes that cannot be served.
    public func plan(width: Int, height: Int, limits: IIIFLimits = .standard) throws(IIIFError) -> IIIFRenderPlan {
        let box = try region.box(inWidth: width, height: height)
        let scaled = try size.pixels(regionWidth: box.width, regionHeight: box.height, limits: limits)
        return IIIFRenderPlan(
            region: box, width: scaled.width, height: scaled.height, rotation: rotation, quality: quality, format: format)
    }
}
