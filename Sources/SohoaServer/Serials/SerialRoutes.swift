import Foundation
import Hummingbird
import SohoaCatalog

/// `/serials/<serial>`: a newspaper's or journal's title page, its issues by year. Only the issues
/// the reader may see are listed; a title with none answers 404.
enum SerialRoutes {
    static func add(to router: Router<AppRequestContext>, services: ServerServices) {
        router.get("/serials/:serial") { _, context -> Response in
            guard let serial = URLPath.decodedComponent(try context.parameters.require("serial")) else {
                throw HTTPError(.notFound)
            }
            let issues = try services.catalog.serialIssues(serial: serial, access: readable(context))
            guard !issues.isEmpty else { throw HTTPError(.notFound) }
            let title = issues.serialTitle ?? serial
            var response = Response.html(
                PageLayout.page(
                    title: title, context: context, body: SerialPage.html(serial: serial, title: title, issues: issues, context: context),
                    styles: [PublicStyle.url]))
            if context.user != nil { response.headers[.cacheControl] = "private, no-store" }
            return response
        }
    }

    /// The access levels the reader asking may see.
    static func readable(_ context: AppRequestContext) -> Set<AccessLevel> {
        Set(AccessLevel.allCases.filter { context.mayRead($0) })
    }
}
