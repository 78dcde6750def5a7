import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaCollection

/// Everything the pipeline writes to the catalog, in one place, through one `CatalogWriter`: the
/// results of the stages are handed to it and written in batched transactions, in order; look-ups
/// and calls that need an answer wait for it. A catalog write that fails is reported once as a run
/// failure; it never stops the pages flowing (the archive is the truth, and the next run repairs
/// the catalog).
final class PipelineJournal: Sendable {
    let catalog: Catalog
    let writer: CatalogWriter

    /// Writes to `given` (`RunOptions.catalog`), else to the archive's own `catalog.sqlite`.
    init(archive: URL, catalog given: Catalog? = nil, outOfSpace: @escaping @Sendable (String) -> Bool = { _ in false }) throws(RunError) {
        if let given {
            catalog = given
        } else {
            do {
                catalog = try Catalog(url: archive.appendingPathComponent(Catalog.fileName))
            } catch {
                throw RunError(.archive, error.description)
            }
        }
        // A PostgreSQL catalog is named by its address (without the password), a file by its path.
        let name = catalog.isSQLite ? catalog.file.path : catalog.file.absoluteString
        writer = CatalogWriter(catalog: catalog, path: name, outOfSpace: outOfSpace)
    }

    /// Catalog problems met during the run, each once (call `drain()` first).
    var catalogProblems: [String] { writer.problems }

    /// Runs `body` on the writer, after every write handed in before; a failure is noted, and gives `nil`.
    func attempt<T>(_ what: String, _ body: () throws -> T) -> T? {
        writer.now {
            do {
                return try body()
            } catch {
                writer.failed(what, error)
                return nil
            }
        }
    }

    /// Hands a write to the writer and returns at once.
    func record(_ what: String, _ apply: @escaping @Sendable (CatalogTransaction) throws(CatalogError) -> Void) {
        writer.record(what, apply)
    }

    /// Waits until every write handed in is in the catalog.
    func drain() { writer.drain() }

    /// Batches left `running` by runs that were killed are closed as `interrupted`.
    func closeInterruptedBatches() {
        _ = attempt("the end of interrupted batches") { try catalog.closeInterruptedBatches() }
    }

    func startBatch(path: String, pipeline: String) -> Int64 {
        attempt("the batch") { try catalog.startBatch(path: path, pipeline: pipeline) } ?? 0
    }

    func finishBatch(_ id: Int64, summary: RunSummary) {
        let s = summary.snapshot
        let state: BatchRecord.State = s.stopped || summary.diskFull != nil ? .interrupted : .finished
        _ = attempt("the end of the batch") {
            try catalog.finishBatch(id: id, state: state, pages: s.pagesDone + s.pagesReused, failures: s.failures.count)
        }
    }

    func recordFailure(_ failure: StageFailure, batchID: Int64) {
        record("a failure") { tx throws(CatalogError) in
            try tx.recordFailure(
                batchID: batchID, itemID: failure.itemID, file: failure.file, page: nil, stage: failure.stage,
                reason: failure.page.map { "page \($0): \(failure.reason)" } ?? failure.reason)
        }
    }

    /// Whether the item is archived with exactly these pages (same names, same content).
    func isArchived(itemID: String, pages: [(name: String, sha256: String)]) -> Bool {
        attempt("a look-up") { () throws -> Bool in
            guard let item = try catalog.item(id: itemID), item.state == .packaged else { return false }
            let stored = try catalog.pages(itemID: itemID)
            guard stored.allSatisfy({ $0.state == .done }) else { return false }
            // A split spread adds `<page>-a` and `<page>-b` beside the page itself; any other page
            // in the catalog but not in the folder means the item changed.
            let planned = Set(pages.map(\.name))
            let halves = Set(planned.flatMap { ["\($0)-a", "\($0)-b"] })
            guard stored.allSatisfy({ planned.contains($0.name) || halves.contains($0.name) }) else { return false }
            let have = Set(stored.filter { planned.contains($0.name) }.map { "\($0.name)\u{0}\($0.sourceSHA256)" })
            let want = Set(pages.map { "\($0.name)\u{0}\($0.sha256.lowercased())" })
            return have == want
        } ?? false
    }

    /// Whether the catalog holds the item as packaged.
    func isPackaged(itemID: String) -> Bool {
        attempt("a look-up") { try catalog.item(id: itemID)?.state == .packaged } ?? false
    }

    /// Pages of the item not done yet.
    func pendingPages(itemID: String) -> Int {
        attempt("a look-up") { try catalog.pages(itemID: itemID).filter { $0.state != .done }.count } ?? 0
    }

    func isPageDone(sha256: String, itemID: String, name: String) -> Bool {
        attempt("a look-up") { try catalog.isPageDone(sha256: sha256, itemID: itemID, name: name) } ?? false
    }

    func registerItem(_ item: PlannedItem, context: ItemContext, library: String, batchID: Int64) {
        record("item \(item.id)") { tx throws(CatalogError) in
            let existing = try tx.item(id: item.id)
            let m = item.metadata
            var record = ItemRecord(
                id: item.id, libraryCode: library, title: m.title, creator: m.creator, date: m.date,
                language: m.languages.joined(separator: "+"), type: m.type,
                subject: m.subject.isEmpty ? nil : m.subject.joined(separator: "; "), holdingID: m.holdingID,
                metadataJSON: (try? JSONEncoder.sohoa.encode(m)).flatMap { String(data: $0, encoding: .utf8) },
                sourcePath: item.source.path, batchID: batchID, state: .pending, pageCount: item.pages.count)
            (record.serial, record.serialTitle, record.issueDate) = (m.serial, m.serialTitle, m.issueDate)
            (record.issueNumber, record.volume) = (m.issueNumber, m.volume)
            // An item archived earlier keeps its version until the new one is written.
            record.ocflVersion = existing?.ocflVersion
            record.objectPath = existing?.objectPath
            record.packagedAt = existing?.packagedAt
            try tx.upsertItem(record)
        }
    }

    func registerPage(_ page: PlannedPage, itemID: String, sha256: String) -> Int64 {
        attempt("page \(itemID)/\(page.name)") { () throws -> Int64 in
            if let existing = try catalog.page(itemID: itemID, name: page.name), existing.sourceSHA256 == sha256.lowercased(),
                let id = existing.id
            {
                var updated = existing
                updated.sequence = page.sequence
                updated.sourcePath = page.file.path
                return try catalog.upsertPage(updated).id ?? id
            }
            let record = PageRecord(
                itemID: itemID, name: page.name, sequence: page.sequence, sourcePath: page.file.path,
                sourceSHA256: sha256, frameIndex: page.frameIndex)
            return try catalog.upsertPage(record).id ?? 0
        } ?? 0
    }
}
