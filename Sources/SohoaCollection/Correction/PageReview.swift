/// What a reviewer sends for one page: the revision they started from, the lines they changed, and
/// whether they approve the page.
public struct PageReview: Sendable, Equatable {
    /// The page (`pages.id`).
    public var pageID: Int64
    /// The page's revision when the reviewer opened it (`pages.revision`).
    public var revision: Int
    /// Corrected lines: ALTO TextLine ID → the line's new text. Lines not named stay as they are;
    /// an empty text removes the line.
    public var lines: [String: String]
    /// Approve the page (after saving the lines, if any).
    public var approve: Bool

    /// A review of page `pageID`.
    public init(pageID: Int64, revision: Int, lines: [String: String] = [:], approve: Bool = false) {
        self.pageID = pageID
        self.revision = revision
        self.lines = lines
        self.approve = approve
    }
}

/// What a review did.
public struct PageReviewResult: Sendable, Equatable {
    /// The archive version written, when the text changed (e.g. `v3`).
    public var version: String?
    /// The page's revision now.
    public var revision: Int
    /// How many lines changed.
    public var changedLines: Int
    /// Whether the page is now approved.
    public var approved: Bool
    /// Whether saved corrections of the page wait in a draft for their archive version.
    public var pending: Bool

    /// A result value.
    public init(version: String?, revision: Int, changedLines: Int, approved: Bool, pending: Bool = false) {
        self.version = version
        self.revision = revision
        self.changedLines = changedLines
        self.approved = approved
        self.pending = pending
    }
}

/// Why a review was not taken.
public enum PageReviewError: Error, Sendable, Equatable, CustomStringConvertible {
    /// There is no page with this id.
    case noSuchPage(Int64)
    /// The page's item is not served for review (not archived, withdrawn or closed).
    case notReviewable(pageID: Int64)
    /// Someone saved the page since the reviewer opened it: nothing was written.
    case staleRevision(submitted: Int, current: Int)
    /// The correction does not fit the page (a line it names is not there, the page has no text).
    case invalid(String)
    /// The archive or catalog failed; nothing was recorded as reviewed.
    case failed(String)
    /// The item's archive version changed while the save was written (another program wrote it):
    /// nothing was written.
    case archiveChanged

    public var description: String {
        switch self {
        case .noSuchPage(let id): "there is no page \(id)"
        case .notReviewable(let id): "page \(id) is not open for review (its item is not archived, withdrawn or closed)"
        case .staleRevision(let submitted, let current):
            "the page was saved by someone else since it was opened (revision \(submitted), now \(current)); nothing was written"
        case .invalid(let reason): "the correction does not fit the page: \(reason)"
        case .failed(let reason): "the review could not be saved: \(reason)"
        case .archiveChanged: "the item was changed in the archive by another program while saving; nothing was written"
        }
    }
}
