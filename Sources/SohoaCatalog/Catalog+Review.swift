import Foundation

extension Catalog {
    /// One page of the review queue's `section`, lowest mean confidence first, narrowed by `filter`.
    public func reviewQueue(
        section: ReviewQueueSection, filter: ReviewQueueFilter = ReviewQueueFilter(), limit: Int = 50, offset: Int = 0
    ) throws(CatalogError) -> [ReviewQueueEntry] {
        try read { tx throws(CatalogError) in
            try tx.reviewQueue(section: section, filter: filter, limit: limit, offset: offset)
        }
    }

    /// How many pages wait in each section of the review queue, narrowed by `filter`.
    public func reviewQueueCounts(filter: ReviewQueueFilter = ReviewQueueFilter()) throws(CatalogError) -> ReviewQueueCounts {
        try read { tx throws(CatalogError) in try tx.reviewQueueCounts(filter: filter) }
    }

    /// The page with this id as the review screens see it, whatever its state.
    public func reviewEntry(pageID: Int64) throws(CatalogError) -> ReviewQueueEntry? {
        try read { tx throws(CatalogError) in try tx.reviewEntry(pageID: pageID) }
    }

    /// The page that follows `entry` in its queue section, narrowed by `filter`.
    public func nextInReviewQueue(
        after entry: ReviewQueueEntry, filter: ReviewQueueFilter = ReviewQueueFilter()
    ) throws(CatalogError) -> ReviewQueueEntry? {
        try read { tx throws(CatalogError) in try tx.nextInReviewQueue(after: entry, filter: filter) }
    }

    /// The library codes of packaged items, for the queue's filter.
    public func reviewLibraries() throws(CatalogError) -> [String] {
        try read { tx throws(CatalogError) in try tx.reviewLibraries() }
    }

    /// What reviewers did to a page, oldest first.
    public func reviews(pageID: Int64) throws(CatalogError) -> [ReviewRecord] {
        try read { tx throws(CatalogError) in try tx.reviews(pageID: pageID) }
    }

    /// Pages sent back for rescanning, latest first.
    public func rescanRequests(limit: Int = 100) throws(CatalogError) -> [RescanRequest] {
        try read { tx throws(CatalogError) in try tx.rescanRequests(limit: limit) }
    }
}
