import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaCollection

/// Runs a batch through the five stages at once (DESIGN §2–3): each stage has its own workers on
/// their own serial queues, joined by bounded queues; OCR has one engine per worker. Items are
/// archived as soon as all their pages are done. A re-run reuses every page already done.
///
/// This type only wires the run: plan, preflight, queues and stages, then waits for the summary.
/// What a worker does is `StageWorkers.run`; what a result or failure changes is `RunScheduler`.
public final class BatchRunner: Sendable {
    let options: RunOptions
    let progress: RunProgress
    let control: RunControl

    public init(options: RunOptions, progress: RunProgress) {
        self.options = options
        self.progress = progress
        control = RunControl(archive: options.archive, progress: progress)
    }

    /// Asks the run to stop taking new pages; pages in flight finish, the run then ends with a summary.
    public func requestStop() { control.requestStop() }

    /// Runs the batch and returns the summary; throws only when the run cannot start at all.
    public func run() throws(RunError) -> RunSummary {
        let cpu = StageCPUTimes()
        let root = try openArchive()
        let lock = try RunLock.acquire(archive: options.archive, batch: options.batch.path)
        defer { withExtendedLifetime(lock) {} }
        let journal = try PipelineJournal(archive: options.archive, catalog: options.catalog) { [control] reason in
            control.outOfSpace(reason)
        }
        var plan: BatchPlan
        do {
            let catalog = journal.catalog
            plan = try BatchPlanner(defaultLanguages: options.pipeline.languages, lossyMasters: options.pipeline.lossyMasters) { id in
                try? catalog.holding(id: id)
            }
            .plan(options.batch)
        } catch {
            throw RunError(.usage, error.description)
        }
        if let library = options.libraryCode {
            for index in plan.items.indices { plan.items[index].metadata.libraryCode = library }
        }
        let work = WorkArea(archive: options.archive)
        let rights: RightsDefaults
        do {
            rights = try RightsDefaults.load(archive: options.archive)
        } catch {
            throw RunError(.usage, error.description)
        }
        let preflight = Preflight(options: options, root: root, journal: journal, work: work, progress: progress)
        let surveyed = preflight.survey(plan)
        try checkSpace(needed: preflight.spaceNeeded(surveyed), pages: surveyed.reduce(0) { $0 + $1.pages.count })
        journal.closeInterruptedBatches()
        let batchID = journal.startBatch(path: options.batch.path, pipeline: options.pipeline.name)
        for rejection in plan.rejections {
            let failure = StageFailure(stage: .ingest, file: rejection.file.path, reason: rejection.reason)
            journal.recordFailure(failure, batchID: batchID)
            progress.report(.failure(failure))
        }
        if options.pipeline.lossyMasters == .warn, !plan.lossyFiles.isEmpty {
            let names = plan.lossyFiles.prefix(5).map(\.lastPathComponent).joined(separator: ", ")
            progress.report(.warning(Messages.lossyMasters(count: plan.lossyFiles.count, names: names)))
        }
        if options.pipeline.quality?.pageCount == .warn {
            let catalog = journal.catalog
            for warning in PageCountCheck.warnings(plan, holding: { try? catalog.holding(id: $0) }) {
                progress.report(.warning(warning))
            }
        }
        let prepared = preflight.register(surveyed, batchID: batchID)
        progress.report(.planned(items: plan.items.count, pages: prepared.jobs.count + prepared.reusedPages.count))

        let metadataQueue = BoundedQueue<ItemWork>(capacity: 2)
        let packageQueue = BoundedQueue<ItemWork>(capacity: 2)
        let scheduler = RunScheduler(
            control: control, journal: journal,
            assembler: ItemAssembler(items: prepared.items, expected: prepared.expectedPages, output: metadataQueue),
            claims: PageFolderClaims(
                prepared.jobs.map { ($0.item.id, $0.folder) } + prepared.reusedPages.map { ($0.item.id, $0.folder) }),
            work: work, batchID: batchID)

        let metadata = StageWorkers<ItemWork>(stage: "metadata", cpu: cpu)
        metadata.run(count: 1, input: metadataQueue, scheduler: scheduler, numbered: false) { [options] _ in
            MetadataStage(
                work: work, batchFolder: options.batch, lossyMasters: options.pipeline.lossyMasters, rightsDefaults: rights)
        } handOn: { _, described in
            scheduler.described(described)
            packageQueue.put(described)
        }
        let package = StageWorkers<ItemWork>(stage: "package", cpu: cpu)
        package.run(count: options.pipeline.workers.package, input: packageQueue, scheduler: scheduler) { [options] _ in
            PackageStage(root: root, work: work, outputs: options.pipeline.outputs, cpu: cpu)
        } handOn: { item, written in
            scheduler.packaged(item, written)
        }

        // Pages reused whole go straight to their items; the rest go through the page stages, here or
        // on the workers of the queue. Each stage's queue closes once the stage before it has finished.
        for page in prepared.reusedPages { scheduler.reused(page) }
        if let queue = options.queue {
            let items = Dictionary(
                surveyed.map { ($0.item.id, (library: $0.library, source: $0.item.source.path)) }, uniquingKeysWith: { first, _ in first })
            let distributed = QueuedPages(
                queue: queue, work: work, scheduler: scheduler, settings: QueueOrder.Settings(options.pipeline), items: items,
                poll: options.queuePoll, tessdata: options.tessdata)
            do throws(RunError) {
                try distributed.run(prepared.jobs, localWorkers: localQueueWorker(queue))
            } catch {
                control.progress.report(.warning(error.description))
                control.requestStop()
            }
        } else {
            runPageStages(prepared.jobs, scheduler: scheduler, work: work, cpu: cpu)
        }
        metadataQueue.close()
        metadata.wait()
        packageQueue.close()
        package.wait()
        journal.drain()
        var summary = finish(journal: journal, batchID: batchID, surveyed: surveyed, unfinished: scheduler.assembler.unfinishedItems)
        summary.cpuSeconds = cpu.figures
        return summary
    }

