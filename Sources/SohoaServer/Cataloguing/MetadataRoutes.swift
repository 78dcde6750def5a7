import Foundation
import Hummingbird
import SohoaCatalog
import SohoaCollection

/// The metadata editing routes (issue 14), for archivists: `GET /items/<item-id>/metadata` (the
/// form) and `POST /items/<item-id>/metadata` (save: a new archive version when something changed).
enum MetadataRoutes {
    static func add(to router: Router<AppRequestContext>, services: ServerServices) {
        // Saves run off the server's threads, one at a time; the drafts lock orders them with reviews.
        let writer = ReviewWriter()
        router.get("/items/:item/metadata") { request, context -> Response in
            _ = try context.requireUser(where: \.canReview)
            let (itemID, description, version) = try editable(context, services: services)
            let saved = request.uri.queryParameters.get("saved")
            let notice = saved.map { MetadataFormPage.Notice.saved(version: $0.isEmpty ? nil : $0) }
            var response = Response.html(
                MetadataFormPage(itemID: itemID, description: description, version: version, notice: notice).render(context: context))
            response.headers[.cacheControl] = "private, no-store"
            return response
        }
        router.post("/items/:item/metadata") { request, context -> Response in
            try await save(request, context: context, services: services, writer: writer)
        }
    }

    /// The item named in the path with its archived description and version; 404 when it is not
    /// archived or is another library's.
    private static func editable(
        _ context: AppRequestContext, services: ServerServices
    ) throws -> (String, ItemDescription, String) {
        guard let itemID = URLPath.decodedComponent(try context.parameters.require("item")),
            let item = try services.catalog.item(id: itemID), context.scope.includes(item.libraryCode),
            let version = item.ocflVersion,
            let description = try MetadataEditor(session: services.session).description(of: itemID)
        else { throw HTTPError(.notFound) }
        return (itemID, description, version)
    }

    private static func save(
        _ request: Request, context: AppRequestContext, services: ServerServices, writer: ReviewWriter
    ) async throws -> Response {
        let user = try context.requireUser(where: \.canReview)
        let (itemID, archived, version) = try editable(context, services: services)
        // The review queue shows items' titles: its figures are made again after a save.
        defer { services.reviews.changed() }
        let form = try await FormFields.read(request, context: context)
        var description = archived
        var page = MetadataFormPage(itemID: itemID, description: archived, version: form["version"] ?? version)
        for field in MetadataField.allCases {
            guard let text = form[field.header] else { continue }
            page.values[field] = text
            do throws(MetadataFieldError) {
                try field.set(text, in: &description)
            } catch {
                page.problems[field] = error
            }
        }
        guard page.problems.isEmpty else {
            page.notice = .refused
            return .html(page.render(context: context), status: .badRequest)
        }
        let edit = MetadataEdit(itemID: itemID, description: description, basedOn: form["version"] ?? version)
        let editor = MetadataEditor(session: services.session)
        let person = Reviewer(userID: user.id, account: user.name, displayName: user.displayName).recordedName
        do throws(MetadataEditError) {
            let result = try await writer.run { () throws(MetadataEditError) in try editor.apply(edit, by: person) }
            return .seeOther(MetadataFormPage.path(itemID) + "?saved=" + URLPath.queryValue(result.written?.version ?? ""))
        } catch {
            switch error {
            case .noSuchItem: throw HTTPError(.notFound)
            case .invalid(let problem):
                page.problems[problem.field] = problem
                page.notice = .refused
                return .html(page.render(context: context), status: .badRequest)
            case .conflict:
                page.notice = .conflict
                return .html(page.render(context: context), status: .conflict)
            case .failed(let reason):
                context.logger.error("metadata of \(itemID) not saved: \(reason)")
                page.notice = .failed
                return .html(page.render(context: context), status: .internalServerError)
            }
        }
    }
}
