import Foundation

/// How the normalize stage mapped the master image onto the image given to OCR.
///
/// OCR coordinates live in the normalized image; `toMaster` maps them back onto the master's pixel
/// grid, so ALTO and hOCR always describe the archived original. The model is: scale the master by
/// `scale` (DPI change), then rotate it by `rotationDegrees` (counter-clockwise positive, in image
/// coordinates with y down) about the centre, onto a canvas of `normalizedWidth × normalizedHeight`
/// whose centre coincides with the scaled master's centre.
public struct PageTransform: Sendable, Codable, Equatable {
    public var masterWidth: Int
    public var masterHeight: Int
    public var scale: Double
    public var rotationDegrees: Double
    public var normalizedWidth: Int
    public var normalizedHeight: Int

    public init(
        masterWidth: Int, masterHeight: Int, scale: Double = 1, rotationDegrees: Double = 0,
        normalizedWidth: Int, normalizedHeight: Int
    ) {
        self.masterWidth = masterWidth
        self.masterHeight = masterHeight
        self.scale = scale
        self.rotationDegrees = rotationDegrees
        self.normalizedWidth = normalizedWidth
        self.normalizedHeight = normalizedHeight
    }

    /// The identity transform for an image of this size.
    public static func identity(width: Int, height: Int) -> PageTransform {
        PageTransform(masterWidth: width, masterHeight: height, normalizedWidth: width, normalizedHeight: height)
    }

    /// Maps a point of the normalized image to the master image.
    public func toMaster(x: Double, y: Double) -> (x: Double, y: Double) {
        let radians = rotationDegrees * .pi / 180
        let cx = Double(normalizedWidth) / 2, cy = Double(normalizedHeight) / 2
        let dx = x - cx, dy = y - cy
        // Inverse rotation (the forward rotation turned the scaled master by +angle).
        let rx = dx * cos(radians) - dy * sin(radians)
        let ry = dx * sin(radians) + dy * cos(radians)
        let sx = rx + Double(masterWidth) * scale / 2
        let sy = ry + Double(masterHeight) * scale / 2
        return (sx / scale, sy / scale)
    }

    /// Maps an axis-aligned box of the normalized image to the smallest axis-aligned box in the
    /// master that contains it, clamped to the master's bounds.
    public func toMaster(box: (x: Int, y: Int, width: Int, height: Int)) -> (x: Int, y: Int, width: Int, height: Int) {
        let corners = [
            toMaster(x: Double(box.x), y: Double(box.y)),
            toMaster(x: Double(box.x + box.width), y: Double(box.y)),
            toMaster(x: Double(box.x), y: Double(box.y + box.height)),
            toMaster(x: Double(box.x + box.width), y: Double(box.y + box.height)),
        ]
        let minX = max(0, Int(corners.map(\.x).min()!.rounded(.down)))
        let minY = max(0, Int(corners.map(\.y).min()!.rounded(.down)))
        let maxX = min(masterWidth, Int(corners.map(\.x).max()!.rounded(.up)))
        let maxY = min(masterHeight, Int(corners.map(\.y).max()!.rounded(.up)))
        return (minX, minY, max(0, maxX - minX), max(0, maxY - minY))
    }
}
