import ArgumentParser
import Foundation
import SohoaCollection
import SohoaPipeline

/// `sohoa run <batch>`: the whole pipeline over a folder of scans.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Xử lý một lô ảnh quét vào kho lưu trữ. (Run a batch of scans into the archive.)",
        discussion:
            "Exit codes: 0 all archived; 1 finished with failed pages (listed); 2 usage or configuration error; 3 archive or catalog unusable, or its disk full (pages left pending: free space and run again); 130 stopped by Ctrl-C (run again to resume)."
    )

    @Argument(help: "The batch folder: one sub-folder per item, or multi-page TIFFs.")
    var batch: String

    @Option(name: .long, help: "Pipeline file (default: the built-in Pipelines/default.yaml).")
    var pipeline: String?

    @Option(name: .long, help: "OCR workers (default: one per core; with --queue: 0).")
    var jobs: Int?

    @Option(name: .long, help: "Library code for items whose metadata gives none.")
    var library: String = ProcessInfo.processInfo.environment["SOHOA_LIBRARY"] ?? "LOCAL"

    @Flag(name: .long, help: "Start even when the archive's disk seems to have too little room for the batch.")
    var noSpaceCheck = false

    @Flag(
        name: .long,
        help:
            "Take items' descriptions, page labels and contents from item.yaml / items.csv even where they were edited on the web (by default a re-run keeps the web edits and warns)."
    )
    var metadataFromFiles = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A PostgreSQL work queue (default: SOHOA_QUEUE): `sohoa worker` processes on any machine normalize and recognize the pages; this run plans, waits and packages (with --jobs N it recognizes pages too).",
            valueName: "postgresql://…"))
    var queue: String?

    @Option(name: .long, help: "With --queue: seconds a worker holds a page without a heartbeat (default 60).")
    var leaseSeconds: Double = 60

    @OptionGroup var options: ArchiveOptions

    @OptionGroup var catalogOptions: CatalogOptions

    func validate() throws {
        let least = PostgresPageQueue.address(option: queue) == nil ? 1 : 0
        if let jobs, !(least...64).contains(jobs) {
            throw ValidationError("--jobs must be from \(least) to 64, got \(jobs)")
        }
        if !(0.5...86_400).contains(leaseSeconds) {
            throw ValidationError("--lease-seconds must be from 0.5 to 86400, got \(leaseSeconds)")
        }
    }

    func run() throws {
        var request = BatchRunRequest(
            batch: URL(fileURLWithPath: batch).standardizedFileURL, archive: options.archiveURL,
            pipelineFile: pipeline.map { URL(fileURLWithPath: $0) }, jobs: jobs, defaultLibraryCode: library.uppercased())
        request.checkSpace = !noSpaceCheck
        var runOptions: RunOptions
        do {
            runOptions = try request.options()
        } catch {
            throw fail(error.description, .usage)
        }
        runOptions.metadataFromFiles = metadataFromFiles
        // Opened once the options are known good: a mistyped pipeline never touches the database.
        runOptions.catalog = try catalogOptions.writableCatalog(archive: options.archiveURL)
        var pageQueue: PostgresPageQueue?
        if let address = PostgresPageQueue.address(option: queue) {
            do {
                pageQueue = try PostgresPageQueue(url: address)
            } catch {
                throw fail(Messages.queueUnusable(error.description), error.kind == .badAddress ? .usage : .archiveUnusable)
            }
            runOptions.queue = pageQueue
            // With a queue the workers recognize the pages; this process too only when --jobs says so.
            runOptions.queueWorkers = jobs ?? 0
            runOptions.queueLease = .milliseconds(Int64(leaseSeconds * 1000))
        }
        defer { pageQueue?.close() }
        let live = !options.json && isatty(STDERR_FILENO) == 1
        let reporter: any ProgressReporter = live ? TerminalReporter() : JSONLinesReporter()
        let progress = RunProgress(batch: batch, reporter: reporter)
        let runner = BatchRunner(options: runOptions, progress: progress)
        let trap = InterruptTrap { runner.requestStop() }
        let summary: RunSummary
        do {
            summary = try runner.run()
        } catch {
            throw fail(error.description, error.exitStatus)
        }
        withExtendedLifetime(trap) {}
        if live {
            print(summary.text)
        } else {
            RunSummaryJSON.write(summary)
        }
        if summary.exitStatus != .success { throw ExitCode(summary.exitStatus) }
    }
}
