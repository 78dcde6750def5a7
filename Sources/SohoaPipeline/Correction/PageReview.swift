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

    public var description: String {
        switch self {
        case .noSuchPage(let id): "there is no page \(id)"
        case .notReviewable(let id): "page \(id) is not open for review (its item is not archived, withdrawn or closed)"
        case .staleRevision(let submitted, let current):
            "the page was saved by someone else since it was opened (revision \(submitted), now \(current)); nothing was written"
        case .invalid(let reason): "the correction does not fit the page: \(reason)"
        case .failed(let reason): "the review could not be saved: \(reason)"
        }
    }
}
