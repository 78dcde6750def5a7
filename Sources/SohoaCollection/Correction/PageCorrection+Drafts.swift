import Foundation
import SohoaArchive
import SohoaCatalog

extension PageCorrection {
    /// Writes a page's draft as one archive version on top of the item's current head (its
    /// corrections are applied to the page's ALTO as it is now), records it in the catalog and removes
    /// the draft. Returns nil, removing the draft, when it changes nothing. Call with the drafts lock held.
    func flush(_ draft: ReviewDraft) throws -> WrittenVersion? {
        let person = draft.reviewer.recordedName
        let altoPath = "alto/\(draft.pageName).xml"
        let textPath = "text/\(draft.pageName).txt"
        for attempt in 0..<3 {
            guard let head = try session.root.head(objectID: draft.objectID), head.state[altoPath] != nil else {
                throw PageReviewError.failed("object \(draft.objectID) has no \(altoPath) any more; run `sohoa audit`")
            }
            let alto = try read(draft.objectID, altoPath)
            let effective = try Self.effectiveCorrections(draft.corrections, in: alto)
            if effective.isEmpty {
                try drafts.remove(pageID: draft.pageID)
                return nil
            }
            let revised = try ALTOWordRevision.revise(
                alto, corrections: effective, by: person, at: draft.lastSavedAt, software: SoftwareVersions.sohoaVersion)
            let text = try ALTOPage(parsing: revised).plainText.precomposedStringWithCanonicalMapping
            var files: [String: Data] = [altoPath: Data(revised.utf8)]
            if head.state[textPath] != nil { files[textPath] = Data((text.isEmpty ? "" : text + "\n").utf8) }
            let scratch = derivativesScratch()
            defer { try? FileManager.default.removeItem(at: scratch) }
            let derivatives = revisedDerivatives(
                itemID: draft.itemID, objectID: draft.objectID, head: head, correctedALTO: [draft.pageName: revised], scratch: scratch)
            files.merge(derivatives.files) { _, new in new }
            let pdfFile = Dictionary(derivatives.pdfs.map { ($0.path, $0.url) }) { _, new in new }
            let lineList = effective.keys.sorted().joined(separator: ", ") + derivatives.problems.map { "; \($0)" }.joined()
            let written: WrittenVersion
            do {
                written = try writeCorrectedVersion(
                    objectID: draft.objectID, head: head, changed: files, changedFiles: pdfFile, by: person,
                    detail: "OCR words of page \(draft.pageName) corrected by \(person) in review (lines \(lineList))",
                    message: "review of page \(draft.pageName) by \(person)", at: draft.lastSavedAt)
            } catch OCFLError.headMoved where attempt < 2 {
                continue  // another writer (not under the drafts lock) got in first: apply on its version
            }
            try session.catalog.write { tx throws(CatalogError) in
                try recordCorrection(
                    in: tx, itemID: draft.itemID, pageID: draft.pageID, pageName: draft.pageName, text: text, written: written,
                    by: person, at: draft.lastSavedAt)
                try tx.recordDraftVersion(pageID: draft.pageID, version: written.version)
            }
            try drafts.remove(pageID: draft.pageID)
            return written
        }
        throw OCFLError.headMoved(objectID: draft.objectID, expected: "?", found: nil)
    }

    /// Writes the drafts whose last save is at least `quietPeriod` before `now` (all drafts with 0) as
    /// versions; returns the versions written. A draft that cannot be written stays and is reported
    /// through `failed`.
    @discardableResult
    public func flushDrafts(
        quietPeriod: TimeInterval = 0, now: Date = Date(), failed: (ReviewDraft, any Error) -> Void = { _, _ in }
    ) throws -> [WrittenVersion] {
        try drafts.locked {
            var written: [WrittenVersion] = []
            for draft in try drafts.all() where now.timeIntervalSince(draft.lastSavedAt) >= quietPeriod {
                do {
                    if let version = try flush(draft) { written.append(version) }
                } catch {
                    failed(draft, error)
                }
            }
            return written
        }
    }

    /// The page's ALTO as readers should see it now: the head version's, with the page's pending
    /// draft applied; nil when the head version has no ALTO for the page.
    public func currentALTO(objectID: String, pageID: Int64, pageName: String) throws -> String? {
        guard let url = try session.root.contentURL(objectID: objectID, logicalPath: "alto/\(pageName).xml") else { return nil }
        let alto = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        guard let draft = try drafts.draft(pageID: pageID), draft.objectID == objectID else { return alto }
        return try Self.applying(draft.corrections, to: alto, by: draft.reviewer.recordedName, at: draft.lastSavedAt)
    }
}
