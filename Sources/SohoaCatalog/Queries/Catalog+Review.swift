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

    /// The page with this id as the review screens see it, whatever its state; `nil` when its item
    /// is outside `scope`.
    public func reviewEntry(pageID: Int64, scope: AccessScope = .everything) throws(CatalogError) -> ReviewQueueEntry? {
        try read { tx throws(CatalogError) in try tx.reviewEntry(pageID: pageID, scope: scope) }
    }

    /// The page that follows `entry` in its queue section, narrowed by `filter`.
    public func nextInReviewQueue(
        after entry: ReviewQueueEntry, filter: ReviewQueueFilter = ReviewQueueFilter()
    ) throws(CatalogError) -> ReviewQueueEntry? {
        try read { tx throws(CatalogError) in try tx.nextInReviewQueue(after: entry, filter: filter) }
    }

    /// The library codes of packaged items in `scope`, for the queue's filter.
    public func reviewLibraries(scope: AccessScope = .everything) throws(CatalogError) -> [String] {
        try read { tx throws(CatalogError) in try tx.reviewLibraries(scope: scope) }
    }

    /// What reviewers did to a page, oldest first.
    public func reviews(pageID: Int64) throws(CatalogError) -> [ReviewRecord] {
        try read { tx throws(CatalogError) in try tx.reviews(pageID: pageID) }
    }

    /// Pages of items in `scope` sent back for rescanning, latest first.
    public func rescanRequests(limit: Int = 100, scope: AccessScope = .everything) throws(CatalogError) -> [RescanRequest] {
        try read { tx throws(CatalogError) in try tx.rescanRequests(limit: limit, scope: scope) }
    }
}

extension CatalogTransaction {
    /// One page of the review queue's `section`: pages of packaged, not withdrawn, not closed items
    /// that wait for review, lowest mean confidence first, narrowed by `filter`.
    public func reviewQueue(
        section: ReviewQueueSection, filter: ReviewQueueFilter = ReviewQueueFilter(), limit: Int = 50, offset: Int = 0
    ) throws(CatalogError) -> [ReviewQueueEntry] {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        let (condition, arguments) = filter.condition
        let rows = try statements.fetch(
            """
            SELECT \(ReviewQueueEntry.columns) FROM pages JOIN items ON items.id = pages.itemID
            WHERE \(Self.waitingForReview) AND \(section.condition(dialect)) AND \(condition)
            ORDER BY \(ReviewQueueEntry.order) LIMIT ? OFFSET ?
            """, arguments + [.integer(max(0, limit)), .integer(max(0, offset))])
        var entries: [ReviewQueueEntry] = []
        for row in rows { entries.append(try row.decode(ReviewQueueEntry.self)) }
        return entries
    }

    /// How many pages wait in each section of the queue, narrowed by `filter`.
    public func reviewQueueCounts(filter: ReviewQueueFilter = ReviewQueueFilter()) throws(CatalogError) -> ReviewQueueCounts {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        let (condition, arguments) = filter.condition
        let sql = """
            SELECT
                COALESCE(SUM(CASE WHEN \(ReviewQueueSection.suspect.condition(dialect)) THEN 1 ELSE 0 END), 0) AS suspect,
                COALESCE(SUM(CASE WHEN \(ReviewQueueSection.text.condition(dialect)) THEN 1 ELSE 0 END), 0) AS text,
                COALESCE(SUM(CASE WHEN \(ReviewQueueSection.blank.condition(dialect)) THEN 1 ELSE 0 END), 0) AS blank,
                COALESCE(SUM(CASE WHEN \(ReviewQueueSection.failed.condition(dialect)) THEN 1 ELSE 0 END), 0) AS failed
            FROM pages JOIN items ON items.id = pages.itemID
            WHERE \(Self.waitingForReview) AND \(condition)
            """
        guard let row = try statements.fetchOne(sql, arguments) else { return ReviewQueueCounts() }
        return ReviewQueueCounts(
            suspect: try row.int("suspect"), text: try row.int("text"), blank: try row.int("blank"), failed: try row.int("failed"))
    }

