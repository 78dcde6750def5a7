import ArgumentParser
import Foundation
import Hummingbird
import SohoaCatalog
import SohoaCollection
import SohoaServer

/// `sohoa serve`: the web server for review, dashboard, search, OAI-PMH and IIIF, and the batch
/// service that archives batches district stations submit.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract:
            "Máy chủ web: duyệt OCR, tiến độ, tìm kiếm, OAI-PMH, IIIF. (Web server: review, dashboard, search, OAI-PMH, IIIF.)")

    @OptionGroup var options: ArchiveOptions

    @OptionGroup var catalogOptions: CatalogOptions

    @Option(name: .long, help: "The address to listen on (0.0.0.0 for every network).")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on.")
    var port = 8080

    @Option(name: .long, help: "The address readers use, e.g. https://thuvien.example.vn (default http://HOST:PORT).")
    var publicURL: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The work queue of distributed runs whose pages and workers the dashboard shows (default: SOHOA_QUEUE).",
            valueName: "postgresql://…"))
    var queue: String?

    func run() async throws {
        try await serve()
    }

    /// Opens the archive, reads `server.yaml` and serves until stopped.
    func serve() async throws {
        let session = try catalogOptions.openSession(options)
        var serverOptions = ServerOptions(
            archive: options.archiveURL, host: host, port: port, publicURL: publicURL,
            secureCookies: publicURL?.hasPrefix("https://") ?? false)
        do {
            try ServerConfigurationFile.apply(to: &serverOptions)
        } catch {
            throw fail(error.description, .usage)
        }
        var workQueue: DashboardQueueWatch?
        if let address = PostgresPageQueue.address(option: queue) {
            do {
                workQueue = try DashboardQueueWatch(address: address)
            } catch {
                throw fail(Messages.queueUnusable(error.description), .usage)
            }
        }
        defer { workQueue?.close() }
        let app: SohoaServerApp.ServerApplication
        do {
            // Submitted batches run through `sohoa run`'s pipeline, writing the catalog the server
            // reads: the archive's catalog.sqlite, or the one `--catalog` names (`RunOptions.catalog`).
            let own = options.archiveURL.appendingPathComponent(Catalog.fileName).standardizedFileURL
            let elsewhere = session.catalog.isSQLite && session.catalog.file.standardizedFileURL == own ? nil : session.catalog
            let batches = SubmittedBatchPipeline(
                archive: options.archiveURL, defaultLibraryCode: ProcessInfo.processInfo.environment["SOHOA_LIBRARY"] ?? "LOCAL",
                catalog: elsewhere)
            app = try SohoaServerApp.make(options: serverOptions, batches: batches, workQueue: workQueue, session: session)
        } catch {
            throw fail(error.description, error.exitStatus)
        }
        // Written at once, not through `print`'s buffer: a log file or journal shows it while the server runs.
        let catalog = session.catalog.isSQLite ? "" : ", catalog \(session.catalog.file.absoluteString)"
        FileHandle.standardOutput.write(
            Data("sohoa serve: \(serverOptions.publicURL)/  (archive \(options.archiveURL.path)\(catalog))\n".utf8))
        try await app.runService()
        SohoaServerApp.flushReviewDrafts(session)
    }
}
