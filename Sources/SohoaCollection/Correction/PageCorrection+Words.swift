import Foundation
import SohoaArchive
import SohoaCatalog

extension PageCorrection {
    /// Takes a reviewer's work on one page: corrected lines are revised word by word in the page's
    /// ALTO, the catalog's text and search index follow at once, and a `reviews` row records it;
    /// `approve` also marks the page approved.
    ///
    /// Without `coalesce`, the corrections become a new archive version at once. With `coalesce`
    /// (the review screens), they are kept as the reviewer's draft of the page (durable, in the
    /// archive's work area) and later saves by the same person are added to it; the draft becomes one
    /// version when the page is approved, when its reviewer saves another page, when someone else
    /// saves this page, or by `flushDrafts` (after a quiet period, and at server start and stop).
    ///
    /// The page's revision is checked and moved on in one catalog statement before anything is
    /// written, so of two reviewers who opened the same revision only the first is taken; the second
    /// gets `.staleRevision` and nothing of theirs is written.
    public func review(
        _ review: PageReview, by reviewer: Reviewer, at date: Date = Date(), coalesce: Bool = false
    ) throws(PageReviewError) -> PageReviewResult {
        let catalog = session.catalog
        let entry: ReviewQueueEntry
        do {
            guard let found = try catalog.reviewEntry(pageID: review.pageID) else { throw PageReviewError.noSuchPage(review.pageID) }
            entry = found
        } catch let error as PageReviewError {
            throw error
        } catch {
            throw .failed("\(error)")
        }
        guard entry.isReviewable else { throw .notReviewable(pageID: review.pageID) }
        let corrections = review.lines.mapValues { text in
            text.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace).map(String.init)
        }
        if corrections.isEmpty && !review.approve {
            return PageReviewResult(version: nil, revision: entry.revision, changedLines: 0, approved: entry.reviewState == .approved)
        }
        do {
            return try drafts.locked {
                try claimAndApply(corrections, review: review, entry: entry, by: reviewer, at: date, coalesce: coalesce)
            }
        } catch let error as PageReviewError {
            throw error
        } catch let error as OCFLError {
            if case .headMoved = error { throw .archiveChanged }
            throw .failed("\(error)")
        } catch {
            throw .failed("\(error)")
        }
    }

    /// Claims the page's revision and applies the review; the drafts lock is held.
    private func claimAndApply(
        _ corrections: [String: [String]], review: PageReview, entry: ReviewQueueEntry, by reviewer: Reviewer, at date: Date,
        coalesce: Bool
    ) throws -> PageReviewResult {
        let catalog = session.catalog
        let claimed = try catalog.write { tx throws(CatalogError) in
            try tx.claimPageRevision(pageID: review.pageID, expected: review.revision)
        }
        guard claimed else {
            let current = (try? catalog.reviewEntry(pageID: review.pageID))?.revision ?? review.revision
            throw PageReviewError.staleRevision(submitted: review.revision, current: current)
        }
        do {
            return try apply(
                corrections, to: entry, revision: review.revision, approve: review.approve, by: reviewer, at: date, coalesce: coalesce)
        } catch {
            try? catalog.write { tx throws(CatalogError) in try tx.releasePageRevision(pageID: review.pageID, claimed: review.revision) }
            throw error
        }
    }

    /// Records the changed lines (if any really changed) in the page's draft, writes the draft as a
    /// version unless it is to wait, and records the review; the revision is claimed.
    private func apply(
        _ corrections: [String: [String]], to entry: ReviewQueueEntry, revision: Int, approve: Bool, by reviewer: Reviewer,
        at date: Date, coalesce: Bool
    ) throws -> PageReviewResult {
        let person = reviewer.recordedName
        // Someone else's draft of this page goes into the archive first: two people, two versions.
        if let other = try drafts.draft(pageID: entry.pageID), !other.isBy(reviewer) { _ = try flush(other) }
        // The reviewer has moved on from their other pages.
        for mine in try drafts.all() where mine.pageID != entry.pageID && mine.isBy(reviewer) { _ = try flush(mine) }

        var changedLines = 0
        if !corrections.isEmpty {
            let draft = try drafts.draft(pageID: entry.pageID)
            let archived = try archivedALTO(of: entry)
            let current = try ALTOPage(parsing: try Self.applying(draft?.corrections ?? [:], to: archived))
            let words = Dictionary(
                current.lines.map { ($0.id, $0.text.split(whereSeparator: \.isWhitespace).map(String.init)) },
                uniquingKeysWith: { first, _ in first })
            for id in corrections.keys where words[id] == nil {
                throw PageReviewError.invalid("page \(entry.pageName) has no line \(id)")
            }
            let changed = corrections.filter { words[$0.key] != $0.value }
            changedLines = changed.count
            if !changed.isEmpty {
                let merged = (draft?.corrections ?? [:]).merging(changed) { _, new in new }
                let saved = ReviewDraft(
                    pageID: entry.pageID, itemID: entry.itemID, objectID: entry.objectID, pageName: entry.pageName,
                    reviewer: reviewer, corrections: merged, firstSavedAt: draft?.firstSavedAt ?? date, lastSavedAt: date)
                let text = try ALTOPage(parsing: try Self.applying(merged, to: archived)).plainText
                    .precomposedStringWithCanonicalMapping
                try drafts.save(saved)
                let lineList = changed.keys.sorted().joined(separator: ", ")
                try session.catalog.write { tx throws(CatalogError) in
                    try tx.recordPageText(pageID: entry.pageID, itemID: entry.itemID, text: text, at: date)
                    try tx.addReview(
                        ReviewRecord(
                            pageID: entry.pageID, itemID: entry.itemID, userID: reviewer.userID, reviewer: person, action: .corrected,
                            ocflVersion: nil, detail: "\(changedLines) line(s) corrected (\(lineList))", at: date))
                }
            }
        }
        var written: WrittenVersion?
        if !coalesce || approve, let draft = try drafts.draft(pageID: entry.pageID) {
            written = try flush(draft)
        }
        if approve {
            let version = written?.version
            try session.catalog.write { tx throws(CatalogError) in
                try tx.setReviewState(pageID: entry.pageID, .approved)
                try tx.addReview(
                    ReviewRecord(
                        pageID: entry.pageID, itemID: entry.itemID, userID: reviewer.userID, reviewer: person, action: .approved,
                        ocflVersion: version, at: date))
            }
        }
        let pending = try coalesce && drafts.draft(pageID: entry.pageID) != nil
        return PageReviewResult(
            version: written?.version, revision: revision + 1, changedLines: changedLines,
            approved: approve || entry.reviewState == .approved, pending: pending)
    }

    /// The page's ALTO in the item's head version.
    func archivedALTO(of entry: ReviewQueueEntry) throws -> String {
        guard let head = try session.root.head(objectID: entry.objectID) else {
            throw PageReviewError.failed("object \(entry.objectID) is missing from the archive; run `sohoa audit`")
        }
        guard head.state["alto/\(entry.pageName).xml"] != nil else {
            throw PageReviewError.invalid("page \(entry.pageName) of \(entry.itemID) has no recognized text in the archive")
        }
        return try read(entry.objectID, "alto/\(entry.pageName).xml")
    }

    /// `alto` with the lines of `corrections` that exist there and differ rewritten (unchanged when none do).
    static func applying(
        _ corrections: [String: [String]], to alto: String, by person: String = "", at date: Date = Date()
    )
        throws -> String
    {
        let effective = try effectiveCorrections(corrections, in: alto)
        if effective.isEmpty { return alto }
        return try ALTOWordRevision.revise(alto, corrections: effective, by: person, at: date, software: SoftwareVersions.sohoaVersion)
    }

    /// The corrections that name a line of `alto` and change its words.
    static func effectiveCorrections(_ corrections: [String: [String]], in alto: String) throws -> [String: [String]] {
        guard !corrections.isEmpty else { return [:] }
        let page = try ALTOPage(parsing: alto)
        let words = Dictionary(
            page.lines.map { ($0.id, $0.text.split(whereSeparator: \.isWhitespace).map(String.init)) },
            uniquingKeysWith: { first, _ in first })
        return corrections.filter { words[$0.key] != nil && words[$0.key] != $0.value }
    }
}
