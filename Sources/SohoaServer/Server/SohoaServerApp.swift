import Foundation
import Hummingbird
import SohoaCollection

/// Builds the `sohoa serve` application: middlewares, then every area's routes (DESIGN §9).
public enum SohoaServerApp {
    /// The application for `options`; throws `RunError(.archive)` when the archive cannot be opened.
    /// The application type `make` returns.
    public typealias ServerApplication = Application<RouterResponder<AppRequestContext>>

    /// With `batches`, the server also runs submitted batches through it (`SubmissionService`); with
    /// `workQueue`, the dashboard shows the figures of that work queue of distributed runs. With
    /// `session`, the server uses that archive session (its catalog may be on PostgreSQL: `sohoa serve
    /// --catalog`); without, it opens the archive's own.
    public static func make(
        options: ServerOptions, batches: (any SubmittedBatchRunner)? = nil, workQueue: (any WorkQueueWatch)? = nil,
        session: ArchiveSession? = nil
    ) throws(RunError) -> ServerApplication {
        let session = if let session { session } else { try ArchiveSession(folder: options.archive) }
        flushReviewDrafts(session)
        let services = ServerServices(session: session, options: options, workQueue: workQueue)
        var app = Application(
            router: router(services: services),
            server: .http1(configuration: .init(idleTimeout: .seconds(Int64(options.idleTimeout)))),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "sohoa"))
        app.addServices(UsageFlushService(counter: services.usage, catalog: services.catalog))
        if let batches {
            app.addServices(SubmissionService(services: services, inbox: services.submissionInbox, runner: batches))
        }
        return app
    }

    /// Writes every pending review draft as an archive version (at start, after a crash, and at stop);
    /// a draft that cannot be written stays for the next try and is reported on standard error.
    public static func flushReviewDrafts(_ session: ArchiveSession) {
        do {
            try PageCorrection(session: session).flushDrafts { draft, error in
                FileHandle.standardError.write(
                    Data("sohoa serve: the saved review of page \(draft.pageID) could not be archived: \(error)\n".utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("sohoa serve: the saved reviews could not be archived: \(error)\n".utf8))
        }
    }

    /// The router with every route; tests drive it directly.
    public static func router(services: ServerServices) -> Router<AppRequestContext> {
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware(https: services.options.secureCookies))
        router.add(middleware: CachePolicyMiddleware())
        router.add(middleware: ErrorPageMiddleware())
        router.add(middleware: LanguageMiddleware())
        router.add(middleware: SessionMiddleware(services: services))
        StaticRoutes.add(to: router)
        AuthRoutes.add(to: router, services: services)
        PublicRoutes.add(to: router, services: services)
        SerialRoutes.add(to: router, services: services)
        ReviewRoutes.add(to: router, services: services)
        MetadataRoutes.add(to: router, services: services)
        StructureRoutes.add(to: router, services: services)
        DashboardRoutes.add(to: router, services: services)
        AdminRoutes.add(to: router, services: services)
        OAIRoutes.add(to: router, services: services)
        IIIFRoutes.add(to: router, services: services)
        APILoginRoutes.add(to: router, services: services)
        SubmissionRoutes.add(to: router, services: services, inbox: services.submissionInbox)
        return router
    }
}
