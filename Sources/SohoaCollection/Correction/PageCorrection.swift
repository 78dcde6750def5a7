import Foundation
import SohoaArchive
import SohoaCatalog

/// Applies a reviewer's corrected text to an archived page: a new OCFL version of the item with the
/// page's changed ALTO and text and a PREMIS event naming who and when; the catalog's text, search
/// index and events follow. Earlier versions stay as they were.
public struct PageCorrection: Sendable {
    /// The archive.
    public let session: ArchiveSession

    /// A correction on `session`'s archive.
    public init(session: ArchiveSession) {
        self.session = session
    }

    /// The archive's review drafts (saved corrections not yet in a version).
    public var drafts: ReviewDrafts { ReviewDrafts(archive: session.folder) }

    /// Replaces the text of page `pageName` of item `itemID` with `text`, as corrected by `person`.
    /// Returns the version written (`unchanged` when the text is already the archived one).
    public func apply(
        itemID: String, pageName: String, text: String, by person: String, at date: Date = Date()
    ) throws(RunError) -> WrittenVersion {
        let person = person.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !person.isEmpty else { throw RunError(.usage, "name who made the correction (--by NAME)") }
        do {
            return try correct(itemID: itemID, pageName: pageName, text: text, by: person, at: date)
        } catch let error as RunError {
            throw error
        } catch {
            throw RunError(.archive, "cannot correct \(itemID)/\(pageName): \(error)")
        }
    }

    private func correct(itemID: String, pageName: String, text: String, by person: String, at date: Date) throws -> WrittenVersion {
        guard let item = try session.catalog.item(id: itemID), item.ocflVersion != nil else {
            throw RunError(.usage, "no archived item '\(itemID)' in \(session.folder.path); `sohoa status` lists what is there")
        }
        guard let page = try session.catalog.page(itemID: itemID, name: pageName), let pageID = page.id else {
            let names = try session.catalog.pages(itemID: itemID).map(\.name)
            throw RunError(.usage, "item '\(itemID)' has no page '\(pageName)'; its pages are: \(names.joined(separator: ", "))")
        }
        // Under the drafts lock: reviewers' saved drafts of this item go into the archive first, so
        // this correction lands on top of them, and no review save interleaves.
        return try drafts.locked {
            for draft in try drafts.all() where draft.itemID == itemID { _ = try flush(draft) }
            return try correctLocked(item: item, pageID: pageID, pageName: pageName, text: text, by: person, at: date)
        }
    }

    private func correctLocked(
        item: ItemRecord, pageID: Int64, pageName: String, text: String, by person: String, at date: Date
    ) throws -> WrittenVersion {
        let root = session.root
        let itemID = item.id
        guard let head = try root.head(objectID: item.objectID) else {
            throw RunError(.archive, "object \(item.objectID) is missing from the archive; run `sohoa audit`")
        }
        let state = head.state
        let textPath = "text/\(pageName).txt"
        let altoPath = "alto/\(pageName).xml"
        guard state[textPath] != nil || state[altoPath] != nil else {
            throw RunError(.usage, "page '\(pageName)' of '\(itemID)' has no OCR text in the archive (an image-only item?)")
        }
        let plain = text.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        var changed: [String: Data] = [:]
        if state[textPath] != nil { changed[textPath] = Data((plain.isEmpty ? "" : plain + "\n").utf8) }
        var problems: [String] = [], changedFiles: [String: URL] = [:]
        let scratch = derivativesScratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        if state[altoPath] != nil {
            let alto = try read(item.objectID, altoPath)
            let revised = try ALTORevision.revise(alto, text: plain, by: person, at: date, software: SoftwareVersions.sohoaVersion)
            changed[altoPath] = Data(revised.utf8)
            let derivatives = revisedDerivatives(
                itemID: itemID, objectID: item.objectID, head: head, correctedALTO: [pageName: revised], scratch: scratch)
            changed.merge(derivatives.files) { _, new in new }
            for pdf in derivatives.pdfs { changedFiles[pdf.path] = pdf.url }
            problems = derivatives.problems
        }
        var unchanged = false
        if let newText = changed[textPath], let url = try root.contentURL(objectID: item.objectID, logicalPath: textPath) {
            unchanged = (try? Data(contentsOf: url)) == newText
        }
        if unchanged {
            return WrittenVersion(
                objectID: item.objectID, objectPath: root.objectPath(for: item.objectID), version: head.version, unchanged: true)
        }
        let written: WrittenVersion
        do {
            written = try writeCorrectedVersion(
                objectID: item.objectID, head: head, changed: changed, changedFiles: changedFiles, by: person,
                detail:
                    "OCR text of page \(pageName) corrected by \(person) (review); changed \((Array(changed.keys) + Array(changedFiles.keys)).sorted().joined(separator: ", "))"
                    + problems.map { "; \($0)" }.joined(),
                message: "correction of page \(pageName) by \(person)", at: date)
        } catch OCFLError.headMoved(_, let expected, let found) {
            throw RunError(
                .conflict,
                "item '\(itemID)' was changed by someone else while this correction was prepared (version \(expected), now "
                    + "\(found ?? "none")); nothing was written: check page \(pageName) and run the command again")
        }
        try session.catalog.write { tx throws(CatalogError) in
            try recordCorrection(
                in: tx, itemID: itemID, pageID: pageID, pageName: pageName, text: plain, written: written, by: person, at: date)
            // A reviewer who opened the page before this correction must reload it before saving.
            try tx.advancePageRevision(pageID: pageID)
        }
        return written
    }

