/// A decoded image in memory: 8 bits per sample, gray (1 channel) or RGB (3 channels), rows top to bottom.
///
/// Every decoder produces a `Raster`; deeper or exotic source formats (1-bit, 16-bit, palette, CMYK,
/// alpha) are converted on decode and described faithfully in `TechnicalMetadata` instead.
public struct Raster: Sendable, Equatable {
    /// How samples are laid out in `pixels`.
    public enum Layout: Int, Sendable, Codable {
        case gray = 1
        case rgb = 3
    }

    public let width: Int
    public let height: Int
    public let layout: Layout
    /// `width * height * layout.rawValue` bytes, row-major, no padding.
    public var pixels: [UInt8]

    public init(width: Int, height: Int, layout: Layout, pixels: [UInt8]) {
        precondition(pixels.count == width * height * layout.rawValue, "pixel buffer does not match size")
        self.width = width
        self.height = height
        self.layout = layout
        self.pixels = pixels
    }

    /// A raster filled with one value (255 = white).
    public init(width: Int, height: Int, layout: Layout = .gray, filledWith value: UInt8 = 255) {
        self.init(
            width: width, height: height, layout: layout,
            pixels: [UInt8](repeating: value, count: width * height * layout.rawValue))
    }

    /// Bytes per row.
    public var stride: Int { width * layout.rawValue }
}
