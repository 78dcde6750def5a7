/// What a reviewer did to a page (column `reviews.action`).
public enum ReviewAction: String, Codable, Sendable, CaseIterable {
    /// Corrected the text (a new archive version).
    case corrected
    /// Approved the page.
    case approved
    /// Sent the page back for rescanning.
    case rescan
    /// Put an approved or sent-back page back in the queue.
    case reopened
}
