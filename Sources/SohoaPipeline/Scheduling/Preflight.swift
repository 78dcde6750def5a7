import Foundation
import SohoaOCR

/// Before any page enters the stages: hash every original, skip items already archived with the
/// same pages, register items and pages in the catalog, and decide what each page can reuse.
struct Preflight: Sendable {
    /// What the run will do.
    struct Prepared: Sendable {
        var items: [ItemWork] = []
        var expectedPages: [String: Int] = [:]
        var jobs: [PageJob] = []
        var reusedPages: [(itemID: String, page: ItemWork.FinishedPage)] = []
    }

    let options: RunOptions
    let journal: PipelineJournal
    let work: WorkArea
    let batchID: Int64
    let progress: RunProgress

    func prepare(_ plan: BatchPlan) -> Prepared {
        var prepared = Prepared()
        let installed = TesseractEngine.availableLanguages(tessdata: options.tessdata)
        for item in plan.items {
            let library = item.metadata.libraryCode ?? options.defaultLibraryCode
            let context = ItemContext(
                id: item.id, objectID: "urn:sohoa:\(library):\(item.id)",
                ocrLanguage: ocrLanguage(for: item, installed: installed), pageCount: item.pages.count)
            // Files of this item refused while planning make it incomplete: say so in its events.
            var failures = plan.rejections
                .filter { $0.file.deletingLastPathComponent().standardizedFileURL == item.source.standardizedFileURL }
                .map { StageFailure(stage: .ingest, file: $0.file.path, itemID: item.id, reason: $0.reason) }
            var digests: [URL: String] = [:]
            for file in item.files {
                do {
                    digests[file] = try FileDigest.sha256(of: file)
                } catch {
                    let failure = StageFailure(
                        stage: .ingest, file: file.path, itemID: item.id, reason: "cannot be read: \(error.localizedDescription)")
                    failures.append(failure)
                    journal.recordFailure(failure, batchID: batchID)
                    progress.report(.failure(failure))
                }
            }
            let pages = item.pages.filter { digests[$0.file] != nil }
            guard !pages.isEmpty else { continue }
            let keyed = pages.map { (name: $0.name, sha256: digests[$0.file] ?? "") }
            if journal.isArchived(itemID: item.id, pages: keyed) {
                progress.report(.itemSkipped(item.id))
                continue
            }
            journal.registerItem(item, context: context, library: library, batchID: batchID)
            prepared.items.append(ItemWork(item: item, context: context, pages: [], failures: failures))
            prepared.expectedPages[item.id] = pages.count
            for page in pages {
                let sha = digests[page.file] ?? ""
                let folder = work.pageFolder(sha256: sha, frame: page.frameIndex)
                let pageID = journal.registerPage(page, itemID: item.id, sha256: sha)
                let job = PageJob(
                    item: context, page: page, sha256: sha, pageID: pageID, folder: folder,
                    reuse: reuse(page, sha, folder, item.id, context))
                if job.reuse == .everything {
                    prepared.reusedPages.append((item.id, .init(name: page.name, sequence: page.sequence, file: page.file, folder: folder)))
                } else {
                    prepared.jobs.append(job)
                }
            }
        }
        return prepared
    }

    /// The Tesseract language for an item, or `nil` (image-only) when it asks for `none` or for a
    /// language without an installed model — never OCR with a wrong model (DESIGN §2).
    func ocrLanguage(for item: PlannedItem, installed: Set<String>) -> String? {
        guard let wanted = OCRLanguage.tesseractString(for: item.metadata.languages) else { return nil }
        let missing = wanted.split(separator: "+").map(String.init).filter { !installed.contains($0) }
        guard missing.isEmpty else {
            progress.report(
                .warning(
                    "\(item.id): no OCR model for language \(missing.joined(separator: ", ")) in \(options.tessdata.path); "
                        + "the item is archived image-only (install the model, e.g. tesseract-ocr-\(missing[0]), and run again to add text)"
                ))
            return nil
        }
        return wanted
    }

    func reuse(_ page: PlannedPage, _ sha: String, _ folder: URL, _ itemID: String, _ context: ItemContext) -> PageJob.Reuse {
        guard let earlier = work.loadResult(in: folder), earlier.text != nil,
            earlier.ocrLanguage == context.ocrLanguage,
            journal.isPageDone(sha256: sha, itemID: itemID, name: page.name)
        else { return .none }
        let fm = FileManager.default
        if fm.fileExists(atPath: WorkArea.accessURL(in: folder).path), fm.fileExists(atPath: WorkArea.pdfImageURL(in: folder).path) {
            return .everything
        }
        return .text
    }
}
