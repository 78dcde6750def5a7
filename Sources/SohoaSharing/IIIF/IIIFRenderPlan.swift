/// An Image API request resolved against one image: the pixels cut out, the size they are scaled to,
/// the turn, quality and format. Every way of writing the same request (`full` or `0,0,w,h`, `max`
/// or `w,`, `360` or `0`) gives the same plan, so caches and ETags are keyed on it.
public struct IIIFRenderPlan: Sendable, Equatable {
    /// The region cut out, in pixels of the full image.
    public var region: IIIFPixelBox
    /// The size the region is scaled to (before the turn).
    public var width: Int
    public var height: Int
    public var rotation: IIIFRotation
    public var quality: IIIFQuality
    public var format: IIIFFormat

    public init(region: IIIFPixelBox, width: Int, height: Int, rotation: IIIFRotation, quality: IIIFQuality, format: IIIFFormat) {
        self.region = region
        self.width = width
        self.height = height
        self.rotation = rotation
        self.quality = quality
        self.format = format
    }

    /// The canonical form, `x,y,w,h/w,h/!r/quality.format` (Image API 3.0 §4.8, with the region
    /// always in pixels): the key of the answer for one image.
    public var canonical: String {
        let box = "\(region.x),\(region.y),\(region.width),\(region.height)"
        return "\(box)/\(width),\(height)/\(rotation.mirrored ? "!" : "")\(rotation.degrees)/\(quality.rawValue).\(format.rawValue)"
    }
}
