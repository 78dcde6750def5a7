/// The `size` parameter of an Image API request: how large the returned image is.
public struct IIIFSize: Sendable, Equatable {
    /// How the size is given.
    public enum Form: Sendable, Equatable {
        /// `max`: the region at full resolution, or as large as the server's limits allow (`^max`: up to them).
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

    /// The width and height of the returned image for a region of `regionWidth` × `regionHeight`,
    /// held to `limits` as Image API 3.0 §4.2 says: `max` and `!w,h` shrink to fit them, `^max`
    /// grows to them; any other size beyond them, an empty result, or one larger than the region
    /// without `^` throws `badRequest`.
    public func pixels(
        regionWidth rw: Int, regionHeight rh: Int, limits: IIIFLimits = .standard
    ) throws(IIIFError) -> (width: Int, height: Int) {
        var width: Int
        var height: Int
        switch form {
        case .max:
            (width, height) =
                upscalingAllowed || !limits.allows(width: rw, height: rh) ? limits.largestSize(likeWidth: rw, height: rh) : (rw, rh)
        case .width(let w):
            (width, height) = (w, Self.rounded(Double(rh) * Double(w) / Double(rw)))
        case .height(let h):
            (width, height) = (Self.rounded(Double(rw) * Double(h) / Double(rh)), h)
        case .percent(let n):
            (width, height) = (Self.rounded(Double(rw) * n / 100), Self.rounded(Double(rh) * n / 100))
        case .exact(let w, let h):
            (width, height) = (w, h)
        case .confined(let w, let h):
            // As large as fits in w × h, then in the limits. Without ^ a result larger than the region
            // is refused below, as the IIIF validator expects (size_noup asks for !2000,3000 of a
            // 1000×1000 image and wants a 400).
            let scale = min(Double(w) / Double(rw), Double(h) / Double(rh))
            (width, height) = (min(w, Self.rounded(Double(rw) * scale)), min(h, Self.rounded(Double(rh) * scale)))
            if !limits.allows(width: width, height: height) { (width, height) = limits.largestSize(likeWidth: width, height: height) }
        }
        guard width >= 1, height >= 1 else {
            throw IIIFError(.badRequest, "the requested size of the \(rw)×\(rh) region is empty")
        }
        guard upscalingAllowed || (width <= rw && height <= rh) else {
            throw IIIFError(
                .badRequest, "\(width)×\(height) is larger than the \(rw)×\(rh) region; prefix the size with ^ to allow upscaling")
        }
        guard limits.allows(width: width, height: height) else {
            throw IIIFError(
                .badRequest, "\(width)×\(height) is larger than this server answers (at most \(limits.summary)); ask for a smaller size")
        }
        return (width, height)
    }

    /// A non-negative pixel count, saturated rather than trapping on absurd values.
    private static func rounded(_ value: Double) -> Int {
        guard value.isFinite, value < 1e15 else { return 1_000_000_000_000_000 }
        return Int(value.rounded())
    }
}
