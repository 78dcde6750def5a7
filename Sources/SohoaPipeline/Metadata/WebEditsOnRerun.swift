import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaCollection

/// What a re-run does with an archived item's description edited on the web (issue 14): the fields
/// and the page labels and contents that archivists changed since the item's last ingest (`WebEdits`,
/// from the archived METS) are kept over the batch's `item.yaml`; the others are taken from it.
struct WebEditsOnRerun: Sendable {
    /// The item's metadata for the run.
    var metadata: ItemMetadata
    /// Fields where `item.yaml` differs from the edit kept: `old` is item.yaml's value, `new` the kept one.
    var kept: [MetadataChange] = []
    /// Whether the page labels and contents edited on the web were kept over item.yaml's.
    var keptStructure = false

    /// The metadata a re-run of `item` takes, given the archive's head of it; `item.metadata` as it
    /// is when the item was never archived or not edited since its last ingest.
    static func resolve(
        _ item: PlannedItem, library: String, objectID: String, catalog: Catalog, root: OCFLStorageRoot
    ) throws -> WebEditsOnRerun {
        var result = WebEditsOnRerun(metadata: item.metadata)
        guard let record = try catalog.item(id: item.id), record.ocflVersion != nil,
            let mets = try root.contentURL(objectID: objectID, logicalPath: "mets.xml")
        else { return result }
        let edits = WebEdits(mets: String(decoding: try Data(contentsOf: mets), as: UTF8.self))
        guard !edits.isEmpty else { return result }
        let archived = ItemDescription(item: record, access: try catalog.access(itemID: item.id) ?? .public)
        let fromFile = item.metadata.itemDescription(itemID: item.id, library: library, access: archived.access)
        var merged = fromFile
        for field in edits.fields where field != .library {
            let value = field.text(of: archived)
            guard field.text(of: fromFile) != value else { continue }
            try? field.set(value, in: &merged)
            result.kept.append(MetadataChange(field: field, old: field.text(of: fromFile), new: value))
        }
        if !result.kept.isEmpty { result.metadata.take(merged) }
        if edits.structure, let stored = try catalog.structureJSON(itemID: item.id).flatMap(ItemStructure.init(json:)) {
            let pageCount = item.pages.count
            let fromYAML = try? item.metadata.structure(pageCount: pageCount, source: "item.yaml")
            var candidate = item.metadata
            candidate.take(stored)
            if let kept = try? candidate.structure(pageCount: pageCount, source: "the archive"), kept != fromYAML,
                stored.labels.count <= pageCount
            {
                result.metadata.pagination = candidate.pagination
                result.metadata.contents = candidate.contents
                result.keptStructure = true
            }
        }
        return result
    }

    /// The run's warning naming the item and the fields kept, or nil when nothing was kept.
    func warning(itemID: String) -> String? {
        guard !kept.isEmpty || keptStructure else { return nil }
        var fields = kept.map { "\($0.field.header) “\($0.new)” (item.yaml: “\($0.old)”)" }
        if keptStructure { fields.append(Messages.text("số trang in và mục lục", "page labels and contents")) }
        return Messages.text(
            "\(itemID): giữ bản sửa trên web: \(fields.joined(separator: "; ")) — muốn lấy theo item.yaml thì chạy lại với --metadata-from-files",
            "\(itemID): kept the edits made on the web: \(fields.joined(separator: "; ")) — run again with --metadata-from-files to take item.yaml"
        )
    }
}
