import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaCollection

/// What the stages' results change in the catalog. Each is handed to the writer and applied in order
/// with the others (a page's results before its item is marked packaged).
extension PipelineJournal {
    /// Registers one half (`a`, `b`) of a spread as its own page `<page>-a` / `<page>-b`; returns its id.
    func registerSpreadPart(_ job: PageJob, part: String) -> Int64 {
        let page = PlannedPage(
            name: "\(job.page.name)-\(part)", sequence: job.page.sequence, file: job.page.file,
            frameIndex: job.page.frameIndex, frameCount: job.page.frameCount)
        return registerPage(page, itemID: job.item.id, sha256: job.sha256)
    }

    /// The spread `job` was split into `parts`: the halves are ingested and normalized; the spread's
    /// own page record is done, with nothing to recognize (its text is in the halves).
    func spreadSplit(_ job: PageJob, into parts: [PageJob]) {
        record("the split of \(job.item.id)/\(job.page.name)") { tx throws(CatalogError) in
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

    func stageDone(_ job: PageJob, _ stage: PipelineStage) {
        record("a stage of \(job.item.id)/\(job.page.name)") { tx throws(CatalogError) in
            try tx.setStage(pageID: job.pageID, stage: stage, state: .done)
        }
    }

    func pageRecognized(_ job: PageJob, _ result: PageResult) {
        record("the text of \(job.item.id)/\(job.page.name)") { tx throws(CatalogError) in
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
            try Self.flagForRescan(tx, pageID: job.pageID, result.captureFindings)
            if let text = result.text, job.item.ocrLanguage != nil {
                try tx.recordPageText(
                    pageID: job.pageID, itemID: job.item.id, text: text.plainText.precomposedStringWithCanonicalMapping)
            }
        }
    }

    func pageFailed(_ job: PageJob, _ failure: StageFailure, batchID: Int64) {
        record("a failure of \(job.item.id)/\(job.page.name)") { tx throws(CatalogError) in
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

    func itemDescribed(_ item: ItemWork) {
        record("the events of \(item.item.id)") { tx throws(CatalogError) in
            for event in item.events {
                try tx.addEvent(
                    itemID: item.item.id, type: event.type, agent: event.premis.agent.name,
                    outcome: EventRecord.Outcome(rawValue: event.premis.outcome) ?? .success, detail: event.summary,
                    at: event.premis.date)
            }
        }
    }

    /// Records the item's new version; waits until it is in the catalog (with every page result
    /// handed in before it), so that the item's page images may then be released.
    func itemPackaged(_ item: ItemWork, _ written: WrittenVersion) {
        _ = attempt("the packaging of \(item.item.id)") {
            try catalog.write { tx throws(CatalogError) in
                try tx.markItemPackaged(
                    id: item.item.id, version: written.version, objectPath: written.objectPath, pageCount: item.pages.count)
                if !written.unchanged {
                    let structure = try? item.item.metadata.structure(pageCount: item.pages.count, source: item.item.source.path)
                    try tx.setStructureJSON(itemID: item.item.id, structure.flatMap { $0.isEmpty ? nil : $0.json })
                }
                if let access = item.item.metadata.access {
                    try tx.setAccess(itemID: item.item.id, access, recordingChange: false)
                }
                for page in item.pages {
                    if let record = try tx.page(itemID: item.item.id, name: page.page.name), let id = record.id {
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
        record("the failure of \(item.item.id)") { tx throws(CatalogError) in
            try tx.markItemFailed(id: item.item.id, reason: failure.reason)
        }
        recordFailure(failure, batchID: batchID)
    }

    static func json<T: Encodable>(_ value: T) -> String? {
        (try? JSONEncoder.sohoa.encode(value)).flatMap { String(data: $0, encoding: .utf8) }
    }
}
