import Foundation

/// A page a reviewer sent back to scanning staff, with why and who (shown by `sohoa status`).
public struct RescanRequest: Codable, Sendable, Equatable {
    public var itemID: String
    public var pageName: String
    public var sequence: Int
    /// Why it must be scanned again.
    public var reason: String
    /// Who sent it back (display and account name), when the catalog knows.
    public var reviewer: String?
    /// When it was sent back, when the catalog knows.
    public var at: Date?

    /// Makes a request.
    public init(itemID: String, pageName: String, sequence: Int, reason: String, reviewer: String?, at: Date?) {
        self.itemID = itemID
        self.pageName = pageName
        self.sequence = sequence
        self.reason = reason
        self.reviewer = reviewer
        self.at = at
    }
}
