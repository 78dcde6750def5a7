import Foundation
import ServiceLifecycle
import SohoaArchive
import SohoaCatalog
import Synchronization

/// The background service of `sohoa serve` that turns uploads into archived items: it checks each
/// received upload (SHA-256, safe unpacking, the whole bag) and runs verified ones through the
/// pipeline one at a time. States go received → verified → queued → running → archived | failed.
/// On graceful shutdown the running batch stops after its pages in flight and goes back to queued;
/// at start a batch left running (the server was killed) is queued again, and the pipeline resumes it.
/// Uploads nobody completed within `SubmissionSettings.abandonAfter` are deleted, their quota freed.
public struct SubmissionService: Service {
    let catalog: Catalog
    let inbox: SubmissionInbox
    let settings: SubmissionSettings
    let runner: any SubmittedBatchRunner
    /// How often the catalog is looked at for new work.
    var pollInterval: Duration = .milliseconds(500)
    /// How long to wait before trying again when another run holds the archive.
    var busyPause: Duration = .seconds(30)
    /// How often abandoned uploads are looked for.
    var expiryInterval: Duration = .seconds(3600)
    /// The time now (tests give their own clock).
    var now: @Sendable () -> Date = { Date() }

    init(services: ServerServices, inbox: SubmissionInbox, runner: any SubmittedBatchRunner) {
        catalog = services.catalog
        self.inbox = inbox
        settings = services.options.submissions
        self.runner = runner
    }