    /// The page with this id as the review screens see it, whatever its state (`nil` if there is none,
    /// or its item is outside `scope`).
    public func reviewEntry(pageID: Int64, scope: AccessScope = .everything) throws(CatalogError) -> ReviewQueueEntry? {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        let (condition, scopeArguments) = scope.libraryCondition(column: "items.libraryCode")
        return try statements.fetchOne(
            "SELECT \(ReviewQueueEntry.columns) FROM pages JOIN items ON items.id = pages.itemID WHERE pages.id = ? AND \(condition)",
            [.integer(pageID)] + scopeArguments)?.decode(ReviewQueueEntry.self)
    }

    /// The page that follows `entry` in its queue section (narrowed by `filter`), whether or not `entry`
    /// itself still waits; `nil` at the end of the queue.
    public func nextInReviewQueue(
        after entry: ReviewQueueEntry, filter: ReviewQueueFilter = ReviewQueueFilter()
    ) throws(CatalogError) -> ReviewQueueEntry? {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        let (condition, arguments) = filter.condition
        let confidence = entry.meanConfidence ?? -1.0
        return try statements.fetchOne(
            Self.nextInReviewQueueSQL(entry.section, condition, dialect: dialect),
            arguments + [.real(confidence), .real(confidence), .integer(entry.pageID)])?.decode(ReviewQueueEntry.self)
    }

    /// The query of `nextInReviewQueue`: the filter's `condition`'s arguments, then the entry's
    /// confidence twice and its id. The first comparison lets SQLite seek in `pages_review_next` (it
    /// does not seek on the row value alone, and sorted every waiting page).
    static func nextInReviewQueueSQL(_ section: ReviewQueueSection, _ condition: String, dialect: CatalogDialect = .sqlite) -> String {
        """
        SELECT \(ReviewQueueEntry.columns) FROM pages JOIN items ON items.id = pages.itemID
        WHERE \(waitingForReview) AND \(section.condition(dialect)) AND \(condition)
            AND COALESCE(pages.meanConfidence, -1.0) >= ? AND (COALESCE(pages.meanConfidence, -1.0), pages.id) > (?, ?)
        ORDER BY \(ReviewQueueEntry.order) LIMIT 1
        """
    }

    /// The library codes of packaged items in `scope`, for the queue's filter.
    public func reviewLibraries(scope: AccessScope = .everything) throws(CatalogError) -> [String] {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        let (condition, arguments) = scope.libraryCondition(column: "libraryCode")
        var codes: [String] = []
        for row in try statements.fetch(
            "SELECT DISTINCT libraryCode FROM items WHERE state = 'packaged' AND \(condition) ORDER BY libraryCode", arguments)
        {
            codes.append(try row.string("libraryCode"))
        }
        return codes
    }

    /// Moves the page's revision from `expected` to `expected + 1` if it is still `expected`, in one
    /// statement; returns whether it did. A save that gets `false` started from an older revision.
    public func claimPageRevision(pageID: Int64, expected: Int) throws(CatalogError) -> Bool {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try statements.execute(
            "UPDATE pages SET revision = revision + 1 WHERE id = ? AND revision = ?", [.integer(pageID), .integer(expected)]) == 1
    }

    /// Undoes `claimPageRevision` after the save it was for failed, if nobody moved the revision since.
    public func releasePageRevision(pageID: Int64, claimed expected: Int) throws(CatalogError) {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try statements.execute(
            "UPDATE pages SET revision = revision - 1 WHERE id = ? AND revision = ?", [.integer(pageID), .integer(expected + 1)])
    }

    /// The page's current revision, or `nil` if there is no such page.
    public func pageRevision(pageID: Int64) throws(CatalogError) -> Int? {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try statements.fetchOne("SELECT revision FROM pages WHERE id = ?", [.integer(pageID)])?.optionalInt("revision")
    }

