import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaCollection

extension PipelineJournal {
    /// A run killed after writing an item's object but before recording it leaves the catalog behind
    /// the archive. When the object's head holds exactly the item's pages (same names, masters with
    /// the same SHA-256) and the catalog has every page done, the head is recorded as the item's
    /// packaged version instead of writing a second version that differs only in dates.
    /// Returns whether the item was recorded so.
    func adoptArchivedObject(itemID: String, objectID: String, pages: [(name: String, sha256: String)], root: OCFLStorageRoot) -> Bool {
        attempt("the object of \(itemID) found in the archive") { () throws -> Bool in
            guard let item = try catalog.item(id: itemID), item.state != .packaged,
                let head = try root.headVersion(objectID: objectID),
                let state = try root.headState(objectID: objectID),
                let sha256 = try root.headSHA256(objectID: objectID)
            else { return false }
            let stored = try catalog.pages(itemID: itemID)
            guard !stored.isEmpty, stored.allSatisfy({ $0.state == .done }) else { return false }
            let planned = Set(pages.map(\.name))
            let byName = Dictionary(stored.map { ($0.name, $0.sourceSHA256) }, uniquingKeysWith: { first, _ in first })
            guard pages.allSatisfy({ byName[$0.name] == $0.sha256.lowercased() }) else { return false }
            // Pages archived: each planned page, or its two halves when it was split.
            let halves = Set(planned.flatMap { ["\($0)-a", "\($0)-b"] })
            guard stored.allSatisfy({ planned.contains($0.name) || halves.contains($0.name) }) else { return false }
            let split = Set(planned.filter { byName["\($0)-a"] != nil && byName["\($0)-b"] != nil })
            let expected = Set(stored.map(\.name)).subtracting(split)
            let archived = Set(
                state.keys.filter { $0.hasPrefix("access/") && $0.hasSuffix(".png") }.map { String($0.dropFirst(7).dropLast(4)) })
            let masters = Set(state.keys.filter { $0.hasPrefix("masters/") }.compactMap { sha256[$0] })
            guard archived == expected, masters == Set(pages.map { $0.sha256.lowercased() }) else { return false }
            try catalog.write { tx throws(CatalogError) in
                try tx.markItemPackaged(id: itemID, version: head, objectPath: root.objectPath(for: objectID), pageCount: expected.count)
                for page in stored {
                    guard let id = page.id else { continue }
                    try tx.setStage(pageID: id, stage: .metadata, state: .done)
                    try tx.setStage(pageID: id, stage: .package, state: .done)
                }
                try tx.addEvent(
                    itemID: itemID, type: .packaged, agent: SoftwareVersions.sohoa, outcome: .success,
                    detail: "archive object \(objectID) \(head) already holds these pages (written by a run that was "
                        + "interrupted before recording it); recorded without writing a new version")
            }
            return true
        } ?? false
    }
}
