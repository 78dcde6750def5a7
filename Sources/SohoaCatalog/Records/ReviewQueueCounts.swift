/// How many pages wait in each section of the review queue.
public struct ReviewQueueCounts: Sendable, Equatable {
    /// Pages whose text looks wrong (issue 11).
    public var suspect: Int
    public var text: Int
    public var blank: Int
    public var failed: Int

    /// Makes counts.
    public init(suspect: Int = 0, text: Int = 0, blank: Int = 0, failed: Int = 0) {
        self.suspect = suspect
        self.text = text
        self.blank = blank
        self.failed = failed
    }

    /// The count of one section.
    public subscript(section: ReviewQueueSection) -> Int {
        switch section {
        case .suspect: suspect
        case .text: text
        case .blank: blank
        case .failed: failed
        }
    }
}
