import Foundation
import Hummingbird
import SohoaPipeline

/// Builds the `sohoa serve` application: middlewares, then every area's routes (DESIGN §9).
public enum SohoaServerApp {
    /// The application for `options`; throws `RunError(.archive)` when the archive cannot be opened.
    /// The application type `make` returns.
    public typealias ServerApplication = Application<RouterResponder<AppRequestContext>>

    public static func make(options: ServerOptions) throws(RunError) -> ServerApplication {
        let session = try ArchiveSession(folder: options.archive)
        let services = ServerServices(session: session, options: options)
        return Application(
            router: router(services: services),
            server: .http1(configuration: .init(idleTimeout: .seconds(Int64(options.idleTimeout)))),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "sohoa"))
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
        ReviewRoutes.add(to: router, services: services)
        DashboardRoutes.add(to: router, services: services)
        OAIRoutes.add(to: router, services: services)
        IIIFRoutes.add(to: router, services: services)
        return router
    }
}
