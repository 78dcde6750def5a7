import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaText

/// Writes archivists' edits of items' descriptions: each changed item gets a new OCFL version with
/// its `dc.xml` and the DC and MODS in `mets.xml` rewritten and a PREMIS `metadata modification`
/// event naming who; the catalog's item record (search, OAI datestamp) and access level follow.
/// Writes hold the same lock as corrections (`ReviewDrafts.locked`), so no save interleaves with
/// another save or a review, in this process or another.
public struct MetadataEditor: Sendable {
    /// The archive.
    public let session: ArchiveSession

    /// An editor of `session`'s archive.
    public init(session: ArchiveSession) {
        self.session = session
    }

    /// The archived description of `itemID`, or nil when no packaged item has that id.
    public func description(of itemID: String) throws(MetadataEditError) -> ItemDescription? {
        do {
            guard let item = try session.catalog.item(id: itemID), item.state == .packaged, item.ocflVersion != nil else { return nil }
            return ItemDescription(item: item, access: try session.catalog.access(itemID: itemID) ?? .public)
        } catch {
            throw .failed("the catalog cannot be read: \(error)")
        }
    }

    /// Every archived item's description, by item id (for `sohoa metadata export`).
    public func archivedDescriptions() throws(MetadataEditError) -> [(itemID: String, description: ItemDescription)] {
        do {
            return try session.catalog.items(state: .packaged).filter { $0.ocflVersion != nil }.map { item in
                (item.id, ItemDescription(item: item, access: try session.catalog.access(itemID: item.id) ?? .public))
            }
        } catch {
            throw .failed("the catalog cannot be read: \(error)")
        }
    }

    /// The changes `edit` would make, checked as a save checks them; nothing is written.
    public func changes(_ edit: MetadataEdit) throws(MetadataEditError) -> [MetadataChange] {
        guard let old = try description(of: edit.itemID) else { throw .noSuchItem(edit.itemID) }
        return try Self.checked(edit, against: old)
    }

    /// Saves `edit` as `person`: a new version when something changed, none otherwise.
    public func apply(_ edit: MetadataEdit, by person: String, at date: Date = Date()) throws(MetadataEditError) -> MetadataEditResult {
        let person = person.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !person.isEmpty else { throw .failed("name who made the change") }
        let result: Result<MetadataEditResult, MetadataEditError>
        do {
            result = try ReviewDrafts(archive: session.folder).locked {
                do throws(MetadataEditError) {
                    return .success(try applyLocked(edit, by: person, at: date))
                } catch {
                    return .failure(error)
                }
            }
        } catch {
            throw .failed("the archive's lock cannot be taken: \(error)")
        }
        return try result.get()
    }

    private func applyLocked(_ edit: MetadataEdit, by person: String, at date: Date) throws(MetadataEditError) -> MetadataEditResult {
        guard let old = try description(of: edit.itemID) else { throw .noSuchItem(edit.itemID) }
        let changes = try Self.checked(edit, against: old)
        guard !changes.isEmpty else { return MetadataEditResult(itemID: edit.itemID, changes: [], written: nil) }
        do {
            guard let item = try session.catalog.item(id: edit.itemID) else { throw MetadataEditError.noSuchItem(edit.itemID) }
            guard let head = try session.root.head(objectID: item.objectID) else {
                throw MetadataEditError.failed("object \(item.objectID) is missing from the archive; run `sohoa audit`")
            }
            if let basedOn = edit.basedOn, basedOn != head.version {
                throw MetadataEditError.conflict(itemID: item.id, expected: basedOn, current: head.version)
            }
            let written = try writeVersion(item: item, head: head, description: edit.description, changes: changes, by: person, at: date)
            try session.catalog.write { tx throws(CatalogError) in
                try tx.upsertItem(edit.description.applied(to: item), at: date)
                try tx.markItemPackaged(id: item.id, version: written.version, objectPath: written.objectPath, at: date)
                if edit.description.access != old.access { try tx.setAccess(itemID: item.id, edit.description.access, at: date) }
                try tx.addEvent(
                    itemID: item.id, type: "metadata-edited", agent: person,
                    detail: "\(Self.summary(changes)); archive object \(written.objectID) version \(written.version)", at: date)
            }
            return MetadataEditResult(itemID: item.id, changes: changes, written: written)
        } catch let error as MetadataEditError {
            throw error
        } catch OCFLError.headMoved(_, let expected, let found) {
            throw .conflict(itemID: edit.itemID, expected: expected, current: found ?? "none")
        } catch {
            throw .failed("cannot save the description of \(edit.itemID): \(error)")
        }
    }

