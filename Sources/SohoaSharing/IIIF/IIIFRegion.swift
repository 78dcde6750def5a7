/// The `region` parameter of an Image API request: which part of the full image to return.
public enum IIIFRegion: Sendable, Equatable {
    case full
    /// The largest centred square.
    case square
    /// `x,y,w,h` in pixels of the full image.
    case pixels(x: Int, y: Int, width: Int, height: Int)
    /// `pct:x,y,w,h` in percent of the full image's size.
    case percent(x: Double, y: Double, width: Double, height: Double)

    /// Parses the parameter; throws `badRequest` with the reason.
    public init(parsing text: String) throws(IIIFError) {
        switch text {
        case "full":
            self = .full
            return
        case "square":
            self = .square
            return
        default:
            break
        }
        if text.hasPrefix("pct:") {
            let values = text.dropFirst(4).split(separator: ",", omittingEmptySubsequences: false).map(IIIFNumber.decimal)
            guard values.count == 4, let x = values[0], let y = values[1], let w = values[2], let h = values[3] else {
                throw IIIFError(.badRequest, "region '\(text)' is not pct:x,y,w,h with four decimal numbers")
            }
            guard w > 0, h > 0 else { throw IIIFError(.badRequest, "region '\(text)' has a zero width or height") }
            self = .percent(x: x, y: y, width: w, height: h)
            return
        }
        let values = text.split(separator: ",", omittingEmptySubsequences: false).map(IIIFNumber.integer)
        guard values.count == 4, let x = values[0], let y = values[1], let w = values[2], let h = values[3] else {
            throw IIIFError(.badRequest, "region '\(text)' is not full, square, x,y,w,h or pct:x,y,w,h")
        }
        guard w > 0, h > 0 else { throw IIIFError(.badRequest, "region '\(text)' has a zero width or height") }
        self = .pixels(x: x, y: y, width: w, height: h)
    }

    /// The region in pixels of a `width` × `height` image, cut at the image's edges; throws
    /// `badRequest` when it lies wholly outside the image.
    public func box(inWidth width: Int, height: Int) throws(IIIFError) -> IIIFPixelBox {
        let box: IIIFPixelBox
        switch self {
        case .full:
            box = IIIFPixelBox(x: 0, y: 0, width: width, height: height)
        case .square:
            let side = min(width, height)
            box = IIIFPixelBox(x: (width - side) / 2, y: (height - side) / 2, width: side, height: side)
        case .pixels(let x, let y, let w, let h):
            box = IIIFPixelBox(x: x, y: y, width: min(w, width - x), height: min(h, height - y))
        case .percent(let px, let py, let pw, let ph):
            let x0 = Int((px * Double(width) / 100).rounded())
            let y0 = Int((py * Double(height) / 100).rounded())
            let x1 = min(width, Int(((px + pw) * Double(width) / 100).rounded()))
            let y1 = min(height, Int(((py + ph) * Double(height) / 100).rounded()))
            box = IIIFPixelBox(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
        }
        guard box.x < width, box.y < height, box.width > 0, box.height > 0 else {
            throw IIIFError(.badRequest, "the region lies outside the \(width)×\(height) image")
        }
        return box
    }
}

/// A rectangle in pixels of the full image.
public struct IIIFPixelBox: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}
