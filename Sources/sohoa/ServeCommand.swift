import ArgumentParser
import Foundation
import Hummingbird
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
            // Submitted batches run through `sohoa run`'s pipeline, which writes the archive's own
            // catalog.sqlite: not on a catalog elsewhere, until `sohoa run --catalog` exists.
            var batches: SubmittedBatchPipeline?
            if session.catalog.isSQLite {
                batches = SubmittedBatchPipeline(
                    archive: options.archiveURL, defaultLibraryCode: ProcessInfo.processInfo.environment["SOHOA_LIBRARY"] ?? "LOCAL")
            } else {
                FileHandle.standardError.write(Data(Self.submittedBatchesWait(session.catalog.file).utf8))
            }
            app = try SohoaServerApp.make(options: serverOptions, batches: batches, workQueue: workQueue, session: session)
        } catch {
            throw fail(error.description, error.exitStatus)
        }
        print(
            "sohoa serve: \(serverOptions.publicURL)/  (archive \(options.archiveURL.path)\(session.catalog.isSQLite ? "" : ", catalog \(session.catalog.file.absoluteString)"))"
        )
        try await app.runService()
        SohoaServerApp.flushReviewDrafts(session)
    }

    /// Said at start on a catalog elsewhere than the archive's catalog.sqlite: uploads are taken, not run.
    static func submittedBatchesWait(_ catalog: URL) -> String {
        "sohoa serve: lô gửi lên được nhận và chờ trong hộp thư đến, chưa xử lý được khi danh mục ở \(catalog.absoluteString) "
            + "(chưa có `sohoa run --catalog`) / submitted batches are received and wait in the inbox: they cannot be run "
            + "while the catalog is at \(catalog.absoluteString) (no `sohoa run --catalog` yet)\n"
    }
}
