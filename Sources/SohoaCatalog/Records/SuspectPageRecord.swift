import Foundation

/// A page whose recognized text looks wrong (issue 11), as `sohoa status` lists it.
public struct SuspectPageRecord: Sendable, Equatable, Encodable {
    public var pageID: Int64
    public var itemID: String
    public var pageName: String
    public var sequence: Int
    /// Why: "mean confidence 41% (batch 93%)", "12% of words are Vietnamese syllables".
    public var reason: String
    /// Whether a reviewer has dealt with it (approved, corrected or sent back for rescanning).
    public var reviewState: ReviewState

    /// Makes a record.
    public init(pageID: Int64, itemID: String, pageName: String, sequence: Int, reason: String, reviewState: ReviewState) {
        self.pageID = pageID
        self.itemID = itemID
        self.pageName = pageName
        self.sequence = sequence
        self.reason = reason
        self.reviewState = reviewState
    }
}
