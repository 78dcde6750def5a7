/// The `info.json` of an image (Image API 3.0 §5): what it is and which requests the server answers.
public enum IIIFImageInfo {
    /// The compliance level declared: every level 2 feature is offered.
    public static let profile = "level2"
    /// The profile document, for the `Link` header of image responses.
    public static let profileURI = "http://iiif.io/api/image/3/level2.json"
    /// The Image API 3 JSON-LD context.
    public static let context = "http://iiif.io/api/image/3/context.json"
    /// The tile size offered to deep-zoom viewers.
    public static let tileSize = 512

    /// The document for the image at `id` (its base URI) of `width` × `height` pixels, served within `limits`.
    public static func document(id: String, width: Int, height: Int, limits: IIIFLimits = .standard, rights: String? = nil) -> IIIFJSON {
        var members: [(String, IIIFJSON)] = [
            ("@context", .string(context)),
            ("id", .string(id)),
            ("type", .string("ImageService3")),
            ("protocol", .string("http://iiif.io/api/image")),
            ("profile", .string(profile)),
            ("width", .int(width)),
            ("height", .int(height)),
            ("maxWidth", .int(limits.maxWidth)),
            ("maxHeight", .int(limits.maxHeight)),
            ("maxArea", .int(limits.maxArea)),
            (
                "sizes",
                .array(
                    sizes(width: width, height: height).filter { limits.allows(width: $0.0, height: $0.1) }.map {
                        IIIFJSON.object([("width", .int($0.0)), ("height", .int($0.1))])
                    })
            ),
            (
                "tiles",
                .array([
                    .object([
                        ("width", .int(tileSize)), ("height", .int(tileSize)),
                        ("scaleFactors", .array(scaleFactors(width: width, height: height).map { IIIFJSON.int($0) })),
                    ])
                ])
            ),
            ("extraQualities", .array([.string("color"), .string("gray"), .string("bitonal")])),
            ("extraFormats", .array([.string("png")])),
            ("extraFeatures", .array(["mirroring", "sizeUpscaling", "profileLinkHeader"].map { IIIFJSON.string($0) })),
        ]
        if let rights { members.append(("rights", .string(rights))) }
        return .object(members)
    }

    /// Halvings of the full size down to about 100 pixels on the long side, smallest first.
    static func sizes(width: Int, height: Int) -> [(Int, Int)] {
        var result: [(Int, Int)] = []
        var factor = 2
        while max(width, height) / factor >= 100 {
            result.append((Int((Double(width) / Double(factor)).rounded(.up)), Int((Double(height) / Double(factor)).rounded(.up))))
            factor *= 2
        }
        return result.reversed()
    }

    /// Powers of two until the whole image fits in one tile.
    static func scaleFactors(width: Int, height: Int) -> [Int] {
        var factors = [1]
        while max(width, height) > tileSize * factors[factors.count - 1] { factors.append(factors[factors.count - 1] * 2) }
        return factors
    }
}
