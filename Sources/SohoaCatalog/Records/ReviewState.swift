/// Where a page stands in review (column `pages.reviewState`).
public enum ReviewState: String, Codable, Sendable, CaseIterable {
    /// Waiting for a person (the review queue).
    case pending
    /// A reviewer approved the page's text (or confirmed a blank page).
    case approved
    /// Sent back to scanning staff to be scanned again; `pages.rescanReason` says why.
    case rescan
}
