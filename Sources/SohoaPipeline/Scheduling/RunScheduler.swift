import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaCollection

/// What the scheduler does with each stage's result or failure: record it in the catalog (through
/// the journal's one writer), report progress, and account for the page in its item. Stages only
/// return values; this is the one place their outcomes take effect.
final class RunScheduler: Sendable {
    let control: RunControl
    let journal: PipelineJournal
    let assembler: ItemAssembler
    let claims: PageFolderClaims
    let work: WorkArea
    let batchID: Int64

    init(
        control: RunControl, journal: PipelineJournal, assembler: ItemAssembler, claims: PageFolderClaims,
        work: WorkArea, batchID: Int64
    ) {
        self.control = control
        self.journal = journal
        self.assembler = assembler
        self.claims = claims
        self.work = work
        self.batchID = batchID
    }

    private var progress: RunProgress { control.progress }

    /// A page was decoded.
    func ingested(_ job: PageJob) {
        journal.stageDone(job, .ingest)
    }

    /// A page was normalized into `parts`: one page, or the two halves of a spread, which are
    /// registered as pages of their own and awaited by the item. Returns the parts, ready for OCR.
    func normalized(_ page: IngestedPage, into parts: [NormalizedWork]) -> [NormalizedWork] {
        var parts = parts
        for index in parts.indices where !page.captureFindings.isEmpty {
            parts[index].result.captureFindings = page.captureFindings
        }
        let jobs = normalized(page.job, into: parts.map { ($0.job, $0.result.normalize.spreadPart) })
        for index in parts.indices { parts[index].job = jobs[index] }
        return parts
    }

    /// The page `job` was normalized (here, or by a worker of the queue) into `parts`, each with its
    /// spread half (`a`, `b`) if split: halves are registered as pages and awaited by the item.
    /// Returns the parts' jobs, with their page ids.
    func normalized(_ job: PageJob, into parts: [(job: PageJob, spreadPart: String?)]) -> [PageJob] {
        var jobs = parts.map(\.job)
        for index in parts.indices {
            if let part = parts[index].spreadPart { jobs[index].pageID = journal.registerSpreadPart(job, part: part) }
        }
        journal.stageDone(job, .normalize)
        if jobs.count > 1 {
            journal.spreadSplit(job, into: jobs)
            assembler.expect(jobs.count - 1, more: job.item.id)
            progress.report(.spreadSplit(item: job.item.id, page: job.page.name, parts: jobs.count))
        }
        return jobs
    }

    /// A page was recognized (or found to need no recognition): its page stages are done.
    func recognized(_ page: NormalizedWork, _ result: PageResult) {
        recognized(page.job, result)
    }

    /// The page `job` was recognized (here, or by a worker of the queue) into `result`.
    func recognized(_ job: PageJob, _ result: PageResult) {
        journal.pageRecognized(job, result)
        if let reason = result.suspectReason {
            progress.report(.pageSuspect(SuspectPage(item: job.item.id, page: job.page.name, reason: reason)))
        }
        if let findings = result.captureFindings, !findings.isEmpty {
            progress.report(.warning(Messages.captureQuality(item: job.item.id, page: job.page.name, reason: QualityGate.reason(findings))))
        }
        progress.report(.pageDone(item: job.item.id, page: job.page.name, reused: job.reuse != .none, blank: result.normalize.blank))
        assembler.finished(job)
    }

    /// A page done in an earlier run, reused whole: it goes straight to its item.
    func reused(_ page: PageJob) {
        progress.report(.pageDone(item: page.item.id, page: page.page.name, reused: true, blank: false))
        assembler.finished(page)
    }

    /// An item's Dublin Core and events were made.
    func described(_ item: ItemWork) {
        journal.itemDescribed(item)
    }

    /// An item was written into the archive: recorded, then its page images are released.
    func packaged(_ item: ItemWork, _ written: WrittenVersion) {
        journal.itemPackaged(item, written)
        work.releaseImages(in: claims.release(itemID: item.item.id, folders: item.pages.map(\.folder)))
        progress.report(.itemPackaged(item.item.id))
    }

    /// The failure path. A page fails alone and its item goes on without it; an item that cannot be
    /// packaged fails whole. On a full disk neither is failed: the page is abandoned and the item
    /// left pending, for the next run.
    func failed(_ work: some StageWork, _ failure: StageFailure) {
        switch work.subject {
        case .page(let job):
            if control.outOfSpace(failure.reason) { return }
            journal.pageFailed(job, failure, batchID: batchID)
            progress.report(.pageFailed(failure))
            assembler.failed(itemID: job.item.id, failure: failure)
        case .item(let item):
            // Its images stay for the next run; it no longer holds back other items' cleanup.
            _ = claims.release(itemID: item.item.id, folders: item.pages.map(\.folder))
            if !control.outOfSpace(failure.reason) {
                journal.itemFailed(item, failure, batchID: batchID)
                progress.report(.itemFailed(failure))
            }
        }
    }
}
