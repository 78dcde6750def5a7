/// The largest image the Image API answers with (`maxWidth`, `maxHeight` and `maxArea` in
/// info.json): every request is held to them, so one request cannot take the server's memory.
public struct IIIFLimits: Sendable, Equatable {
    /// The widest answer, in pixels.
    public var maxWidth: Int
    /// The tallest answer, in pixels.
    public var maxHeight: Int
    /// The most pixels in one answer (width × height).
    public var maxArea: Int

    /// 10,000 pixels a side and 25 megapixels: a whole page of a large master, never more.
    public static let standard = IIIFLimits(maxWidth: 10_000, maxHeight: 10_000, maxArea: 25_000_000)

    public init(maxWidth: Int, maxHeight: Int, maxArea: Int) {
        self.maxWidth = maxWidth
        self.maxHeight = maxHeight
        self.maxArea = maxArea
    }

    /// Whether an answer of `width` × `height` is within the limits.
    public func allows(width: Int, height: Int) -> Bool {
        width <= maxWidth && height <= maxHeight && Double(width) * Double(height) <= Double(maxArea)
    }

    /// The largest size with the aspect ratio of `width` × `height` that is within the limits
    /// (smaller or larger than `width` × `height`); at least 1 × 1.
    public func largestSize(likeWidth width: Int, height: Int) -> (width: Int, height: Int) {
        let w = Double(max(1, width))
        let h = Double(max(1, height))
        let scale = min(Double(maxWidth) / w, Double(maxHeight) / h, (Double(maxArea) / (w * h)).squareRoot())
        var fitted = (width: max(1, Int((w * scale).rounded(.down))), height: max(1, Int((h * scale).rounded(.down))))
        // Rounding can leave the area a pixel row over: trim until it fits.
        while !allows(width: fitted.width, height: fitted.height), fitted.width > 1 || fitted.height > 1 {
            if fitted.width >= fitted.height { fitted.width -= 1 } else { fitted.height -= 1 }
        }
        return fitted
    }

    /// What the limits say, for error messages: `10000×10000 pixels and 25000000 pixels in all`.
    public var summary: String { "\(maxWidth)×\(maxHeight) pixels and \(maxArea) pixels in all" }
}
