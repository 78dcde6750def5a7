import ArgumentParser
import Foundation
import SohoaCollection
import SohoaPipeline
import SohoaPostgres

/// `sohoa worker`: normalizes and recognizes pages of a distributed run (`sohoa run --queue`) on this
/// machine, which mounts the archive folder (and the batch folders) at the same paths as the planner.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Nhận dạng các trang từ hàng đợi công việc PostgreSQL. (Recognize pages from a PostgreSQL work queue.)",
        discussion:
            "Claims pages that `sohoa run --queue` put on the queue, normalizes and recognizes them into the archive's work area, and hands them back; the planner packages the items. The archive folder (and the batch folders) must be mounted at the same paths as on the planner's machine. Runs until stopped: Ctrl-C or SIGTERM finishes the pages in hand, then exits (a second Ctrl-C exits at once; those pages are redone by another worker after their lease runs out). Exit codes: 0 stopped; 2 usage error; 3 queue unusable."
    )

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The PostgreSQL work queue (default: SOHOA_QUEUE, else the database of the catalog on PostgreSQL).",
            valueName: "postgresql://…"))
    var queue: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The catalog on PostgreSQL (default: SOHOA_CATALOG): without --queue, the queue is in its database. The worker never opens the catalog itself.",
            valueName: "postgresql://…"))
    var catalog: String?

    @Option(name: .long, help: "Pages worked on at once (default: one per core).")
    var jobs: Int?

    @Option(name: .long, help: "Seconds this worker holds a page without a heartbeat; heartbeats come every third of it (default 60).")
    var leaseSeconds: Double = 60

    @Option(name: .long, help: "The worker's name in the queue (default: host:pid).")
    var name: String?

    @OptionGroup var options: ArchiveOptions

    func validate() throws {
        if let jobs, !(1...64).contains(jobs) {
            throw ValidationError("--jobs must be from 1 to 64, got \(jobs)")
        }
        if !(0.5...86_400).contains(leaseSeconds) {
            throw ValidationError("--lease-seconds must be from 0.5 to 86400, got \(leaseSeconds)")
        }
        if queueAddress() == nil {
            throw ValidationError(
                "--queue postgresql://… (or SOHOA_QUEUE, or a catalog on PostgreSQL: --catalog or SOHOA_CATALOG) is required")
        }
    }

    /// The queue: `--queue`, else `SOHOA_QUEUE`, else the database of the catalog on PostgreSQL that
    /// `--catalog` or `SOHOA_CATALOG` names (the planner's `--queue` and `--catalog` the same address);
    /// `nil` when none names one.
    func queueAddress(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let address = PostgresPageQueue.address(option: queue, environment: environment) { return address }
        let named = catalog.flatMap { $0.isEmpty ? nil : $0 } ?? environment[CatalogLocation.environmentVariable]
        // A mistyped postgresql:// address goes on to the queue, which says what is wrong with it.
        guard let named, PostgresCatalogAddress.isPostgres(named) else { return nil }
        return named
    }

    func run() throws {
        guard let address = queueAddress() else { throw ExitCode(ExitStatus.usage) }
        let pageQueue: PostgresPageQueue
        do {
            pageQueue = try PostgresPageQueue(url: address)
        } catch {
            throw fail(Messages.queueUnusable(error.description), error.kind == .badAddress ? .usage : .archiveUnusable)
        }
        defer { pageQueue.close() }
        let archive = options.archiveURL
        if !FileManager.default.fileExists(atPath: archive.appendingPathComponent("0=ocfl_1.1").path) {
            // The first run on the server may not have made it yet: warn, and wait for pages anyway.
            FileHandle.standardError.write(
                Data(
                    (Messages.text(
                        "Cảnh báo: \(archive.path) chưa phải là kho (thiếu 0=ocfl_1.1): thư mục kho của máy chủ phải được gắn vào đúng đường dẫn này",
                        "Warning: \(archive.path) is not an archive yet (no 0=ocfl_1.1): the server's archive folder must be mounted at this path"
                    )
                        + "\n").utf8))
        }
        let workerName = name ?? "\(ProcessInfo.processInfo.hostName):\(getpid())"
        let threads = jobs ?? max(1, ProcessInfo.processInfo.activeProcessorCount)
        let worker = QueueWorker(
            options: QueueWorker.Options(
                archive: archive, name: workerName, jobs: threads, lease: .milliseconds(Int64(leaseSeconds * 1000))),
            queue: pageQueue
        ) { event in
            let line: String
            switch event {
            case .done(let worker, let item, let page, let seconds, let failed):
                line =
                    failed.map { Messages.workerPageFailed(worker: worker, item: item, page: page, reason: $0) }
                    ?? Messages.workerPageDone(worker: worker, item: item, page: page, seconds: seconds)
            case .leaseLost(let worker, let pageID):
                line = Messages.workerLeaseLost(worker: worker, pageID: pageID)
            case .problem(let text):
                line = text
            }
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        // An engine that cannot start would fail every page this worker claims: refuse to start instead.
        do {
            _ = try worker.options.makeEngine()
        } catch {
            throw fail(Messages.text("Không khởi động được Tesseract: \(error)", "Tesseract cannot start: \(error)"), .usage)
        }
        FileHandle.standardError.write(
            Data((Messages.workerWaiting(name: workerName, jobs: threads, queue: pageQueue.description) + "\n").utf8))
        let trap = InterruptTrap { worker.requestStop() }
        let started = ContinuousClock.now
        let counts = worker.run()
        withExtendedLifetime(trap) {}
        let elapsed = started.duration(to: .now)
        let minutes = max(1e-9, (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18) / 60)
        let finished = Double(max(1, counts.done + counts.failed))
        print(
            Messages.workerSummary(
                done: counts.done, failed: counts.failed, lost: counts.lost, pagesPerMinute: Double(counts.done + counts.failed) / minutes,
                queueMilliseconds: counts.queueSeconds * 1000 / finished, queueCPUMilliseconds: counts.queueCPUSeconds * 1000 / finished))
    }
}
