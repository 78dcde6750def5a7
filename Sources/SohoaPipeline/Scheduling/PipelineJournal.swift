import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaCollection
import Synchronization

/// Everything the pipeline writes to the catalog, in one place. A catalog write that fails is
/// reported once as a run failure; it never stops the pages flowing (the archive is the truth,
/// and the next run repairs the catalog).
final class PipelineJournal: Sendable {
    let catalog: Catalog
    let catalogURL: URL
    private let problems = Mutex<[String]>([])
    /// Told about every catalog write that failed; answers whether it failed because the disk is full.
    private let outOfSpace: @Sendable (String) -> Bool

    init(archive: URL, outOfSpace: @escaping @Sendable (String) -> Bool = { _ in false }) throws(RunError) {
        self.outOfSpace = outOfSpace
        catalogURL = archive.appendingPathComponent("catalog.sqlite")
        do {
            catalog = try Catalog(url: catalogURL)
        } catch {
            throw RunError(.archive, error.description)
        }
    }

    /// Catalog problems met during the run, each once.
    var catalogProblems: [String] { problems.withLock { $0 } }

    func attempt<T>(_ what: String, _ body: () throws -> T) -> T? {
        do {
            return try body()
        } catch {
            let message = "catalog \(catalogURL.path): could not record \(what): \(error)"
            _ = outOfSpace(message)
            problems.withLock { list in if !list.contains(message) { list.append(message) } }
            return nil
        }
    }

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
        _ = attempt("a failure") {
            try catalog.recordFailure(
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
        _ = attempt("item \(item.id)") {
            let existing = try catalog.item(id: item.id)
            let m = item.metadata
            var record = ItemRecord(
                id: item.id, libraryCode: library, title: m.title, creator: m.creator, date: m.date,
                language: m.languages.joined(separator: "+"), type: m.type,
                subject: m.subject.isEmpty ? nil : m.subject.joined(separator: "; "), holdingID: m.holdingID,
                metadataJSON: (try? JSONEncoder.sohoa.encode(m)).flatMap { String(data: $0, encoding: .utf8) },
                sourcePath: item.source.path, batchID: batchID, state: .pending, pageCount: item.pages.count)
            // An item archived earlier keeps its version until the new one is written.
            record.ocflVersion = existing?.ocflVersion
            record.objectPath = existing?.objectPath
            record.packagedAt = existing?.packagedAt
            try catalog.upsertItem(record)
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

    /// Registers one half (`a`, `b`) of a spread as its own page `<page>-a` / `<page>-b`.
    func registerSpreadPart(_ job: PageJob, part: String) -> Int64 {
        let page = PlannedPage(
            name: "\(job.page.name)-\(part)", sequence: job.page.sequence, file: job.page.file,
            frameIndex: job.page.frameIndex, frameCount: job.page.frameCount)
        return registerPage(page, itemID: job.item.id, sha256: job.sha256)
    }

    /// The spread `job` was split into `parts`: the halves are ingested and normalized; the spread's
    /// own page record is done, with nothing to recognize (its text is in the halves).
    func spreadSplit(_ job: PageJob, into parts: [PageJob]) {
        _ = attempt("the split of \(job.item.id)/\(job.page.name)") {
            try catalog.write { tx throws(CatalogError) in
                for part in parts {
                    try tx.setStage(pageID: part.pageID, stage: .ingest, state: .done)
                    try tx.setStage(pageID: part.pageID, stage: .normalize, state: .done)
                }
                guard var page = try tx.page(id: job.pageID) else { return }
                page.state = .done
                page.error = nil
                try tx.upsertPage(page)
                try tx.setStage(pageID: job.pageID, stage: .ocr, state: .skipped)
            }
        }
    }

    func stageDone(_ job: PageJob, _ stage: PipelineStage) {
        _ = attempt("a stage of \(job.item.id)/\(job.page.name)") {
            try catalog.setStage(pageID: job.pageID, stage: stage, state: .done)
        }
    }

    func pageRecognized(_ job: PageJob, _ result: PageResult) {
        _ = attempt("the text of \(job.item.id)/\(job.page.name)") {
            try catalog.write { tx throws(CatalogError) in
                guard var page = try tx.page(id: job.pageID) else { return }
                page.technicalJSON = Self.json(result.technical)
                page.normalizeReportJSON = Self.json(result.normalize)
                page.dpi = Double(result.dpi.dpi)
                page.dpiEstimated = result.dpi.estimated
                page.width = result.technical.width
                page.height = result.technical.height
                page.isBlank = result.normalize.blank
                page.meanConfidence = result.text?.meanConfidence
                page.wordCount = result.text?.words.count
                page.state = .done
                page.error = nil
                try tx.upsertPage(page)
                try tx.setStage(pageID: job.pageID, stage: .ocr, state: job.item.ocrLanguage == nil ? .skipped : .done)
                try tx.setPageSuspicion(pageID: job.pageID, reason: result.suspectReason, syllableShare: result.syllableShare)
                if let text = result.text, job.item.ocrLanguage != nil {
                    try tx.recordPageText(
                        pageID: job.pageID, itemID: job.item.id, text: text.plainText.precomposedStringWithCanonicalMapping)
                }
            }
        }
    }

    func pageFailed(_ job: PageJob, _ failure: StageFailure, batchID: Int64) {
        _ = attempt("a failure of \(job.item.id)/\(job.page.name)") {
            try catalog.write { tx throws(CatalogError) in
                if var page = try tx.page(id: job.pageID) {
                    page.state = .failed
                    page.error = failure.reason
                    try tx.upsertPage(page)
                }
                try tx.setStage(pageID: job.pageID, stage: failure.stage, state: .failed, error: failure.reason)
                try tx.recordFailure(
                    batchID: batchID, itemID: job.item.id, file: failure.file, page: job.page.frameIndex,
                    stage: failure.stage, reason: "page \(job.page.name): \(failure.reason)")
            }
        }
    }

    func itemDescribed(_ item: ItemWork) {
        _ = attempt("the events of \(item.item.id)") {
            try catalog.write { tx throws(CatalogError) in
                for event in item.events {
                    let type: EventRecord.EventType
                    switch event.type {
                    case "ingestion": type = .ingested
                    case "normalization": type = .normalized
                    case "optical character recognition": type = .recognized
                    default: type = EventRecord.EventType(rawValue: event.type)
                    }
                    try tx.addEvent(
                        itemID: item.item.id, type: type, agent: event.agent.name,
                        outcome: EventRecord.Outcome(rawValue: event.outcome) ?? .success, detail: event.detail, at: event.date)
                }
            }
        }
    }

    func itemPackaged(_ item: ItemWork, _ written: WrittenVersion) {
        _ = attempt("the packaging of \(item.item.id)") {
            try catalog.write { tx throws(CatalogError) in
                try tx.markItemPackaged(id: item.item.id, version: written.version, objectPath: written.objectPath)
                if let access = item.item.metadata.access {
                    try tx.setAccess(itemID: item.item.id, access, recordingChange: false)
                }
                for page in item.pages {
                    if let record = try tx.page(itemID: item.item.id, name: page.name), let id = record.id {
                        try tx.setStage(pageID: id, stage: .metadata, state: .done)
                        try tx.setStage(pageID: id, stage: .package, state: .done)
                    }
                }
                try tx.addEvent(
                    itemID: item.item.id, type: .packaged, agent: SoftwareVersions.sohoa,
                    outcome: item.failures.isEmpty ? .success : .warning,
                    detail: written.unchanged
                        ? "archive object \(written.objectID) already holds this state (\(written.version))"
                        : "archive object \(written.objectID) version \(written.version) at \(written.objectPath)")
            }
        }
    }

    func itemFailed(_ item: ItemWork, _ failure: StageFailure, batchID: Int64) {
        _ = attempt("the failure of \(item.item.id)") {
            try catalog.markItemFailed(id: item.item.id, reason: failure.reason)
        }
        recordFailure(failure, batchID: batchID)
    }

    static func json<T: Encodable>(_ value: T) -> String? {
        (try? JSONEncoder.sohoa.encode(value)).flatMap { String(data: $0, encoding: .utf8) }
    }
}
