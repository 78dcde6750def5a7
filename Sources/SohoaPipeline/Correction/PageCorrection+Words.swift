import Foundation
import SohoaArchive
import SohoaCatalog

extension PageCorrection {
    /// Takes a reviewer's work on one page: corrected lines become a new archive version (ALTO revised
    /// word by word, text file, METS with a PREMIS event naming the reviewer), the catalog's text and
    /// search index follow, and a `reviews` row records it; `approve` also marks the page approved.
    ///
    /// The page's revision is checked and moved on in one catalog statement before anything is
    /// written, so of two reviewers who opened the same revision only the first is taken; the second
    /// gets `.staleRevision` and nothing of theirs is written.
    public func review(_ review: PageReview, by reviewer: Reviewer, at date: Date = Date()) throws(PageReviewError) -> PageReviewResult {
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

        let claimed: Bool
        do {
            claimed = try catalog.write { tx throws(CatalogError) in
                try tx.claimPageRevision(pageID: review.pageID, expected: review.revision)
            }
        } catch {
            throw .failed("\(error)")
        }
        guard claimed else {
            let current = (try? catalog.reviewEntry(pageID: review.pageID))?.revision ?? review.revision
            throw .staleRevision(submitted: review.revision, current: current)
        }
        do {
            return try apply(corrections, to: entry, revision: review.revision, approve: review.approve, by: reviewer, at: date)
        } catch {
            try? catalog.write { tx throws(CatalogError) in try tx.releasePageRevision(pageID: review.pageID, claimed: review.revision) }
            if let error = error as? PageReviewError { throw error }
            throw .failed("\(error)")
        }
    }

    /// Writes the changed lines (if any really changed) and records the review; the revision is claimed.
    private func apply(
        _ corrections: [String: [String]], to entry: ReviewQueueEntry, revision: Int, approve: Bool, by reviewer: Reviewer, at date: Date
    ) throws -> PageReviewResult {
        let person = reviewer.recordedName
        var written: WrittenVersion?
        var changedLines = 0
        var text = ""
        if !corrections.isEmpty {
            let root = session.root
            guard let state = try root.headState(objectID: entry.objectID) else {
                throw PageReviewError.failed("object \(entry.objectID) is missing from the archive; run `sohoa audit`")
            }
            let altoPath = "alto/\(entry.pageName).xml"
            let textPath = "text/\(entry.pageName).txt"
            guard state[altoPath] != nil else {
                throw PageReviewError.invalid("page \(entry.pageName) of \(entry.itemID) has no recognized text in the archive")
            }
            let alto = try read(entry.objectID, altoPath)
            let page = try ALTOPage(parsing: alto)
            let current = Dictionary(
                page.lines.map { ($0.id, $0.text.split(whereSeparator: \.isWhitespace).map(String.init)) },
                uniquingKeysWith: { first, _ in first })
            for id in corrections.keys where current[id] == nil {
                throw PageReviewError.invalid("page \(entry.pageName) has no line \(id)")
            }
            let changed = corrections.filter { current[$0.key] != $0.value }
            changedLines = changed.count
            if !changed.isEmpty {
                let revised = try ALTOWordRevision.revise(
                    alto, corrections: changed, by: person, at: date, software: SoftwareVersions.sohoaVersion)
                text = try ALTOPage(parsing: revised).plainText.precomposedStringWithCanonicalMapping
                var files: [String: Data] = [altoPath: Data(revised.utf8)]
                if state[textPath] != nil { files[textPath] = Data((text.isEmpty ? "" : text + "\n").utf8) }
                let lineList = changed.keys.sorted().joined(separator: ", ")
                written = try writeCorrectedVersion(
                    objectID: entry.objectID, state: state, changed: files, by: person,
                    detail: "OCR words of page \(entry.pageName) corrected by \(person) in review (lines \(lineList))",
                    message: "review of page \(entry.pageName) by \(person)", at: date)
            }
        }
        let version = written
        let pageText = text
        let lines = changedLines
        try session.catalog.write { tx throws(CatalogError) in
            if let version {
                try recordCorrection(
                    in: tx, itemID: entry.itemID, pageID: entry.pageID, pageName: entry.pageName, text: pageText, written: version,
                    by: person, at: date)
                try tx.addReview(
                    ReviewRecord(
                        pageID: entry.pageID, itemID: entry.itemID, userID: reviewer.userID, reviewer: person, action: .corrected,
                        ocflVersion: version.version, detail: "\(lines) line(s) corrected", at: date))
            }
            if approve {
                try tx.setReviewState(pageID: entry.pageID, .approved)
                try tx.addReview(
                    ReviewRecord(
                        pageID: entry.pageID, itemID: entry.itemID, userID: reviewer.userID, reviewer: person, action: .approved,
                        ocflVersion: version?.version, at: date))
            }
        }
        return PageReviewResult(
            version: version?.version, revision: revision + 1, changedLines: changedLines,
            approved: approve || entry.reviewState == .approved)
    }
}
