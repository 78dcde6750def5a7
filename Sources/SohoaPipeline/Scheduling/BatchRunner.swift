import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaCollection
import SohoaImaging
import SohoaOCR
import Synchronization

/// Runs a batch through the five stages at once (DESIGN §2–3): each stage has its own workers on
/// their own serial queues, joined by bounded queues; OCR has one engine per worker. Items are
/// archived as soon as all their pages are done. A re-run reuses every page already done.
public final class BatchRunner: Sendable {
    let options: RunOptions
    let progress: RunProgress
    private let stopRequested = Atomic<Bool>(false)
    private let diskFull = Atomic<Bool>(false)

    public init(options: RunOptions, progress: RunProgress) {
        self.options = options
        self.progress = progress
    }

    /// Asks the run to stop taking new pages; pages in flight finish, the run then ends with a summary.
    public func requestStop() {
        if !stopRequested.exchange(true, ordering: .sequentiallyConsistent) {
            progress.report(.stopping)
        }
    }

    var isStopping: Bool { stopRequested.load(ordering: .sequentiallyConsistent) || isDiskFull }

    /// The archive's disk filled up: no stage takes another page, pages in flight are abandoned
    /// (left pending, not failed).
    var isDiskFull: Bool { diskFull.load(ordering: .sequentiallyConsistent) }

    /// Whether `reason` (a failure's text) means the archive's disk is full; the first time, the
    /// run stops taking pages.
    func outOfSpace(_ reason: String) -> Bool {
        guard isDiskFull || DiskSpace.isOutOfSpace(reason, archive: options.archive) else { return false }
        diskFull.store(true, ordering: .sequentiallyConsistent)
        return true
    }

