import Foundation
import SohoaArchive
import SohoaCatalog

/// Copies outputs of archived items out of the archive's current versions (never from scratch
/// files), so what is exported is exactly what is preserved.
public struct Exporter: Sendable {
    public let session: ArchiveSession

    public init(session: ArchiveSession) {
        self.session = session
    }

    /// Exports `itemIDs` (all archived items when nil) in `format` into `out`; returns the files
    /// written. The MARC formats are one file for all items: `marc(itemIDs:format:to:publicURL:)`
    /// writes them. A PDF format asked of a named item packaged without that PDF is a usage error
    /// saying so; with every item, such items are skipped and named.
    public func export(itemIDs: [String]?, format: ExportFormat, to out: URL) throws(RunError) -> FileExport {
        guard !format.isMARC else { throw Self.notPerItem(format) }
        return try exportFiles(try archivedItems(itemIDs), named: itemIDs != nil, format: format, to: out)
    }

    /// The error for a MARC format given to `export`, which writes files item by item.
    private static func notPerItem(_ format: ExportFormat) -> RunError {
        RunError(.usage, "\(format.rawValue) is one file of records for all items: Exporter.marc writes it")
    }

    /// The archived items `itemIDs` names (every archived item when nil); an unknown id is a usage error.
    func archivedItems(_ itemIDs: [String]?) throws(RunError) -> [ItemRecord] {
        let items: [ItemRecord]
        do {
            if let itemIDs {
                items = try itemIDs.map { id throws -> ItemRecord in
                    guard let item = try session.catalog.item(id: id), item.ocflVersion != nil else {
                        throw RunError(.usage, "no archived item '\(id)' in \(session.folder.path); `sohoa status` lists what is there")
                    }
                    return item
                }
            } else {
                items = try session.catalog.items().filter { $0.ocflVersion != nil }
            }
        } catch let error as RunError {
            throw error
        } catch {
            throw RunError(.archive, "cannot read the catalog: \(error)")
        }
        return items
    }

    private func exportFiles(_ items: [ItemRecord], named: Bool, format: ExportFormat, to out: URL) throws(RunError) -> FileExport {
        var written: [URL] = []
        var skipped: [String] = []
        do {
            // Every item's head state first: a named item without the asked-for PDF is refused before anything is written.
            var heads: [(item: ItemRecord, state: [String: String])] = []
            for item in items {
                guard let state = try session.root.headState(objectID: item.objectID) else {
                    throw RunError(
                        .archive,
                        "item '\(item.id)' is in the catalog but its object \(item.objectID) is missing from the archive; run `sohoa audit`"
                    )
                }
                if let path = Self.pdfPath(format, itemID: item.id), state[path] == nil {
                    guard !named else { throw RunError(.usage, Messages.packagedWithout(itemID: item.id, format: format)) }
                    skipped.append(item.id)
                    continue
                }
                heads.append((item, state))
            }
            for (item, state) in heads {
                let paths = state.keys.sorted { NaturalOrder.areInIncreasingOrder($0, $1) }
                switch format {
                case .pdf, .pdfReading:
                    if let path = Self.pdfPath(format, itemID: item.id) {
                        written.append(try copy(item.objectID, path, to: out.appendingPathComponent("\(item.id).pdf")))
                    }
                case .bag:
                    written.append(try bag(item, paths: paths, to: out.appendingPathComponent(item.id)))
                case .marc, .marcxml:
                    throw Self.notPerItem(format)
                case .text, .alto:
                    let (prefix, suffix) = format == .text ? ("text/", ".txt") : ("alto/", ".xml")
                    for path in paths where path.hasPrefix(prefix) && path.hasSuffix(suffix) {
                        let name = String(path.dropFirst(prefix.count))
                        written.append(try copy(item.objectID, path, to: out.appendingPathComponent(item.id).appendingPathComponent(name)))
                    }
                }
            }
        } catch let error as RunError {
            throw error
        } catch {
            throw RunError(.archive, "export failed: \(error)")
        }
        return FileExport(files: written, skipped: skipped)
    }

    /// The logical path of the PDF `format` exports (nil for the formats that are not one PDF).
    private static func pdfPath(_ format: ExportFormat, itemID: String) -> String? {
        switch format {
        case .pdf: ItemPDF.archivalPath(itemID: itemID)
        case .pdfReading: ItemPDF.readingPath(itemID: itemID)
        case .bag, .marc, .marcxml, .text, .alto: nil
        }
    }

    /// Writes the item's object (head version) as a BagIt bag at `destination`.
    private func bag(_ item: ItemRecord, paths: [String], to destination: URL) throws -> URL {
        var payload: [String: URL] = [:]
        for path in paths {
            guard let source = try session.root.contentURL(objectID: item.objectID, logicalPath: path) else {
                throw RunError(.archive, "\(item.objectID): \(path) is listed but missing; run `sohoa audit`")
            }
            payload[path] = source
        }
        let version = try session.root.headVersion(objectID: item.objectID) ?? "?"
        let date = ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withFullDate])
        let info = [
            BagInfoEntry("Source-Organization", item.libraryCode),
            BagInfoEntry("Bagging-Date", date),
            BagInfoEntry("External-Identifier", item.objectID),
            BagInfoEntry("Internal-Sender-Identifier", item.id),
            BagInfoEntry("Internal-Sender-Description", "OCFL object \(item.objectID), version \(version): \(item.title ?? item.id)"),
            BagInfoEntry("Bag-Software-Agent", SoftwareVersions.sohoa),
        ]
        return try BagWriter.write(payload: payload, info: info, to: destination).url
    }

    private func copy(_ objectID: String, _ logicalPath: String, to destination: URL) throws -> URL {
        guard let source = try session.root.contentURL(objectID: objectID, logicalPath: logicalPath) else {
            throw RunError(.archive, "\(objectID): \(logicalPath) is listed but missing; run `sohoa audit`")
        }
        let fm = FileManager.default
        try fm.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        if fm.fileExists(atPath: destination.path) { try fm.removeItem(at: destination) }
        try fm.copyItem(at: source, to: destination)
        return destination
    }
}