    /// The next version: `dc.xml` and the METS descriptions from `description`, and the event.
    private func writeVersion(
        item: ItemRecord, head: ObjectHead, description: ItemDescription, changes: [MetadataChange], by person: String,
        at date: Date
    ) throws -> WrittenVersion {
        let root = session.root
        let objectID = item.objectID
        func read(_ path: String) throws -> String {
            guard let url = try root.contentURL(objectID: objectID, logicalPath: path) else {
                throw MetadataEditError.failed("\(objectID) has no \(path); run `sohoa audit`")
            }
            return String(decoding: try Data(contentsOf: url), as: UTF8.self)
        }
        let archivedDC = head.state["dc.xml"] != nil ? try read("dc.xml") : ""
        var dc = description.dublinCore(
            objectID: objectID, format: Self.element("format", in: archivedDC), source: Self.element("source", in: archivedDC))
        if dc.rights == nil {
            // An item without rights of its own keeps the archive's default, as at ingest.
            dc.rights = try RightsDefaults.load(archive: session.folder).statement(library: item.libraryCode, collection: description.type)?
                .uri
        }
        let event = PreservationEvent(
            type: "metadata modification", date: date, agent: PreservationAgent(name: person, kind: .person), outcome: "success",
            detail: "descriptive metadata changed by \(person): \(Self.summary(changes))")
        let mets = try METSWriter.revise(
            try METSWriter.revisingDescription(try read("mets.xml"), dc: dc), objectID: objectID, events: [event],
            changedFiles: [:], modifiedAt: date)
        var changed = ["dc.xml": Data(DublinCoreWriter.oaiDC(dc).utf8), "mets.xml": Data(mets.utf8)]
        // The PDFs' title and rights follow, by an incremental update (their pages stay as they are).
        for pdfPath in ItemPDF.paths(itemID: item.id)
        where changes.contains(where: { [.title, .creator, .rights].contains($0.field) }) && head.state[pdfPath] != nil {
            if let url = try root.contentURL(objectID: objectID, logicalPath: pdfPath) {
                changed[pdfPath] = try PDFMetadataRevision.revised(url, file: pdfPath, metadata: PDFXMPMetadata(dc: dc), at: date)
            }
        }
        var files: [LogicalFile] = []
        for path in Set(head.state.keys).union(changed.keys).sorted() {
            if let data = changed[path] {
                files.append(LogicalFile(logicalPath: path, source: .data(data)))
            } else if let url = try root.contentURL(objectID: objectID, logicalPath: path) {
                files.append(LogicalFile(logicalPath: path, source: .file(url)))
            }
        }
        return try root.writeVersion(
            objectID: objectID, files: files, message: "metadata of \(item.id) changed by \(person)", user: VersionUser(name: person),
            created: date, expectedHead: head.version)
    }

    /// The changes of `edit` from `old`, refused when a field cannot change (the library).
    static func checked(_ edit: MetadataEdit, against old: ItemDescription) throws(MetadataEditError) -> [MetadataChange] {
        if edit.description.libraryCode != old.libraryCode {
            throw .invalid(
                MetadataFieldError(
                    field: .library,
                    message:
                        "the library of an archived item cannot change (it is part of its archive id \(old.libraryCode)); keep \(old.libraryCode)"
                ))
        }
        return edit.description.changes(from: old)
    }

    /// `title: "old" → "new"; date: …`.
    static func summary(_ changes: [MetadataChange]) -> String {
        changes.map { "\($0.field.header): \"\($0.old)\" → \"\($0.new)\"" }.joined(separator: "; ")
    }

    /// The first `dc:<name>` of an oai_dc document, unescaped; nil when it has none.
    static func element(_ name: String, in xml: String) -> String? {
        guard let start = xml.range(of: "<dc:\(name)>"), let end = xml.range(of: "</dc:\(name)>", range: start.upperBound..<xml.endIndex)
        else { return nil }
        return String(xml[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