    public func run() async throws {
        let stop = SubmissionStop()
        do {
            try recover(startedAt: now())
        } catch {
            FileHandle.standardError.write(Data("sohoa serve: submissions left running cannot be queued again: \(error)\n".utf8))
        }
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await loop(stop) { try await intake() } }
                group.addTask { await loop(stop) { try await runNext(stop) } }
                group.addTask { await expiring(stop) }
            }
        } onGracefulShutdown: {
            stop.stop()
        }
    }

    /// Repeats `step` until the stop; waits between steps that found nothing to do.
    private func loop(_ stop: SubmissionStop, _ step: @Sendable () async throws -> Bool) async {
        while !stop.isStopped {
            var worked = false
            do {
                worked = try await step()
            } catch {
                FileHandle.standardError.write(Data("sohoa serve: submissions: \(error)\n".utf8))
            }
            if !worked { try? await Task.sleep(for: pollInterval) }
        }
    }

    /// Looks for abandoned uploads now and then until the stop.
    private func expiring(_ stop: SubmissionStop) async {
        while !stop.isStopped {
            do {
                try expireAbandoned(at: now())
            } catch {
                FileHandle.standardError.write(Data("sohoa serve: abandoned uploads: \(error)\n".utf8))
            }
            await pause(expiryInterval, stop)
        }
    }

    /// Waits `duration`, or less when the stop comes first (looked at every `pollInterval`).
    private func pause(_ duration: Duration, _ stop: SubmissionStop) async {
        let until = ContinuousClock.now + duration
        while !stop.isStopped && ContinuousClock.now < until { try? await Task.sleep(for: pollInterval) }
    }

    /// Submissions left between states by a stop or a crash go on from a safe point; a web upload
    /// whose request the stop cut off (before `startedAt`) cannot go on and is refused.
    func recover(startedAt: Date = Date()) throws {
        for submission in try catalog.submissions(in: [.running, .verified]) {
            guard let id = submission.id else { continue }
            try catalog.setSubmissionState(id: id, .queued, from: [.running, .verified])
        }
        for submission in try catalog.submissions(in: [.uploading]) {
            guard let id = submission.id, inbox.isWebUpload(id) else { continue }
            let problem = "the web upload was cut off when the server stopped; nothing was archived: send the folder again"
            if try catalog.expireSubmission(id: id, idleSince: startedAt, problems: [problem], at: startedAt) { inbox.remove(id) }
        }
    }

    /// Deletes the uploads that have not moved for `settings.abandonAfter` before `now` (their bytes
    /// stop counting against the quotas) and inbox folders of submissions that have ended; returns
    /// how many uploads expired.
    @discardableResult
    func expireAbandoned(at now: Date) throws -> Int {
        let cutoff = now.addingTimeInterval(-settings.abandonAfter)
        let days = max(1, Int((settings.abandonAfter / 86_400).rounded()))
        let problem =
            "abandoned: the upload was not completed within \(days) day\(days == 1 ? "" : "s") and was deleted from the server; send the batch again"
        var expired = 0
        for submission in try catalog.submissions(in: [.uploading]) where submission.updatedAt < cutoff {
            guard let id = submission.id else { continue }
            // Under the writer's lock: a chunk arriving now either lands first (and the upload is
            // no longer idle) or finds the submission failed.
            let done = try inbox.exclusively(id) { () throws -> Bool in
                guard try catalog.expireSubmission(id: id, idleSince: cutoff, problems: [problem], at: now) else { return false }
                inbox.remove(id)
                return true
            }
            if done == true { expired += 1 }
        }
        for id in inbox.submissionIDs() {
            let state = try catalog.submission(id: id)?.state
            if state == nil || state?.isFinished == true { _ = inbox.exclusively(id) { inbox.remove(id) } }
        }
        return expired
    }

    /// Checks the oldest received upload; false when there was none.
    func intake() async throws -> Bool {
        guard let submission = try catalog.submissions(in: [.received]).first, let id = submission.id else { return false }
        let inbox = inbox
        let problems: [String] = await Self.onOwnThread {
            do {
                let bag =
                    try inbox.isWebUpload(id)
                    ? inbox.bagWebUpload(id, name: submission.name) : inbox.unpack(id, sha256: submission.sha256)
                _ = try BagVerifier.verify(bag, requiring: [])
                return []
            } catch let error as SubmissionInboxError {
                return error.problems
            } catch let error as BagProblems {
                return error.problems
            } catch {
                return ["\(error)"]
            }
        }
        if problems.isEmpty {
            try catalog.setSubmissionState(id: id, .verified, from: [.received])
            try catalog.setSubmissionState(id: id, .queued, from: [.verified])
        } else {
            inbox.remove(id)
            try catalog.setSubmissionState(id: id, .failed, problems: ["refused, nothing was archived:"] + problems, from: [.received])
        }
        return true
    }

    /// Runs the oldest queued batch; false when there was none.
    func runNext(_ stop: SubmissionStop) async throws -> Bool {
        guard !stop.isStopped, let submission = try catalog.submissions(in: [.queued]).first, let id = submission.id else {
            return false
        }
        guard try catalog.setSubmissionState(id: id, .running, from: [.queued]) else { return true }
        let batch = SubmittedBatch(
            id: id, folder: inbox.bag(id).appendingPathComponent("data", isDirectory: true), libraryCode: submission.libraryCode,
            pipeline: settings.pipeline)
        let catalog = catalog
        let runner = runner
        let result = await Self.onOwnThread {
            let reported = ReportThrottle()
            return runner.run(
                batch,
                progress: { progress in
                    guard reported.due(progress) else { return }
                    try? catalog.setSubmissionProgress(
                        id: id, pagesDone: progress.pagesDone, pagesTotal: progress.pagesTotal, pagesFailed: progress.pagesFailed,
                        itemsArchived: progress.itemsArchived)
                }, stop: stop)
        }
        switch result {
        case .stopped:
            try catalog.setSubmissionState(id: id, .queued, from: [.running])
        case .busy(let reason):
            try catalog.setSubmissionState(id: id, .queued, from: [.running])
            FileHandle.standardError.write(Data("sohoa serve: submission \(id) waits: \(reason)\n".utf8))
            await pause(busyPause, stop)
        case .archived(let progress):
            record(progress, id: id)
            inbox.remove(id)
            try catalog.setSubmissionState(id: id, .archived, from: [.running])
        case .failed(let progress, let problems):
            if let progress { record(progress, id: id) }
            inbox.remove(id)
            try catalog.setSubmissionState(id: id, .failed, problems: problems, from: [.running])
        }
        return true
    }

    private func record(_ progress: SubmittedBatchProgress, id: Int64) {
        try? catalog.setSubmissionProgress(
            id: id, pagesDone: progress.pagesDone, pagesTotal: progress.pagesTotal, pagesFailed: progress.pagesFailed,
            itemsArchived: progress.itemsArchived)
    }

    /// Runs blocking work (hashing, unpacking, the pipeline) on a thread of its own, never on
    /// Swift's cooperative pool.
    static func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: work()) }
            thread.name = "sohoa submissions"
            thread.start()
        }
    }
}

/// Lets progress through to the catalog at most twice a second, and always when a count other
/// than pages done changes.
private final class ReportThrottle: Sendable {
    private let last = Mutex<(ContinuousClock.Instant, SubmittedBatchProgress)?>(nil)

    func due(_ progress: SubmittedBatchProgress) -> Bool {
        last.withLock { last in
            let now = ContinuousClock.now
            if let (time, previous) = last, now - time < .milliseconds(500), previous.pagesTotal == progress.pagesTotal,
                previous.itemsArchived == progress.itemsArchived
            {
                return false
            }
            last = (now, progress)
            return true
        }
    }
}
