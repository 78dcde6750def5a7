import Foundation

/// A reviewer's saved but not yet archived corrections of one page: the lines they changed since the
/// page's last archive version. Kept in the archive's work area until it becomes one OCFL version.
public struct ReviewDraft: Codable, Sendable, Equatable {
    /// The page (`pages.id`).
    public var pageID: Int64
    public var itemID: String
    public var objectID: String
    public var pageName: String
    /// Who saved it.
    public var reviewer: Reviewer
    /// ALTO TextLine ID → the line's words, as last saved.
    public var corrections: [String: [String]]
    /// When the first and the last save of this draft were made.
    public var firstSavedAt: Date
    public var lastSavedAt: Date

    /// Whether `reviewer` is the person who saved this draft.
    func isBy(_ other: Reviewer) -> Bool {
        if let id = reviewer.userID, let otherID = other.userID { return id == otherID }
        return reviewer.account == other.account
    }
}
