import Foundation
import SohoaCatalog
import SohoaCollection

/// The planner's side of a distributed run (`sohoa run --queue`): instead of running the page stages
/// itself, it writes each page's order into the work area, enqueues the pages, and hands each page the
/// workers finish to the scheduler, which records it and passes it to its item as a local run's OCR
/// stage would. The planner stays the only writer of the catalog and the OCFL root.
struct QueuedPages {
    let queue: any PageQueue
    let work: WorkArea
    let scheduler: RunScheduler
    let settings: QueueOrder.Settings
    /// Each item's library code and source (folder or file), for its row in the queue's catalog.
    let items: [String: (library: String, source: String)]
    let poll: Duration
    /// Where the planner's Tesseract models are: its `EngineIdentity` goes into each order.
    let tessdata: URL
    /// How long an outcome the queue says is done may take to appear in the work area (a network file
    /// system may show a new file late) before the page is failed.
    static let outcomeGrace: Duration = .seconds(60)
    /// Pages per statement when enqueuing, and the pages each poll asks about.
    static let chunk = 5000

    private var control: RunControl { scheduler.control }

    /// Enqueues `jobs` and returns once each is finished or the run stops (pages not finished stay on
    /// the queue; the next run queues them again). `localWorkers`, if any, works on the queue in this
    /// process meanwhile and is stopped after its pages in hand. Throws when the pages cannot be put on
    /// the queue.
    func run(_ jobs: [PageJob], localWorkers: QueueWorker?) throws(RunError) {
        guard !jobs.isEmpty else { return }
        let working = DispatchGroup()
        if let localWorkers {
            DispatchQueue.global().async(group: working) { _ = localWorkers.run() }
        }
        defer {
            localWorkers?.requestStop()
            working.wait()
        }
        var pending: [Int64: PageJob] = [:]
        var entries: [QueuedPageSource] = []
        work.removeOutcomes(of: Set(jobs.map(\.pageID)))
        var engines: [String: EngineIdentity] = [:]
        for job in jobs {
            let language = job.item.ocrLanguage
            let engine = engines[language ?? ""] ?? EngineIdentity.here(language: language, tessdata: tessdata)
            engines[language ?? ""] = engine
            do {
                try work.writeQueueFile(
                    QueueOrder(job: job, settings: settings, engine: engine), to: work.orderURL(pageID: job.pageID))
            } catch {
                scheduler.failed(
                    job,
                    StageFailure(
                        stage: .ingest, file: job.page.file.path, page: job.page.name, itemID: job.item.id,
                        reason: "không ghi được lệnh của trang vào vùng làm việc \(work.queueFolder.path) / cannot write the page's order "
                            + "to the work area \(work.queueFolder.path): \(error)"))
                continue
            }
            pending[job.pageID] = job
            entries.append(
                QueuedPageSource(
                    pageID: job.pageID, itemID: job.item.id, libraryCode: items[job.item.id]?.library ?? "LOCAL",
                    itemSource: items[job.item.id]?.source ?? job.page.file.deletingLastPathComponent().path, name: job.page.name,
                    sequence: job.page.sequence,
                    sourcePath: job.page.file.path, sha256: job.sha256, frameIndex: job.page.frameIndex))
        }
        var start = 0
        while start < entries.count {
            do throws(PageQueueError) {
                try queue.enqueue(Array(entries[start..<min(start + Self.chunk, entries.count)]))
            } catch {
                throw RunError(.archive, Messages.queueUnusable(error.description))
            }
            start += Self.chunk
        }
        wait(for: &pending)
    }

    /// Polls the queue until every pending page is finished or the run stops.
    ///
    /// Each poll asks about the first `chunk` pending pages in page order, one statement whatever the
    /// batch's size: workers claim in page order, so the pages in flight are among them; a page done
    /// beyond the window is recorded when the window reaches it.
    private func wait(for pending: inout [Int64: PageJob]) {
        var late: [Int64: (finish: PageQueueFinish, since: ContinuousClock.Instant)] = [:]
        var lastProblem: String?
        let order = pending.keys.sorted()
        var first = 0
        while !pending.isEmpty, !control.isStopping {
            var finished: [PageQueueFinish] = []
            while first < order.count, pending[order[first]] == nil { first += 1 }
            var window: [Int64] = []
            var index = first
            while index < order.count, window.count < Self.chunk {
                if pending[order[index]] != nil, late[order[index]] == nil { window.append(order[index]) }
                index += 1
            }
            do throws(PageQueueError) {
                finished = try queue.finished(among: window)
                lastProblem = nil
            } catch {
                // The server may come back: say so once, keep waiting (Ctrl-C stops the run).
                if lastProblem != error.description { control.progress.report(.warning(Messages.queueUnusable(error.description))) }
                lastProblem = error.description
            }
            for finish in finished { late[finish.pageID] = (finish, .now) }
            var progressed = false
            for (id, entry) in late {
                guard let job = pending[id] else { continue }
                let outcome = entry.finish.token.flatMap {
                    work.readQueueFile(QueueOutcome.self, at: work.outcomeURL(pageID: id, token: $0))
                }
                if outcome == nil, entry.finish.token != nil, entry.since.duration(to: .now) < Self.outcomeGrace { continue }
                late[id] = nil
                pending[id] = nil
                progressed = true
                record(job, entry.finish, outcome)
            }
            if !progressed { pause() }
        }
    }

    /// Hands one finished page to the scheduler and removes its order and outcome.
    private func record(_ job: PageJob, _ finish: PageQueueFinish, _ outcome: QueueOutcome?) {
        defer {
            try? FileManager.default.removeItem(at: work.orderURL(pageID: job.pageID))
            if let token = finish.token { try? FileManager.default.removeItem(at: work.outcomeURL(pageID: job.pageID, token: token)) }
        }
        guard let outcome else {
            let reason =
                finish.token == nil
                ? "không máy làm việc nào làm xong trang / no worker could finish the page: \(finish.error ?? "every attempt failed")"
                : "thiếu kết quả của máy làm việc trong \(work.queueFolder.path) / the worker's outcome is missing from "
                    + "\(work.queueFolder.path)"
            scheduler.failed(
                job, StageFailure(stage: .ocr, file: job.page.file.path, page: job.page.name, itemID: job.item.id, reason: reason))
            return
        }
        if let failure = outcome.failure
            ?? (outcome.parts.isEmpty
                ? missing(job, "kết quả của máy làm việc không có trang nào / the worker's outcome holds no page") : nil)
        {
            scheduler.failed(job, failure)
            return
        }
        scheduler.ingested(job)
        let jobs = scheduler.normalized(
            job, into: outcome.parts.map { part in (part.spreadPart.map(job.spreadPart) ?? job, part.spreadPart) })
        for (part, partJob) in zip(outcome.parts, jobs) {
            if let result = part.result {
                scheduler.recognized(partJob, result)
            } else {
                scheduler.failed(
                    partJob,
                    part.failure
                        ?? StageFailure(
                            stage: .ocr, file: job.page.file.path, page: partJob.page.name, itemID: job.item.id,
                            reason: "không có kết quả / no result"))
            }
        }
    }

    /// A failure of `job` at stage `ocr` for a missing result.
    private func missing(_ job: PageJob, _ reason: String) -> StageFailure {
        StageFailure(stage: .ocr, file: job.page.file.path, page: job.page.name, itemID: job.item.id, reason: reason)
    }

    private func pause() {
        let end = ContinuousClock.now + poll
        while !control.isStopping, ContinuousClock.now < end { Thread.sleep(forTimeInterval: 0.05) }
    }
}