    /// Runs the batch and returns the summary; throws only when the run cannot start at all.
    public func run() throws(RunError) -> RunSummary {
        let root: OCFLStorageRoot
        do {
            try FileManager.default.createDirectory(at: options.archive, withIntermediateDirectories: true)
            root = try OCFLStorageRoot.openOrCreate(at: options.archive)
        } catch {
            throw RunError(.archive, "the archive at \(options.archive.path) cannot be used: \(error)")
        }
        let lock = try RunLock.acquire(archive: options.archive, batch: options.batch.path)
        defer { withExtendedLifetime(lock) {} }
        let journal = try PipelineJournal(archive: options.archive) { [weak self] reason in self?.outOfSpace(reason) ?? false }
        let plan: BatchPlan
        do {
            plan = try BatchPlanner(defaultLanguages: options.pipeline.languages).plan(options.batch)
        } catch {
            throw RunError(.usage, error.description)
        }
        let work = WorkArea(archive: options.archive)
        let preflight = Preflight(options: options, root: root, journal: journal, work: work, progress: progress)
        let surveyed = preflight.survey(plan)
        let needed = preflight.spaceNeeded(surveyed)
        if options.checkSpace, let free = DiskSpace.available(at: options.archive), free < needed {
            throw RunError(
                .diskSpace,
                Messages.notEnoughSpace(
                    archive: options.archive.path, pages: surveyed.reduce(0) { $0 + $1.pages.count }, needed: needed,
                    available: free))
        }
        journal.closeInterruptedBatches()
        let batchID = journal.startBatch(path: options.batch.path, pipeline: options.pipeline.name)
        for rejection in plan.rejections {
            let failure = StageFailure(stage: .ingest, file: rejection.file.path, reason: rejection.reason)
            journal.recordFailure(failure, batchID: batchID)
            progress.report(.failure(failure))
        }
        let prepared = preflight.register(surveyed, batchID: batchID)
        progress.report(.planned(items: plan.items.count, pages: prepared.jobs.count + prepared.reusedPages.count))

        let ocrWorkers = max(1, options.ocrWorkers)
        let ingestQueue = BoundedQueue<PageJob>(capacity: 2)
        let normalizeQueue = BoundedQueue<IngestedPage>(capacity: 2)
        let ocrQueue = BoundedQueue<NormalizedWork>(capacity: max(2, ocrWorkers))
        let metadataQueue = BoundedQueue<ItemWork>(capacity: 2)
        let packageQueue = BoundedQueue<ItemWork>(capacity: 2)
        let assembler = ItemAssembler(items: prepared.items, expected: prepared.expectedPages, output: metadataQueue)
        let claims = PageFolderClaims(
            prepared.jobs.map { ($0.item.id, $0.folder) } + prepared.reusedPages.map { ($0.itemID, $0.page.folder) })

        let pageFailed: @Sendable (StageFailure, PageJob) -> Void = { [progress] failure, job in
            // On a full disk the page is abandoned, not failed: it stays pending for the next run.
            if self.outOfSpace(failure.reason) { return }
            journal.pageFailed(job, failure, batchID: batchID)
            progress.report(.pageFailed(failure))
            assembler.failed(itemID: job.item.id, failure: failure)
        }

        let ingest = StageWorkers<PageJob>(stage: "ingest")
        ingest.start(count: options.pipeline.workers.ingest, input: ingestQueue) { [progress] index in
            let stage = IngestStage()
            let name = "ingest.\(index + 1)"
            return { job in
                if self.isStopping { return }
                progress.report(.working(worker: name, on: "\(job.item.id)/\(job.page.name)"))
                do throws(StageFailure) {
                    let page = try stage.process(job)
                    journal.stageDone(job, .ingest)
                    normalizeQueue.put(page)
                } catch {
                    pageFailed(error, job)
                }
                progress.report(.working(worker: name, on: nil))
            }
        }
        let normalize = StageWorkers<IngestedPage>(stage: "normalize")
        normalize.start(count: options.pipeline.workers.normalize, input: normalizeQueue) { [options, progress] index in
            let stage = NormalizeStage(
                options: options.pipeline.normalize, accessMaxSide: options.pipeline.accessDerivative.maxSide,
                tessdata: options.tessdata)
            let name = "normalize.\(index + 1)"
            return { page in
                if self.isDiskFull { return }
                progress.report(.working(worker: name, on: "\(page.job.item.id)/\(page.job.page.name)"))
                do throws(StageFailure) {
                    // A spread becomes two pages, each registered in the catalog and awaited by its item.
                    let normalized = try stage.process(page) { part in
                        page.job.spreadPart(part, pageID: journal.registerSpreadPart(page.job, part: part))
                    }
                    journal.stageDone(page.job, .normalize)
                    if normalized.count > 1 {
                        journal.spreadSplit(page.job, into: normalized.map(\.job))
                        assembler.expect(normalized.count - 1, more: page.job.item.id)
                    }
                    for work in normalized { ocrQueue.put(work) }
                } catch {
                    pageFailed(error, page.job)
                }
                progress.report(.working(worker: name, on: nil))
            }
        }
        let judge = SuspectJudge()
        let ocr = StageWorkers<NormalizedWork>(stage: "ocr")
        ocr.start(count: ocrWorkers, input: ocrQueue) { [options, progress] index in
            let engine: Result<any OCREngine, OCRError>
            do {
                engine = .success(try options.makeEngine())
            } catch let error as OCRError {
                engine = .failure(error)
            } catch {
                engine = .failure(
                    OCRError(kind: .engineInitializationFailed, language: "", message: "the OCR engine could not start: \(error)"))
            }
            let stage = OCRStage(engine: engine, engineName: SoftwareVersions.tesseract, work: work, judge: judge)
            let name = "ocr.\(index + 1)"
            return { page in
                if self.isDiskFull { return }
                progress.report(.working(worker: name, on: "\(page.job.item.id)/\(page.job.page.name)"))
                do throws(StageFailure) {
                    let result = try stage.process(page)
                    journal.pageRecognized(page.job, result)
                    if let reason = result.suspectReason {
                        progress.report(.pageSuspect(SuspectPage(item: page.job.item.id, page: page.job.page.name, reason: reason)))
                    }
                    progress.report(
                        .pageDone(
                            item: page.job.item.id, page: page.job.page.name, reused: page.job.reuse != .none, blank: result.normalize.blank
                        ))
                    assembler.finished(
                        itemID: page.job.item.id,
                        page: .init(
                            name: page.job.page.name, sequence: page.job.page.sequence, file: page.job.page.file, folder: page.job.folder))
                } catch {
                    pageFailed(error, page.job)
                }
                progress.report(.working(worker: name, on: nil))
            }
        }
        let metadata = StageWorkers<ItemWork>(stage: "metadata")
        metadata.start(count: 1, input: metadataQueue) { [options, progress] _ in
            let stage = MetadataStage(work: work, batchFolder: options.batch)
            return { item in
                if self.isDiskFull { return }
                progress.report(.working(worker: "metadata", on: item.item.id))
                let described = stage.process(item)
                journal.itemDescribed(described)
                packageQueue.put(described)
                progress.report(.working(worker: "metadata", on: nil))
            }
        }
        let package = StageWorkers<ItemWork>(stage: "package")
        package.start(count: options.pipeline.workers.package, input: packageQueue) { [options, progress] index in
            let stage = PackageStage(root: root, work: work, outputs: options.pipeline.outputs)
            let name = "package.\(index + 1)"
            return { item in
                if self.isDiskFull { return }
                progress.report(.working(worker: name, on: item.item.id))
                do throws(StageFailure) {
                    let written = try stage.process(item)
                    journal.itemPackaged(item, written)
                    work.releaseImages(in: claims.release(itemID: item.item.id, folders: item.pages.map(\.folder)))
                    progress.report(.itemPackaged(item.item.id))
                } catch {
                    // On a full disk the item is left pending (its pages are done): the next run packages it.
                    // Its images stay for the next run; it no longer holds back other items' cleanup.
                    _ = claims.release(itemID: item.item.id, folders: item.pages.map(\.folder))
                    if !self.outOfSpace(error.reason) {
                        journal.itemFailed(item, error, batchID: batchID)
                        progress.report(.itemFailed(error))
                    }
                }
                progress.report(.working(worker: name, on: nil))
            }
        }

        // The producer: pages reused whole go straight to their items; the rest enter ingest,
        // blocking whenever the stages ahead are full.
        for page in prepared.reusedPages {
            progress.report(.pageDone(item: page.itemID, page: page.page.name, reused: true, blank: false))
            assembler.finished(itemID: page.itemID, page: page.page)
        }
        for job in prepared.jobs {
            if isStopping { break }
            ingestQueue.put(job)
        }
        ingestQueue.close()
        ingest.wait()
        normalizeQueue.close()
        normalize.wait()
        ocrQueue.close()
        ocr.wait()
        metadataQueue.close()
        metadata.wait()
        packageQueue.close()
        package.wait()

        for problem in journal.catalogProblems where !(isDiskFull && DiskSpace.saysOutOfSpace(problem)) {
            progress.report(.warning(problem))
        }
        let snapshot = progress.finish()
        var summary = RunSummary(snapshot: snapshot, unfinishedItems: assembler.unfinishedItems)
        if isDiskFull { summary.diskFull = diskFullStop(journal: journal, surveyed: surveyed) }
        journal.finishBatch(batchID, summary: summary)
        return summary
    }

    /// What is left after a full disk stopped the run: the batch's items not archived, their
    /// pending pages, and the room they need.
    private func diskFullStop(journal: PipelineJournal, surveyed: [Preflight.SurveyedItem]) -> DiskFullStop {
        let left = surveyed.filter { !$0.pages.isEmpty && !journal.isPackaged(itemID: $0.item.id) }
        let pagesLeft = left.reduce(0) { $0 + journal.pendingPages(itemID: $1.item.id) }
        return DiskFullStop(
            archive: options.archive.path, pagesLeft: pagesLeft, itemsLeft: left.map(\.item.id),
            neededBytes: DiskSpace.needed(items: left.map { ($0.masterBytes, $0.pages.count, $0.context.ocrLanguage != nil) }),
            availableBytes: DiskSpace.available(at: options.archive))
    }
}
