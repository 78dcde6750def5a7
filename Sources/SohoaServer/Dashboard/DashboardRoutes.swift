import Foundation
import Hummingbird
import SohoaCatalog

/// The dashboard routes (DESIGN §9), for managers and admins: `/dashboard` and the yearly report
/// download `/dashboard/report?year=YYYY`.
enum DashboardRoutes {
    static func add(to router: Router<AppRequestContext>, services: ServerServices) {
        router.get("/dashboard") { _, context -> Response in
            _ = try context.requireUser(where: \.canSeeDashboard)
            let scope = context.scope
            // Many catalog reads and, with `--queue`, a round trip to PostgreSQL: on the page threads.
            let data = try await services.pages.run { try DashboardData.load(services: services, scope: scope) }
            return .html(
                PageLayout.page(
                    title: context.language.pick("Tiến độ số hóa", "Digitization progress"), context: context,
                    body: DashboardPage.html(data, context: context), styles: [PublicStyle.url]))
        }
        router.get("/dashboard/report") { request, context -> Response in
            _ = try context.requireUser(where: \.canSeeDashboard)
            return try YearlyReportDownload.response(FormQuery(query: request.uri.query ?? ""), services: services)
        }
    }
}