    /// Sets the page's review state; `rescanReason` is kept only for `rescan`.
    public func setReviewState(pageID: Int64, _ state: ReviewState, rescanReason: String? = nil) throws(CatalogError) {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        let changed = try statements.execute(
            "UPDATE pages SET reviewState = ?, rescanReason = ? WHERE id = ?",
            [.text(state.rawValue), .text(state == .rescan ? rescanReason : nil), .integer(pageID)])
        if changed == 0 { throw .notFound("page \(pageID)", file: file) }
    }

    /// Records what a reviewer did.
    @discardableResult
    public func addReview(_ review: ReviewRecord) throws(CatalogError) -> ReviewRecord {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        var review = review
        review.id = try insertRecordReturningID(review, into: "reviews")
        return review
    }

    /// What reviewers did to a page, oldest first.
    public func reviews(pageID: Int64) throws(CatalogError) -> [ReviewRecord] {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        var reviews: [ReviewRecord] = []
        for row in try statements.fetch("SELECT * FROM reviews WHERE pageID = ? ORDER BY at, id", [.integer(pageID)]) {
            reviews.append(try row.decode(ReviewRecord.self))
        }
        return reviews
    }

    /// Pages of items in `scope` sent back for rescanning, latest first. with the reason and who sent them back.
    public func rescanRequests(limit: Int = 100, scope: AccessScope = .everything) throws(CatalogError) -> [RescanRequest] {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL (NULLS LAST: SQLite's order of
        // NULLs, which PostgreSQL puts first when descending).
        let (condition, scopeArguments) = scope.itemCondition(column: "pages.itemID")
        let rows = try statements.fetch(
            """
            SELECT pages.itemID, pages.name, pages.sequence, pages.rescanReason,
                (SELECT reviewer FROM reviews WHERE reviews.pageID = pages.id AND reviews.action = 'rescan'
                    ORDER BY at DESC, id DESC LIMIT 1) AS reviewer,
                (SELECT at FROM reviews WHERE reviews.pageID = pages.id AND reviews.action = 'rescan'
                    ORDER BY at DESC, id DESC LIMIT 1) AS at
            FROM pages WHERE pages.reviewState = 'rescan' AND \(condition)
            ORDER BY at DESC NULLS LAST, pages.itemID, pages.sequence LIMIT ?
            """, scopeArguments + [.integer(max(0, limit))])
        var requests: [RescanRequest] = []
        for row in rows {
            requests.append(
                RescanRequest(
                    itemID: try row.string("itemID"), pageName: try row.string("name"), sequence: try row.int("sequence"),
                    reason: try row.optionalString("rescanReason") ?? "", reviewer: try row.optionalString("reviewer"),
                    at: try row.optionalDate("at")))
        }
        return requests
    }

    /// Pages of packaged, not withdrawn, not closed items that wait for review.
    private static let waitingForReview = """
        items.state = 'packaged' AND items.withdrawnAt IS NULL AND items.access <> 'closed' AND pages.reviewState = 'pending'
        """
}

extension CatalogTransaction {
    /// Moves a page's revision on (after a change made outside the review screens, e.g. `sohoa
    /// correct`), so that a reviewer who opened the page before must reload it before saving.
    public func advancePageRevision(pageID: Int64) throws(CatalogError) {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try statements.execute("UPDATE pages SET revision = revision + 1 WHERE id = ?", [.integer(pageID)])
    }

    /// Records the archive version that took a page's pending (drafted) corrections.
    public func recordDraftVersion(pageID: Int64, version: String) throws(CatalogError) {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try statements.execute(
            "UPDATE reviews SET ocflVersion = ? WHERE pageID = ? AND action = 'corrected' AND ocflVersion IS NULL",
            [.text(version), .integer(pageID)])
    }
}
