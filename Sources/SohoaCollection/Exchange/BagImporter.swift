import Foundation
import SohoaArchive
import SohoaCatalog

/// `sohoa import`: takes a bag from another library into this archive. The bag is verified completely
/// first; a damaged bag is refused with every problem listed and nothing of it is ingested. A sound bag
/// becomes an OCFL object (or a new version of it) under the object id it came with, and a catalog item
/// with its pages and texts, so search finds it; the import is recorded as a PREMIS event and a catalog event.
public struct BagImporter: Sendable {
    /// The receiving archive.
    public let session: ArchiveSession

    /// An importer into `session`'s archive.
    public init(session: ArchiveSession) {
        self.session = session
    }

    /// Opens the archive at `folder`, creating an empty one when the folder is missing or empty
    /// (a provincial archive may start with imports). `catalog` is the catalog to write (`sohoa import
    /// --catalog`); `nil`: the archive's own `catalog.sqlite`.
    public static func openArchive(_ folder: URL, catalog: Catalog? = nil) throws(RunError) -> ArchiveSession {
        do {
            _ = try OCFLStorageRoot.openOrCreate(at: folder)
        } catch {
            throw RunError(.archive, "the archive at \(folder.path) cannot be used: \(error)")
        }
        guard let catalog else { return try ArchiveSession(folder: folder) }
        return try ArchiveSession(folder: folder) { () throws(CatalogError) in catalog }
    }

    /// Verifies and ingests the bag at `url`. Throws `BagProblems` for a damaged or unusable bag (nothing
    /// ingested), `RunError` when the archive or catalog cannot be written.
    public func importBag(_ url: URL, at date: Date = Date()) throws -> ImportedBag {
        let bag = try BagVerifier.verify(url)
        let mets = String(decoding: try Data(contentsOf: bag.payload["mets.xml"] ?? url), as: UTF8.self)
        let metsID = METSWriter.objectID(in: mets)
        let objectID = (bag.value("External-Identifier") ?? metsID ?? "").precomposedStringWithCanonicalMapping
        var problems: [String] = []
        if let metsID, metsID.precomposedStringWithCanonicalMapping != objectID {
            problems.append("bag-info.txt External-Identifier is \(objectID) but mets.xml OBJID is \(metsID)")
        }
        let parts = objectID.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, parts[0] == "urn", parts[1] == "sohoa", !parts[2].isEmpty, !parts[3].isEmpty,
            !parts[3].contains("/")
        else {
            throw BagProblems(
                bag: bag.url.path, problems: problems + ["object id '\(objectID)' is not urn:sohoa:<library-code>:<item-id>"])
        }
        let library = parts[2]
        let itemID = parts[3]
        if let existing = try session.catalog.item(id: itemID), existing.objectID != objectID {
            problems.append("item '\(itemID)' is already in this archive as \(existing.objectID), not \(objectID)")
        }
        if !problems.isEmpty { throw BagProblems(bag: bag.url.path, problems: problems) }

        let source = bag.value("Source-Organization") ?? library
        let detail =
            "imported from bag \(bag.url.lastPathComponent) (Source-Organization \(source)"
            + (bag.value("Bagging-Date").map { ", Bagging-Date \($0)" } ?? "") + ", External-Identifier \(objectID)"
            + (bag.value("Bag-Software-Agent").map { ", made by \($0)" } ?? "") + "); every manifest checksum verified"
        let event = PreservationEvent(
            type: "ingestion", date: date, agent: PreservationAgent(name: SoftwareVersions.sohoa), outcome: "success", detail: detail)
        let revised = try? METSWriter.revise(mets, objectID: objectID, events: [event], changedFiles: [:], modifiedAt: date)
        var files: [LogicalFile] = []
        for (path, file) in bag.payload.sorted(by: { $0.key < $1.key }) {
            if path == "mets.xml", let revised {
                files.append(LogicalFile(logicalPath: path, source: .data(Data(revised.utf8))))
            } else {
                files.append(LogicalFile(logicalPath: path, source: .file(file)))
            }
        }
        let written: WrittenVersion
        do {
            written = try session.root.writeVersion(
                objectID: objectID, files: files, message: "imported from bag \(bag.url.lastPathComponent) (\(source))",
                user: VersionUser(name: SoftwareVersions.sohoa, address: "urn:sohoa:agent:import"), created: date)
        } catch {
            throw RunError(.archive, "cannot write \(objectID) into the archive: \(error)")
        }
        let pages = try catalogue(
            bag, objectID: objectID, itemID: itemID, library: library, mets: mets, written: written, detail: detail, at: date)
        return ImportedBag(
            bag: bag.url.path, itemID: itemID, objectID: objectID, version: written.version, unchanged: written.unchanged,
            pageCount: pages)
    }

    /// Stores the item, its pages and texts, and the import event; returns the number of pages.
    private func catalogue(
        _ bag: Bag, objectID: String, itemID: String, library: String, mets: String, written: WrittenVersion, detail: String,
        at date: Date
    ) throws -> Int {
        let dc = BagImporter.dublinCore(bag.payload["dc.xml"].flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? "")
        let names = BagImporter.pageNames(mets: mets, payload: Array(bag.payload.keys))
        let description = BagImporter.description(dc: dc, mets: mets, library: library, itemID: itemID)
        let record = description.applied(
            to: ItemRecord(
                id: itemID, libraryCode: library, sourcePath: bag.url.path, state: .packaged, ocflVersion: written.version,
                objectPath: written.objectPath, pageCount: names.count, packagedAt: date))
        let structure = ItemStructure(mets: mets)
        var pageRecords: [(PageRecord, String?)] = []
        for (index, name) in names.enumerated() {
            let master = BagImporter.master(of: name, payload: bag.payload)
            let digestSource = master?.url ?? bag.payload["access/\(name).png"] ?? bag.payload["mets.xml"]
            let sha256 = try digestSource.map { try PackageFileFacts(contentsOf: $0).sha256 } ?? String(repeating: "0", count: 64)
            let text = bag.payload["text/\(name).txt"].flatMap { try? String(contentsOf: $0, encoding: .utf8) }
            let page = PageRecord(
                itemID: itemID, name: name, sequence: index + 1,
                sourcePath: bag.url.appendingPathComponent("data").appendingPathComponent(master?.path ?? "mets.xml").path,
                sourceSHA256: sha256, frameIndex: master?.frame, state: .done,
                wordCount: text.map { $0.split(whereSeparator: \.isWhitespace).count })
            pageRecords.append((page, text))
        }
        do {
            try session.catalog.write { tx throws(CatalogError) in
                try tx.upsertItem(record, at: date)
                try tx.setStructureJSON(itemID: itemID, structure.isEmpty ? nil : structure.json, at: date)
                for (page, text) in pageRecords {
                    let stored = try tx.upsertPage(page, at: date)
                    guard let id = stored.id else { continue }
                    for stage in PipelineStage.allCases {
                        try tx.setStage(pageID: id, stage: stage, state: stage == .ocr && text == nil ? .skipped : .done, at: date)
                    }
                    if let text {
                        try tx.recordPageText(
                            pageID: id, itemID: itemID, text: text.trimmingCharacters(in: .whitespacesAndNewlines), at: date)
                    }
                }
                try tx.addEvent(
                    itemID: itemID, type: "imported", agent: SoftwareVersions.sohoa, outcome: .success,
                    detail: detail + "; archive object version \(written.version)" + (written.unchanged ? " (already held)" : ""), at: date)
            }
        } catch {
            throw RunError(
                .archive, "the object \(objectID) is archived, but the catalog could not record it: \(error); run the import again")
        }
        return names.count
    }
}
