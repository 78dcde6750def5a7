/// The `size` parameter of an Image API request: how large the returned image is.
public struct IIIFSize: Sendable, Equatable {
    /// How the size is given.
    public enum Form: Sendable, Equatable {
        /// `max`: the region at full resolution (no server limits are declared).
        case max
        /// `w,`: this width, height in proportion.
        case width(Int)
        /// `,h`: this height, width in proportion.
        case height(Int)
        /// `pct:n`: n percent of the region.
        case percent(Double)
        /// `w,h`: exactly this size (the aspect ratio may change).
        case exact(width: Int, height: Int)
        /// `!w,h`: as large as fits in w × h, aspect ratio kept.
        case confined(width: Int, height: Int)
    }

    public var form: Form
    /// `^`: the result may be larger than the region.
    public var upscalingAllowed: Bool

    public init(form: Form, upscalingAllowed: Bool = false) {
        self.form = form
        self.upscalingAllowed = upscalingAllowed
    }

    /// Parses the parameter; throws `badRequest` with the reason.
    public init(parsing text: String) throws(IIIFError) {
        var rest = Substring(text)
        upscalingAllowed = rest.hasPrefix("^")
        if upscalingAllowed { rest = rest.dropFirst() }
        if rest == "max" {
            form = .max
            return
        }
        if rest.hasPrefix("pct:") {
            guard let n = IIIFNumber.decimal(rest.dropFirst(4)), n > 0 else {
                throw IIIFError(.badRequest, "size '\(text)' is not pct:n with a number above 0")
            }
            form = .percent(n)
            return
        }
        let confined = rest.hasPrefix("!")
        if confined { rest = rest.dropFirst() }
        let parts = rest.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw IIIFError(.badRequest, "size '\(text)' is not max, w,, ,h, pct:n, w,h or !w,h")
        }
        let w = IIIFNumber.integer(parts[0])
        let h = IIIFNumber.integer(parts[1])
        switch (w, h, confined) {
        case (let w?, let h?, true): form = .confined(width: w, height: h)
        case (let w?, let h?, false): form = .exact(width: w, height: h)
        case (let w?, nil, false) where parts[1].isEmpty: form = .width(w)
        case (nil, let h?, false) where parts[0].isEmpty: form = .height(h)
        default: throw IIIFError(.badRequest, "size '\(text)' is not max, w,, ,h, pct:n, w,h or !w,h")
        }
        guard w != 0, h != 0 else { throw IIIFError(.badRequest, "size '\(text)' has a zero width or height") }
    }

    /// The width and height of the returned image for a region of `regionWidth` × `regionHeight`;
    /// throws `badRequest` for an empty result, or one larger than the region without `^`.
    public func pixels(regionWidth rw: Int, regionHeight rh: Int) throws(IIIFError) -> (width: Int, height: Int) {
        let width: Int
        let height: Int
        switch form {
        case .max:
            (width, height) = (rw, rh)
        case .width(let w):
            (width, height) = (w, Int((Double(rh) * Double(w) / Double(rw)).rounded()))
        case .height(let h):
            (width, height) = (Int((Double(rw) * Double(h) / Double(rh)).rounded()), h)
        case .percent(let n):
            (width, height) = (Int((Double(rw) * n / 100).rounded()), Int((Double(rh) * n / 100).rounded()))
        case .exact(let w, let h):
            (width, height) = (w, h)
        case .confined(let w, let h):
            let scale = min(Double(w) / Double(rw), Double(h) / Double(rh))
            guard scale <= 1 || upscalingAllowed else {
                throw IIIFError(.badRequest, "!\(w),\(h) would enlarge the \(rw)×\(rh) region; ask for ^!\(w),\(h) to allow that")
            }
            (width, height) = (
                min(w, Int((Double(rw) * scale).rounded())), min(h, Int((Double(rh) * scale).rounded()))
            )
        }
        guard width >= 1, height >= 1 else {
            throw IIIFError(.badRequest, "the requested size of the \(rw)×\(rh) region is empty")
        }
        guard upscalingAllowed || (width <= rw && height <= rh) else {
            throw IIIFError(
                .badRequest, "\(width)×\(height) is larger than the \(rw)×\(rh) region; prefix the size with ^ to allow upscaling")
        }
        guard width <= Self.largestSide, height <= Self.largestSide else {
            throw IIIFError(.badRequest, "\(width)×\(height) is too large; the largest side served is \(Self.largestSide) pixels")
        }
        return (width, height)
    }

    /// No side of an upscaled image may exceed this.
    public static let largestSide = 20_000
}
