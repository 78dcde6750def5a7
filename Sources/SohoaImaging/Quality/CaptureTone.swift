/// How much tone a capture holds: black and white only, shades of gray, or colour.
public enum CaptureTone: String, Sendable, Codable, Equatable, CaseIterable, Comparable {
    case bilevel
    case gray
    case colour

    /// The tone of a page as its source file encodes it (not as decoded): a 1-bit page is bilevel
    /// even though it decodes to 8-bit gray.
    public init(_ technical: TechnicalMetadata) {
        if technical.bitsPerSample == 1 || technical.colorModel == "bilevel" {
            self = .bilevel
        } else if technical.colorModel == "gray" {
            self = .gray
        } else {
            self = .colour
        }
    }

    /// Vietnamese and English words for the tone, for messages.
    public var words: (vi: String, en: String) {
        switch self {
        case .bilevel: ("đen trắng (1-bit)", "black-and-white (1-bit)")
        case .gray: ("xám", "gray")
        case .colour: ("màu", "colour")
        }
    }

    public static func < (lhs: CaptureTone, rhs: CaptureTone) -> Bool {
        lhs.order < rhs.order
    }

    private var order: Int {
        switch self {
        case .bilevel: 0
        case .gray: 1
        case .colour: 2
        }
    }
}
