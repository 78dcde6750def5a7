import Foundation
import SohoaArchive
import SohoaCatalog

/// Saves an archivist's page labels and table of contents for an archived item: a new OCFL version
/// whose METS has the new `ORDERLABEL`s, logical structMap and structLink, and a PREMIS `metadata
/// modification` event naming who, and a PDF whose labels and bookmarks follow (an incremental
/// update); the images and text stay as they are. The catalog's copy (served
/// to the item page, IIIF and search) follows.
public struct StructureEdit: Sendable {
    /// The archive.
    public let session: ArchiveSession

    /// An edit on `session`'s archive.
    public init(session: ArchiveSession) {
        self.session = session
    }

    /// The item's current page labels and contents (empty when it has none).
    public func current(itemID: String) throws(RunError) -> ItemStructure {
        do {
            return try session.catalog.structureJSON(itemID: itemID).flatMap(ItemStructure.init(json:)) ?? ItemStructure()
        } catch {
            throw RunError(.archive, "cannot read the structure of \(itemID): \(error)")
        }
    }

    /// Replaces the page labels and contents of item `itemID` with `structure`, as edited by `person`.
    /// Returns the version written (`unchanged` when the archive already holds this structure).
    public func apply(
        itemID: String, structure: ItemStructure, by person: String, at date: Date = Date()
    ) throws(RunError) -> WrittenVersion {
        let person = person.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !person.isEmpty else { throw RunError(.usage, "name who changed the structure") }
        do {
            return try save(itemID: itemID, structure: structure, by: person, at: date)
        } catch let error as RunError {
            throw error
        } catch let error as StructureError {
            throw RunError(.usage, error.description)
        } catch {
            throw RunError(.archive, "cannot save the structure of \(itemID): \(error)")
        }
    }

    private func save(itemID: String, structure proposed: ItemStructure, by person: String, at date: Date) throws -> WrittenVersion {
        guard let item = try session.catalog.item(id: itemID), item.ocflVersion != nil else {
            throw RunError(.usage, "no archived item '\(itemID)' in \(session.folder.path); `sohoa status` lists what is there")
        }
        let pageCount = try session.catalog.pageCount(itemID: itemID)
        guard proposed.labels.count <= pageCount else {
            throw RunError(.usage, "\(proposed.labels.count) page labels given but '\(itemID)' has \(pageCount) pages")
        }
        var structure = proposed
        structure.contents = try proposed.contents.resolved(pageCount: pageCount, source: "the structure of \(itemID)")
        if structure.labels.allSatisfy({ $0 == nil || $0?.isEmpty == true }) { structure.labels = [] }
        let correction = PageCorrection(session: session)
        return try correction.drafts.locked {
            guard let head = try session.root.head(objectID: item.objectID) else {
                throw RunError(.archive, "object \(item.objectID) is missing from the archive; run `sohoa audit`")
            }
            let mets = try correction.read(item.objectID, "mets.xml")
            if try METSWriter.restructure(mets, structure: structure) == mets {
                try session.catalog.write { tx throws(CatalogError) in
                    try tx.setStructureJSON(itemID: itemID, structure.isEmpty ? nil : structure.json, at: date)
                }
                return WrittenVersion(
                    objectID: item.objectID, objectPath: session.root.objectPath(for: item.objectID), version: head.version,
                    unchanged: true)
            }
            // The PDFs follow by an incremental update (same images and text layer).
            var changed: [String: Data] = [:]
            for pdfPath in ItemPDF.paths(itemID: itemID) where head.state[pdfPath] != nil {
                if let url = try session.root.contentURL(objectID: item.objectID, logicalPath: pdfPath) {
                    changed[pdfPath] = try PDFStructureRevision.revised(Data(contentsOf: url), structure: structure, path: pdfPath)
                }
            }
            let sections = structure.contents.flattened.count
            let labelled = structure.labels.compactMap { $0 }.count
            let written: WrittenVersion
            do {
                written = try correction.writeCorrectedVersion(
                    objectID: item.objectID, head: head, changed: changed, by: person,
                    detail: "page labels (\(labelled) pages) and table of contents (\(sections) sections) changed by \(person)",
                    message: "page labels and contents by \(person)", at: date, eventType: "metadata modification",
                    structure: structure)
            } catch OCFLError.headMoved(_, let expected, let found) {
                throw RunError(
                    .conflict,
                    "item '\(itemID)' was changed by someone else meanwhile (version \(expected), now \(found ?? "none")); "
                        + "nothing was written: reload the page and save again")
            }
            try session.catalog.write { tx throws(CatalogError) in
                try tx.setStructureJSON(itemID: itemID, structure.isEmpty ? nil : structure.json, at: date)
                try tx.markItemPackaged(id: itemID, version: written.version, objectPath: written.objectPath, at: date)
                try tx.addEvent(
                    itemID: itemID, type: "restructured", agent: person, outcome: .success,
                    detail: "page labels and contents changed; archive object \(written.objectID) version \(written.version)", at: date)
            }
            return written
        }
    }
}
