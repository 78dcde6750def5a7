import SohoaCollection

/// A page whose recognized text looks wrong (issue 11): archived, and listed for review first.
public struct SuspectPage: Sendable, Codable, Equatable, CustomStringConvertible {
    public var item: String
    public var page: String
    /// Why, in words: "mean confidence 41% (batch 93%)", "12% of words are Vietnamese syllables".
    public var reason: String

    /// Makes a suspect page.
    public init(item: String, page: String, reason: String) {
        self.item = item
        self.page = page
        self.reason = reason
    }

    /// `item/page: reason`, the reason in the command line's language (`SuspectReasonWords`).
    public var description: String { "\(item)/\(page): \(SuspectReasonWords.forCommandLine(reason))" }
}
