import Foundation

/// One way a capture falls short of the pipeline's criteria, with the measure and the threshold.
public struct CaptureQualityFinding: Sendable, Equatable, Codable {
    /// Which measure failed.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case resolution
        case tone
        case blur
        case clippedHighlights = "clipped-highlights"
        case clippedShadows = "clipped-shadows"
    }

    public var kind: Kind
    /// What was measured and what is asked, in Vietnamese ("độ phân giải 150 dpi < 300 dpi tối thiểu").
    public var vietnamese: String
    /// The same in English.
    public var english: String

    /// A finding with its words in both languages.
    public init(kind: Kind, vietnamese: String, english: String) {
        self.kind = kind
        self.vietnamese = vietnamese
        self.english = english
    }

    /// Vietnamese first, then English: the reason stored for the rescan and shown to staff.
    public var reason: String { "\(vietnamese) (\(english))" }
}
