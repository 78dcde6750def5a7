import Crypto
import Foundation
import SohoaArchive
import SohoaOCR

/// Before any page enters the stages: hash every original, skip items already archived with the
/// same pages, register items and pages in the catalog, and decide what each page can reuse.
struct Preflight: Sendable {
    /// What the run will do.
    struct Prepared: Sendable {
        var items: [ItemWork] = []
        var expectedPages: [String: Int] = [:]
        var jobs: [PageJob] = []
        /// Pages done whole in an earlier run: they go straight to their items.
        var reusedPages: [PageJob] = []
    }

    /// An item worth running, after its files were hashed; nothing is in the catalog yet.
    struct SurveyedItem: Sendable {
        var item: PlannedItem
        var context: ItemContext
        var library: String
        /// Pages whose file could be read, with the SHA-256 of each file.
        var pages: [PlannedPage]
        var digests: [URL: String]
        /// Files refused while planning or unreadable while hashing.
        var failures: [StageFailure]
        /// Of `failures`, those found while hashing (not yet recorded).
        var unreadable: [StageFailure]
        /// Bytes of the item's readable files.
        var masterBytes: Int64
    }

    let options: RunOptions
    let root: OCFLStorageRoot
    let journal: PipelineJournal
    let work: WorkArea
    let progress: RunProgress

    /// Hashes every original and drops items already archived with the same pages (removing a staging
    /// folder a killed run left for one); writes nothing else.
    func survey(_ plan: BatchPlan) -> [SurveyedItem] {
        var surveyed: [SurveyedItem] = []
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
            var unreadable: [StageFailure] = []
            var digests: [URL: String] = [:]
            var bytes: Int64 = 0
            for file in item.files {
                do {
                    digests[file] = try FileHasher.hex(SHA256.self, of: file)
                    let size = ((try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? NSNumber)?.int64Value
                    bytes += size ?? 0
                } catch {
                    unreadable.append(
                        StageFailure(
                            stage: .ingest, file: file.path, itemID: item.id, reason: "cannot be read: \(error.localizedDescription)"))
                }
            }
            failures += unreadable
            let pages = item.pages.filter { digests[$0.file] != nil }
            guard !pages.isEmpty else {
                if !unreadable.isEmpty {
                    surveyed.append(
                        SurveyedItem(
                            item: item, context: context, library: library, pages: [], digests: [:], failures: failures,
                            unreadable: unreadable, masterBytes: 0))
                }
                continue
            }
            let keyed = pages.map { (name: $0.name, sha256: digests[$0.file] ?? "") }
            if journal.isArchived(itemID: item.id, pages: keyed)
                || journal.adoptArchivedObject(itemID: item.id, objectID: context.objectID, pages: keyed, root: root)
            {
                // A run killed between writing the object and removing its staging folder leaves the
                // folder behind, and packaging (which would clear it) never comes for this item again.
                try? FileManager.default.removeItem(at: work.itemStaging(item.id))
                progress.report(.itemSkipped(item.id))
                continue
            }
            surveyed.append(
                SurveyedItem(
                    item: keepingWebEdits(item, library: library, objectID: context.objectID), context: context, library: library,
                    pages: pages, digests: digests, failures: failures, unreadable: unreadable, masterBytes: bytes))
        }
        return surveyed
    }

    /// `item` with the description, page labels and contents edited on the web since its last ingest
    /// in place of its file's (warning where they differ), unless the run takes the files.
    func keepingWebEdits(_ item: PlannedItem, library: String, objectID: String) -> PlannedItem {
        guard !options.metadataFromFiles,
            let resolved = journal.attempt(
                "a look-up of \(item.id)'s web edits",
                {
                    try WebEditsOnRerun.resolve(item, library: library, objectID: objectID, catalog: journal.catalog, root: root)
                })
        else { return item }
        var item = item
        item.metadata = resolved.metadata
        (item.keptWebEdits, item.keptWebStructure) = (resolved.kept, resolved.keptStructure)
        if let warning = resolved.warning(itemID: item.id) { progress.report(.warning(warning)) }
        return item
    }

    /// Bytes the surveyed items need on the archive's disk (see `DiskSpace.needed`).
    func spaceNeeded(_ items: [SurveyedItem]) -> Int64 {
        DiskSpace.needed(
            items: items.filter { !$0.pages.isEmpty }.map { ($0.masterBytes, $0.pages.count, $0.context.ocrLanguage != nil) })
    }

    /// Registers the surveyed items and pages in the catalog and decides what each page can reuse.
    func register(_ items: [SurveyedItem], batchID: Int64) -> Prepared {
        var prepared = Prepared()
        for surveyed in items {
            for failure in surveyed.unreadable {
                journal.recordFailure(failure, batchID: batchID)
                progress.report(.failure(failure))
            }
            guard !surveyed.pages.isEmpty else { continue }
            let item = surveyed.item
            let context = surveyed.context
            journal.registerItem(item, context: context, library: surveyed.library, batchID: batchID)
            prepared.items.append(ItemWork(item: item, context: context, pages: [], failures: surveyed.failures))
            prepared.expectedPages[item.id] = surveyed.pages.count
            for page in surveyed.pages {
                let sha = surveyed.digests[page.file] ?? ""
                let folder = work.pageFolder(sha256: sha, frame: page.frameIndex)
                let pageID = journal.registerPage(page, itemID: item.id, sha256: sha)
                let job = PageJob(
                    item: context, page: page, sha256: sha, pageID: pageID, folder: folder,
                    reuse: reuse(page, sha, folder, item.id, context))
                if job.reuse == .everything {
                    prepared.reusedPages.append(job)
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
        if fm.fileExists(atPath: WorkArea.accessURL(in: folder).path),
            PagePDFImages(outputs: options.pipeline.outputs).areWritten(in: folder)
        {
            return .everything
        }
        return .text
    }
}
