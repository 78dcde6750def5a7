import Dispatch
import Foundation
import SohoaCollection
import SohoaOCR
import Synchronization

/// `sohoa worker` (issue 16): claims pages from the shared queue and runs the page stages on them,
/// `jobs` pages at a time, each on its own thread with its own engines, until asked to stop.
///
/// For each page a thread: claims it with a lease, reads the planner's order from the work area,
/// renews the lease while working (`LeaseHeartbeat`), writes the outcome under the claim's token,
/// then completes the page. A page whose lease was lost meanwhile (the worker stalled, another took
/// it) is not completed and its outcome is removed. A stop (`requestStop`) lets each thread finish
/// the page in hand; a killed worker loses only its pages, redone by others once their leases expire.
public final class QueueWorker: Sendable {
    /// How a worker runs.
    public struct Options: Sendable {
        /// The archive folder as this machine mounts it.
        public var archive: URL
        /// The worker's name in the queue (`host:pid`); threads add `/1`, `/2`, ….
        public var name: String
        /// Pages worked on at once (threads).
        public var jobs: Int
        /// How long a claim lasts unless renewed; heartbeats renew it every third of it.
        public var lease: Duration
        /// How long to wait before asking again when no page is queued.
        public var idleWait: Duration
        /// Where Tesseract's models are.
        public var tessdata: URL
        /// Makes one OCR engine per thread.
        public var makeEngine: @Sendable () throws -> any OCREngine

        public init(
            archive: URL, name: String, jobs: Int, lease: Duration = .seconds(60), idleWait: Duration = .seconds(1),
            tessdata: URL = TesseractEngine.defaultTessdata, makeEngine: (@Sendable () throws -> any OCREngine)? = nil
        ) {
            self.archive = archive
            self.name = name
            self.jobs = jobs
            self.lease = lease
            self.idleWait = idleWait
            self.tessdata = tessdata
            self.makeEngine = makeEngine ?? { [tessdata] in try TesseractEngine(tessdata: tessdata) }
        }
    }

    /// What happened to one claimed page, for the command's output.
    public enum Event: Sendable {
        /// The page was done (its outcome may be a failure of the page: `failed`).
        case done(worker: String, item: String, page: String, seconds: Double, failed: String?)
        /// The lease was lost before the page was done: another worker has it; this result is dropped.
        case leaseLost(worker: String, pageID: Int64)
        /// The queue or the work area could not be used; the worker waits and tries again.
        case problem(String)
    }

    /// Pages this worker finished, for its summary.
    public struct Counts: Sendable, Equatable {
        /// Pages completed with their results.
        public var done = 0
        /// Pages completed as failed (a bad scan: the planner records the failure).
        public var failed = 0
        /// Pages whose lease ran out before they were done (their results dropped).
        public var lost = 0
        /// Seconds spent on the pages' stages.
        public var seconds = 0.0
        /// Seconds spent in the queue's claim and completion of the pages done or failed (and reading
        /// their orders): its own cost, as this worker waited for it.
        public var queueSeconds = 0.0
        /// CPU seconds this worker's threads spent on the same calls: the part of that wait that was
        /// work on this machine (the rest is the network and the PostgreSQL server, busy or not).
        public var queueCPUSeconds = 0.0
    }

    /// How the worker runs.
    public let options: Options
    let queue: any PageQueue
    let report: @Sendable (Event) -> Void
    private let stopping = Atomic<Bool>(false)
    private let counts = Mutex(Counts())
    /// How many times this worker gave back each page whose order it could not read.
    private let missingOrders = Mutex<[Int64: Int]>([:])
    /// After this many give-backs of a page without its order, the worker fails the claim (an attempt
    /// used; the page fails for good once its attempts are spent) instead of giving it back forever.
    static let orderMissingGiveBacks = 3
    /// The problems already reported (a page given back for a difference of software or for models
    /// this machine lacks is said once, not once per page).
    private let reported = Mutex<Set<String>>([])

    public init(options: Options, queue: any PageQueue, report: @escaping @Sendable (Event) -> Void = { _ in }) {
        self.options = options
        self.queue = queue
        self.report = report
    }

    /// Asks every thread to stop after the page in hand.
    public func requestStop() { stopping.store(true, ordering: .sequentiallyConsistent) }

    var isStopping: Bool { stopping.load(ordering: .sequentiallyConsistent) }

    /// Runs the threads until a stop is asked for and every thread has finished its page.
    public func run() -> Counts {
        let group = DispatchGroup()
        let judge = SuspectJudge()
        let work = WorkArea(archive: options.archive)
        for index in 0..<max(1, options.jobs) {
            group.enter()
            DispatchQueue(label: "sohoa.worker.\(index)").async { [self] in
                defer { group.leave() }
                let name = "\(options.name)/\(index + 1)"
                let processor = QueuePageProcessor(
                    work: work, worker: name, tessdata: options.tessdata, makeEngine: options.makeEngine, judge: judge)
                while !isStopping {
                    if !workOnNextPage(processor, work: work, name: name) { pause(options.idleWait) }
                }
            }
        }
        group.wait()
        return counts.withLock { $0 }
    }

