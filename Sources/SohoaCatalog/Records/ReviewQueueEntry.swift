import Foundation
import GRDB

/// A page as the review screens see it: the page's facts and review state with its item's title,
/// library, batch, state and access. One row of the review queue, or the page under review.
public struct ReviewQueueEntry: Codable, Sendable, Equatable, FetchableRecord {
    public var pageID: Int64
    public var itemID: String
    /// The item's OCFL object id.
    public var objectID: String
    public var itemTitle: String?
    /// The item's OCR languages as recorded (`vie`, `vie+eng`), if any.
    public var itemLanguage: String?
    public var libraryCode: String
    public var batchID: Int64?
    public var itemState: ItemRecord.State
    public var access: AccessLevel
    /// When the item was withdrawn, if it was (withdrawn items are not served).
    public var withdrawnAt: Date?
    /// The page's name in the archive (`alto/<pageName>.xml`).
    public var pageName: String
    public var sequence: Int
    public var pageState: PageRecord.State
    /// Mean word confidence of the OCR, 0–100.
    public var meanConfidence: Double?
    public var wordCount: Int?
    public var isBlank: Bool
    /// Why the page failed, when it did.
    public var error: String?
    public var reviewState: ReviewState
    /// The optimistic lock: a save must name the revision it started from.
    public var revision: Int
    /// Why the page was sent back for rescanning.
    public var rescanReason: String?
    /// Why the page's recognized text looks wrong (issue 11), when it does.
    public var suspectReason: String?
    /// Share of the page's words that are Vietnamese syllables, 0–1.
    public var syllableShare: Double?

    /// Whether the review screens may show this page at all: its item is packaged, not withdrawn and
    /// not closed.
    public var isReviewable: Bool {
        itemState == .packaged && withdrawnAt == nil && access != .closed
    }

    /// The section of the queue the page belongs to.
    public var section: ReviewQueueSection {
        if pageState == .failed { return .failed }
        if isBlank { return .blank }
        return suspectReason == nil ? .text : .suspect
    }

    /// The columns, for `SELECT \(columns) FROM pages JOIN items ON items.id = pages.itemID`.
    static let columns = """
        pages.id AS pageID, items.id AS itemID, items.objectID, items.title AS itemTitle, items.language AS itemLanguage, items.libraryCode,
        items.batchID, items.state AS itemState, items.access, items.withdrawnAt, pages.name AS pageName,
        pages.sequence, pages.state AS pageState, pages.meanConfidence, pages.wordCount, pages.isBlank, pages.error,
        pages.reviewState, pages.revision, pages.rescanReason, pages.suspectReason, pages.syllableShare
        """

    /// The queue order: lowest confidence first (pages without one first), then by page id.
    static let order = "COALESCE(pages.meanConfidence, -1.0), pages.id"
}
