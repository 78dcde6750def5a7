import Foundation

/// How the normalize stage mapped the master image onto the image given to OCR.
///
/// OCR coordinates live in the normalized image; `toMaster` maps them back onto the master's pixel
/// grid, so ALTO and hOCR always describe the archived original. The model, in order:
/// 1. scale the master by `scale` (DPI change);
/// 2. turn it clockwise by `quarterTurns` × 90° (orientation);
/// 3. rotate it by `rotationDegrees` (counter-clockwise positive, in image coordinates with y down)
///    about the centre, onto a canvas of `canvasWidth × canvasHeight` whose centre coincides with
///    the turned, scaled master's centre (deskew);
/// 4. cut the `normalizedWidth × normalizedHeight` box at (`cropX`, `cropY`) out of that canvas
///    (border crop, one page of a spread).
public struct PageTransform: Sendable, Codable, Equatable {
    public var masterWidth: Int
    public var masterHeight: Int
    public var scale: Double
    /// Clockwise quarter turns (0–3) applied after scaling.
    public var quarterTurns: Int
    public var rotationDegrees: Double
    /// Size of the rotation canvas, before cropping.
    public var canvasWidth: Int
    public var canvasHeight: Int
    /// Top-left corner of the normalized image in the rotation canvas.
    public var cropX: Int
    public var cropY: Int
    public var normalizedWidth: Int
    public var normalizedHeight: Int

    /// A transform; the canvas defaults to the normalized size and the crop to none.
    public init(
        masterWidth: Int, masterHeight: Int, scale: Double = 1, quarterTurns: Int = 0, rotationDegrees: Double = 0,
        canvasWidth: Int? = nil, canvasHeight: Int? = nil, cropX: Int = 0, cropY: Int = 0,
        normalizedWidth: Int, normalizedHeight: Int
    ) {
        self.masterWidth = masterWidth
        self.masterHeight = masterHeight
        self.scale = scale
        self.quarterTurns = ((quarterTurns % 4) + 4) % 4
        self.rotationDegrees = rotationDegrees
        self.canvasWidth = canvasWidth ?? normalizedWidth
        self.canvasHeight = canvasHeight ?? normalizedHeight
        self.cropX = cropX
        self.cropY = cropY
        self.normalizedWidth = normalizedWidth
        self.normalizedHeight = normalizedHeight
    }

    private enum CodingKeys: String, CodingKey {
        case masterWidth, masterHeight, scale, quarterTurns, rotationDegrees, canvasWidth, canvasHeight, cropX, cropY
        case normalizedWidth, normalizedHeight
    }

    /// Decodes a transform; fields added after version 1 (turns, canvas, crop) default to none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let width = try c.decode(Int.self, forKey: .normalizedWidth)
        let height = try c.decode(Int.self, forKey: .normalizedHeight)
        self.init(
            masterWidth: try c.decode(Int.self, forKey: .masterWidth),
            masterHeight: try c.decode(Int.self, forKey: .masterHeight),
            scale: try c.decode(Double.self, forKey: .scale),
            quarterTurns: try c.decodeIfPresent(Int.self, forKey: .quarterTurns) ?? 0,
            rotationDegrees: try c.decode(Double.self, forKey: .rotationDegrees),
            canvasWidth: try c.decodeIfPresent(Int.self, forKey: .canvasWidth),
            canvasHeight: try c.decodeIfPresent(Int.self, forKey: .canvasHeight),
            cropX: try c.decodeIfPresent(Int.self, forKey: .cropX) ?? 0,
            cropY: try c.decodeIfPresent(Int.self, forKey: .cropY) ?? 0,
            normalizedWidth: width, normalizedHeight: height)
    }

    /// The identity transform for an image of this size.
    public static func identity(width: Int, height: Int) -> PageTransform {
        PageTransform(masterWidth: width, masterHeight: height, normalizedWidth: width, normalizedHeight: height)
    }

    /// This transform followed by cutting out the box at (`x`, `y`) of the current normalized image.
    public func cropped(x: Int, y: Int, width: Int, height: Int) -> PageTransform {
        var copy = self
        copy.cropX += x
        copy.cropY += y
        copy.normalizedWidth = width
        copy.normalizedHeight = height
        return copy
    }

    /// Maps a point of the normalized image to the master image.
    public func toMaster(x: Double, y: Double) -> (x: Double, y: Double) {
        let radians = rotationDegrees * .pi / 180
        let cx = Double(canvasWidth) / 2, cy = Double(canvasHeight) / 2
        let dx = x + Double(cropX) - cx, dy = y + Double(cropY) - cy
        // Inverse rotation (the forward rotation turned the scaled master by +angle).
        let rx = dx * cos(radians) - dy * sin(radians)
        let ry = dx * sin(radians) + dy * cos(radians)
        let scaledWidth = Double(masterWidth) * scale
        let scaledHeight = Double(masterHeight) * scale
        let turnedWidth = quarterTurns % 2 == 1 ? scaledHeight : scaledWidth
        let turnedHeight = quarterTurns % 2 == 1 ? scaledWidth : scaledHeight
        let ox = rx + turnedWidth / 2
        let oy = ry + turnedHeight / 2
        // Undo the clockwise quarter turns.
        let sx: Double
        let sy: Double
        switch quarterTurns {
        case 1: (sx, sy) = (oy, scaledHeight - ox)
        case 2: (sx, sy) = (scaledWidth - ox, scaledHeight - oy)
        case 3: (sx, sy) = (scaledWidth - oy, ox)
        default: (sx, sy) = (ox, oy)
        }
        return (sx / scale, sy / scale)
    }

    /// Maps an axis-aligned box of the normalized image onto the master, clamped to its bounds.
    ///
    /// The transform is a similarity (scale, quarter turns, a small deskew rotation, a crop), so a
    /// box keeps its shape on the master up to that small rotation. The box is placed at its mapped
    /// centre with its true size there (divided by `scale`, width and height swapped by an odd
    /// number of quarter turns, counting a rotation near 90° as one), not as the hull of its rotated
    /// corners: the hull of a long text line turned by 2–3° is several times taller than the line
    /// and overlaps its neighbours (hOCR validators reject that). Values within 1e-6 px of a whole
    /// pixel are snapped first, so trigonometric noise (cos 90° ≈ 6e-17) never grows a box.
    public func toMaster(box: (x: Int, y: Int, width: Int, height: Int)) -> (x: Int, y: Int, width: Int, height: Int) {
        func snapped(_ value: Double) -> Double {
            let nearest = value.rounded()
            return abs(value - nearest) < 1e-6 ? nearest : value
        }
        let centre = toMaster(x: Double(box.x) + Double(box.width) / 2, y: Double(box.y) + Double(box.height) / 2)
        let cx = snapped(centre.x), cy = snapped(centre.y)
        let factor = scale > 0 ? scale : 1
        var width = Double(box.width) / factor, height = Double(box.height) / factor
        let turns = Int((Double(quarterTurns) + rotationDegrees / 90).rounded())
        if abs(turns) % 2 == 1 { swap(&width, &height) }
        let minX = max(0, Int(snapped(cx - width / 2).rounded(.down)))
        let minY = max(0, Int(snapped(cy - height / 2).rounded(.down)))
        let maxX = min(masterWidth, Int(snapped(cx + width / 2).rounded(.up)))
        let maxY = min(masterHeight, Int(snapped(cy + height / 2).rounded(.up)))
        return (minX, minY, max(0, maxX - minX), max(0, maxY - minY))
    }
}