    /// Runs `jobs` through ingest, normalize and OCR here, each stage on its own workers, and returns
    /// once every page has left OCR (or the run stopped taking pages).
    private func runPageStages(_ jobs: [PageJob], scheduler: RunScheduler, work: WorkArea, cpu: StageCPUTimes) {
        let ocrWorkers = max(1, options.ocrWorkers)
        let ingestQueue = BoundedQueue<PageJob>(capacity: 2)
        // One decoded scan waiting (and one in the ingest worker's hands) keeps normalize busy: ingest
        // is many times faster; each waiting scan is a whole page image (issue 19: memory).
        let normalizeQueue = BoundedQueue<IngestedPage>(capacity: 1)
        let ocrQueue = BoundedQueue<NormalizedWork>(capacity: max(2, ocrWorkers))
        let ingest = StageWorkers<PageJob>(stage: "ingest", cpu: cpu)
        ingest.run(count: options.pipeline.workers.ingest, input: ingestQueue, scheduler: scheduler) { [options] _ in
            IngestStage(quality: options.pipeline.quality)
        } handOn: {
            job, page in
            scheduler.ingested(job)
            normalizeQueue.put(page)
        }
        let normalize = StageWorkers<IngestedPage>(stage: "normalize", cpu: cpu)
        normalize.run(count: options.pipeline.workers.normalize, input: normalizeQueue, scheduler: scheduler) { [options] _ in
            let stage = NormalizeStage(
                options: options.pipeline.normalize, accessMaxSide: options.pipeline.accessDerivative.maxSide,
                tessdata: options.tessdata, pdfImages: PagePDFImages(outputs: options.pipeline.outputs))
            stage.cpu = cpu
            return stage
        } handOn: { page, parts in
            for part in scheduler.normalized(page, into: parts) { ocrQueue.put(part) }
        }
        let judge = SuspectJudge()
        let ocr = StageWorkers<NormalizedWork>(stage: "ocr", cpu: cpu)
        ocr.run(count: ocrWorkers, input: ocrQueue, scheduler: scheduler) { [options] _ in
            let stage = OCRStage(
                makeEngine: options.makeEngine, work: work, judge: judge, pdfImages: PagePDFImages(outputs: options.pipeline.outputs))
            stage.cpu = cpu
            return stage
        } handOn: { page, result in
            scheduler.recognized(page, result)
        }
        // The producer: blocks whenever the stages ahead are full.
        for job in jobs {
            if control.isStopping { break }
            ingestQueue.put(job)
        }
        ingestQueue.close()
        ingest.wait()
        normalizeQueue.close()
        normalize.wait()
        ocrQueue.close()
        ocr.wait()
    }

    /// The pages this process works on itself in a distributed run (`RunOptions.queueWorkers`), if any.
    private func localQueueWorker(_ queue: any PageQueue) -> QueueWorker? {
        guard options.queueWorkers > 0 else { return nil }
        let host = ProcessInfo.processInfo.hostName
        return QueueWorker(
            options: QueueWorker.Options(
                archive: options.archive, name: "\(host):\(getpid())", jobs: options.queueWorkers, lease: options.queueLease,
                idleWait: options.queuePoll,
                tessdata: options.tessdata, makeEngine: options.makeEngine),
            queue: queue)
    }

    /// The archive's OCFL storage root, made if it does not exist yet.
    private func openArchive() throws(RunError) -> OCFLStorageRoot {
        do {
            try FileManager.default.createDirectory(at: options.archive, withIntermediateDirectories: true)
            return try OCFLStorageRoot.openOrCreate(at: options.archive)
        } catch {
            throw RunError(.archive, "the archive at \(options.archive.path) cannot be used: \(error)")
        }
    }

    /// Refuses to start when the archive's disk has less room than the batch needs.
    private func checkSpace(needed: Int64, pages: Int) throws(RunError) {
        if options.checkSpace, let free = DiskSpace.available(at: options.archive), free < needed {
            throw RunError(
                .diskSpace, Messages.notEnoughSpace(archive: options.archive.path, pages: pages, needed: needed, available: free))
        }
    }

    /// Reports the catalog's problems, closes the batch and returns the summary.
    private func finish(
        journal: PipelineJournal, batchID: Int64, surveyed: [Preflight.SurveyedItem], unfinished: [String]
    ) -> RunSummary {
        for problem in journal.catalogProblems where !(control.isDiskFull && DiskSpace.saysOutOfSpace(problem)) {
            progress.report(.warning(problem))
        }
        let snapshot = progress.finish()
        var summary = RunSummary(snapshot: snapshot, unfinishedItems: unfinished)
        if control.isDiskFull { summary.diskFull = diskFullStop(journal: journal, surveyed: surveyed) }
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