    /// Writes the next version of `objectID` on top of `head` (refused with `OCFLError.headMoved` if
    /// the head moved since), with `changed` files (logical path → bytes) and `changedFiles` (logical
    /// path → a file on disk) replaced and a METS revised with a PREMIS `eventType` event by `person` (and
    /// given `structure`'s page labels and contents when set).
    func writeCorrectedVersion(
        objectID: String, head: ObjectHead, changed: [String: Data], changedFiles: [String: URL] = [:], by person: String,
        detail: String, message: String, at date: Date, eventType: String = "modification", structure: ItemStructure? = nil
    ) throws -> WrittenVersion {
        let root = session.root
        var changed = changed
        let event = PreservationEvent(
            type: eventType, date: date, agent: PreservationAgent(name: person, kind: .person), outcome: "success",
            detail: detail)
        var mets = try read(objectID, "mets.xml")
        if let structure { mets = try METSWriter.restructure(mets, structure: structure) }
        var facts = changed.mapValues { PackageFileFacts(of: $0) }
        for (path, url) in changedFiles { facts[path] = try PackageFileFacts(contentsOf: url) }
        let revised = try METSWriter.revise(mets, objectID: objectID, events: [event], changedFiles: facts, modifiedAt: date)
        changed["mets.xml"] = Data(revised.utf8)
        var files: [LogicalFile] = []
        for path in head.state.keys.sorted() {
            if let data = changed[path] {
                files.append(LogicalFile(logicalPath: path, source: .data(data)))
            } else if let url = changedFiles[path] {
                files.append(LogicalFile(logicalPath: path, source: .file(url)))
            } else if let url = try root.contentURL(objectID: objectID, logicalPath: path) {
                files.append(LogicalFile(logicalPath: path, source: .file(url)))
            }
        }
        return try root.writeVersion(
            objectID: objectID, files: files, message: message, user: VersionUser(name: person), created: date,
            expectedHead: head.version)
    }

    /// Records a written correction in the catalog: the page's text (and search index), the item's new
    /// version, and a `corrected` event.
    func recordCorrection(
        in tx: CatalogTransaction, itemID: String, pageID: Int64, pageName: String, text: String, written: WrittenVersion,
        by person: String, at date: Date
    ) throws(CatalogError) {
        try tx.recordPageText(pageID: pageID, itemID: itemID, text: text, at: date)
        try tx.markItemPackaged(id: itemID, version: written.version, objectPath: written.objectPath, at: date)
        try tx.addEvent(
            itemID: itemID, pageID: pageID, type: .corrected, agent: person, outcome: .success,
            detail: "page \(pageName): text corrected; archive object \(written.objectID) version \(written.version)", at: date)
    }

    func read(_ objectID: String, _ path: String) throws -> String {
        guard let url = try session.root.contentURL(objectID: objectID, logicalPath: path) else {
            throw RunError(.archive, "\(objectID) has no \(path); run `sohoa audit`")
        }
        return String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }
}
