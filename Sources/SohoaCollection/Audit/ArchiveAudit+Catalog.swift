import Foundation
import SohoaArchive
import SohoaCatalog

extension ArchiveAudit {
    /// `sohoa audit --catalog`: checks that the catalog and the archive agree. Every item with a
    /// recorded version has its object at that head, in the recorded folder, with the catalog's done
    /// pages (and their masters, by SHA-256); every object has one catalog item; pages' states agree
    /// with each other and with their item's. Reads only inventories, never content files.
    public func checkCatalog() throws(RunError) -> CatalogAuditReport {
        // A run writes the catalog and the archive one after the other: they disagree while it works.
        if let holder = RunLock.currentHolder(archive: session.folder) {
            throw RunError(.archive, Messages.archiveBusy(archive: session.folder.path, holder: holder))
        }
        let root = session.root
        let items: [ItemRecord]
        let objectIDs: [String]
        do {
            items = try session.catalog.items()
        } catch {
            throw RunError(.archive, "cannot read the catalog: \(error)")
        }
        do {
            objectIDs = try root.objectIDs()
        } catch {
            throw RunError(
                .archive, "cannot list the objects of \(session.folder.path) (\(error)); run `sohoa audit` to find the damaged object")
        }
        var findings: [CatalogFinding] = []
        var pagesChecked = 0
        for item in items {
            let (found, pages) = check(item, root: root)
            findings += found
            pagesChecked += pages
        }
        let catalogued = Set(items.map(\.objectID))
        var byItem: [String: [String]] = [:]
        for objectID in objectIDs {
            if !catalogued.contains(objectID) {
                findings.append(
                    CatalogFinding(
                        kind: .uncatalogued, itemID: nil, objectID: objectID,
                        detail: "the object is in the archive at \(root.objectPath(for: objectID)) but no catalog item has it"))
            }
            byItem[String(objectID.split(separator: ":", omittingEmptySubsequences: false).last ?? ""), default: []].append(objectID)
        }
        for (itemID, objects) in byItem.sorted(by: { $0.key < $1.key }) where objects.count > 1 {
            findings.append(
                CatalogFinding(
                    kind: .duplicate, itemID: itemID, objectID: objects.sorted().joined(separator: ", "),
                    detail: "item \(itemID) is in the archive \(objects.count) times: \(objects.sorted().joined(separator: ", "))"))
        }
        return CatalogAuditReport(
            itemsChecked: items.count, objectsChecked: objectIDs.count, pagesChecked: pagesChecked, findings: findings)
    }

    /// The findings about one catalog item, and the number of its pages compared.
    private func check(_ item: ItemRecord, root: OCFLStorageRoot) -> ([CatalogFinding], Int) {
        var findings: [CatalogFinding] = []
        func finding(_ kind: CatalogFinding.Kind, _ page: String?, _ detail: String) {
            findings.append(CatalogFinding(kind: kind, itemID: item.id, objectID: item.objectID, page: page, detail: detail))
        }
        let head: String?
        do {
            head = try root.headVersion(objectID: item.objectID)
        } catch {
            finding(.unreadable, nil, "\(error)")
            return (findings, 0)
        }
        guard let head else {
            if let recorded = item.ocflVersion {
                finding(.objectMissing, nil, "the catalog records version \(recorded), but the archive has no object for the item")
            } else if item.state == .packaged {
                finding(.objectMissing, nil, "the catalog says packaged, but the archive has no object for the item")
            }
            return (findings, 0)
        }
        guard let recorded = item.ocflVersion else {
            finding(.notRecorded, nil, "the archive holds \(head) of the item's object; the catalog records no version")
            return (findings, 0)
        }
        if recorded != head {
            finding(.versionMismatch, nil, "the catalog records \(recorded), the object's head is \(head)")
        }
        let expectedPath = root.objectPath(for: item.objectID)
        if let path = item.objectPath, path != expectedPath {
            finding(.pathMismatch, nil, "the catalog records the folder \(path), the storage layout gives \(expectedPath)")
        }
        guard item.state == .packaged, recorded == head else { return (findings, 0) }
        let pages: [PageRecord]
        let state: [String: String]
        let sha256: [String: String]
        do {
            pages = try session.catalog.pages(itemID: item.id)
            state = try root.headState(objectID: item.objectID) ?? [:]
            sha256 = try root.headSHA256(objectID: item.objectID) ?? [:]
        } catch {
            finding(.unreadable, nil, "\(error)")
            return (findings, 0)
        }
        let names = Set(pages.map(\.name))
        // A split spread is recorded as the page and its halves `<page>-a`, `<page>-b`; only the halves are archived.
        let spreads = Set(pages.map(\.name).filter { names.contains("\($0)-a") && names.contains("\($0)-b") })
        let archivedPages = Set(
            state.keys.filter { $0.hasPrefix("access/") && $0.hasSuffix(".png") }.map { String($0.dropFirst(7).dropLast(4)) })
        let masters = Set(state.keys.filter { $0.hasPrefix("masters/") }.compactMap { sha256[$0] })
        for page in pages {
            switch page.state {
            case .pending:
                finding(.pageState, page.name, "the page is pending, but its item is packaged")
            case .failed:
                if archivedPages.contains(page.name) {
                    finding(.pageState, page.name, "the page failed in the catalog, but it is in the archive")
                }
            case .done:
                if !masters.contains(page.sourceSHA256) {
                    finding(.pageMissing, page.name, "no master in \(head) has the page's SHA-256 \(page.sourceSHA256.prefix(16))…")
                }
                guard !spreads.contains(page.name) else { continue }
                if !archivedPages.contains(page.name) {
                    finding(.pageMissing, page.name, "the page is done in the catalog, but \(head) has no access/\(page.name).png")
                }
                if let id = page.id, let ocr = try? session.catalog.stages(pageID: id).first(where: { $0.stage == .ocr }),
                    ocr.state != .done && ocr.state != .skipped
                {
                    finding(.pageState, page.name, "the page is done, but its OCR stage is \(ocr.state.rawValue)")
                }
            }
        }
        for name in archivedPages.subtracting(names).sorted() {
            finding(.pageNotCatalogued, name, "\(head) holds access/\(name).png, but the catalog has no such page")
        }
        return (findings, pages.count)
    }
}