    /// Claims and works on one page; false when there was none (or the queue could not be asked).
    private func workOnNextPage(_ processor: QueuePageProcessor, work: WorkArea, name: String) -> Bool {
        let lease: PageQueueLease
        let claimStarted = ContinuousClock.now
        let claimCPU = StageCPUTimes.threadSeconds()
        do throws(PageQueueError) {
            guard let claimed = try queue.claim(worker: name, lease: options.lease) else { return false }
            lease = claimed
        } catch {
            report(.problem(error.description))
            return false
        }
        guard let order = work.readQueueFile(QueueOrder.self, at: work.orderURL(pageID: lease.pageID)) else {
            // The planner writes a page's order before enqueuing it and removes it only once the page is
            // recorded: this machine does not see the archive as the planner does. Give the page back
            // untouched (no attempt used) for a worker that does, and wait before claiming again.
            let message = Messages.orderMissing(pageID: lease.pageID, folder: work.queueFolder.path)
            let giveBacks = missingOrders.withLock { counts in
                counts[lease.pageID, default: 0] += 1
                return counts[lease.pageID] ?? 0
            }
            if giveBacks >= Self.orderMissingGiveBacks {
                missingOrders.withLock { $0[lease.pageID] = nil }
                giveUp(lease, message)
                return true
            }
            report(.problem(message))
            _ = try? queue.release(lease)
            pause(options.idleWait * 5)
            return true
        }
        let missing = processor.missingModels(for: order)
        guard missing.isEmpty else {
            // The planner found the models on its machine: this one lacks them. Give the page back
            // untouched for a worker that has them, rather than fail it.
            let message = Messages.workerMissingModels(missing, tessdata: options.tessdata.path)
            if reported.withLock({ $0.insert(message).inserted }) { report(.problem(message)) }
            _ = try? queue.release(lease)
            pause(options.idleWait * 5)
            return true
        }
        if let wanted = order.engine {
            let here = EngineIdentity.here(language: order.ocrLanguage, tessdata: options.tessdata)
            guard here == wanted else {
                // Another Tesseract or other models would make other bytes than the planner's machine (and
                // than other workers): give the page back untouched for a worker that matches.
                let message = Messages.workerEngineDiffers(here: here.description, planner: wanted.description)
                if reported.withLock({ $0.insert(message).inserted }) { report(.problem(message)) }
                _ = try? queue.release(lease)
                pause(options.idleWait * 5)
                return true
            }
        }
        var queueTime = claimStarted.duration(to: .now)
        var queueCPU = StageCPUTimes.threadSeconds() - claimCPU
        let heartbeat = LeaseHeartbeat(queue: queue, lease: lease, duration: options.lease, claimSent: claimStarted)
        let processed = processor.process(order, stillClaimed: heartbeat.stillHeld)
        heartbeat.stop()
        guard let outcome = processed else {
            // The lease was lost before a write: the page's files are the new holder's; nothing was written.
            counts.withLock { $0.lost += 1 }
            report(.leaseLost(worker: name, pageID: lease.pageID))
            return true
        }
        let url = work.outcomeURL(pageID: lease.pageID, token: lease.token)
        do {
            try work.writeQueueFile(outcome, to: url)
        } catch {
            giveUp(lease, "không ghi được kết quả / cannot write the outcome to \(url.path): \(error)")
            return true
        }
        let completed: Bool
        let completeStarted = ContinuousClock.now
        let completeCPU = StageCPUTimes.threadSeconds()
        do throws(PageQueueError) {
            completed = try queue.complete(lease)
            queueTime += completeStarted.duration(to: .now)
            queueCPU += StageCPUTimes.threadSeconds() - completeCPU
        } catch {
            // Unknown whether it was recorded: the outcome stays; if not, the lease expires and the page is redone.
            report(.problem(error.description))
            return true
        }
        guard completed else {
            try? FileManager.default.removeItem(at: url)
            counts.withLock { $0.lost += 1 }
            report(.leaseLost(worker: name, pageID: lease.pageID))
            return true
        }
        let failure = outcome.failure ?? outcome.parts.compactMap(\.failure).first
        counts.withLock {
            if failure == nil { $0.done += 1 } else { $0.failed += 1 }
            $0.seconds += outcome.seconds
            $0.queueSeconds += Double(queueTime.components.seconds) + Double(queueTime.components.attoseconds) / 1e18
            $0.queueCPUSeconds += queueCPU
        }
        report(.done(worker: name, item: order.itemID, page: order.name, seconds: outcome.seconds, failed: failure?.description))
        return true
    }

    /// Fails the claim (queued again while attempts remain) after a problem of this machine.
    private func giveUp(_ lease: PageQueueLease, _ reason: String) {
        report(.problem(reason))
        _ = try? queue.fail(lease, reason: reason)
        pause(options.idleWait)
    }

    /// Sleeps `duration`, waking early on a stop.
    private func pause(_ duration: Duration) {
        let end = ContinuousClock.now + duration
        while !isStopping, ContinuousClock.now < end {
            Thread.sleep(forTimeInterval: 0.1)
        }
    }
}
