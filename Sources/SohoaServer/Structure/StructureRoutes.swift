import Foundation
import Hummingbird
import SohoaArchive
import SohoaCatalog
import SohoaCollection

/// The structure routes (issue 14), for archivists: `GET /items/<id>/structure` shows an item's page
/// labels and table of contents on its thumbnails; `POST` applies label rules (shown, not saved) or
/// saves, which writes a new archive version.
enum StructureRoutes {
    /// The structure page of an item.
    static func path(_ itemID: String) -> String { URLPath.item(itemID) + "/structure" }

    static func add(to router: Router<AppRequestContext>, services: ServerServices) {
        router.get("/items/:item/structure") { request, context -> Response in
            _ = try context.requireUser(where: \.canReview)
            let saved = request.uri.queryParameters.get("saved")
            return try await services.pages.run {
                let (item, scans) = try archived(context, services: services)
                let structure = try StructureEdit(session: services.session).current(itemID: item.id)
                var view = StructurePageView(item: item, scans: scans, form: StructureForm(structure, pageCount: scans.count))
                if let saved {
                    view.notice = (context.language.pick("Đã lưu (phiên bản \(saved)).", "Saved (version \(saved))."), false)
                }
                return .html(view.render(context: context))
            }
        }
        router.post("/items/:item/structure") { request, context -> Response in
            let user = try context.requireUser(where: \.canReview)
            let fields = try await FormFields.read(request, context: context)
            return try await services.pages.run {
                try post(fields, user: user, context: context, services: services)
            }
        }
    }

    private static func post(
        _ fields: FormFields, user: SignedInUser, context: AppRequestContext, services: ServerServices
    ) throws -> Response {
        let (item, scans) = try archived(context, services: services)
        var form = StructureForm(fields: { fields[$0] }, pageCount: scans.count)
        var view = StructurePageView(item: item, scans: scans, form: form, rules: fields["rules"] ?? "")
        let language = context.language
        if fields["action"] == "rules" {
            do {
                try form.apply(rules: fields["rules"] ?? "")
                view.form = form
                view.notice = (
                    language.pick(
                        "Đã điền số trang theo quy tắc; xem lại rồi bấm Lưu.", "Labels filled in from the rules; check them, then Save."),
                    false
                )
                return .html(view.render(context: context))
            } catch {
                view.notice = (language.pick("Quy tắc chưa dùng được: ", "The rules cannot be used: ") + error.description, true)
                return .html(view.render(context: context), status: .badRequest)
            }
        }
        let who = Reviewer(userID: user.id, account: user.name, displayName: user.displayName).recordedName
        do {
            let structure = try form.structure()
            let written = try StructureEdit(session: services.session).apply(itemID: item.id, structure: structure, by: who)
            services.reviews.changed()
            return .seeOther(path(item.id) + "?saved=\(URLPath.queryValue(written.version))")
        } catch let error as StructureError {
            view.notice = (language.pick("Chưa lưu: ", "Not saved: ") + error.description, true)
            return .html(view.render(context: context), status: .badRequest)
        } catch let error as RunError {
            let status: HTTPResponse.Status =
                error.kind == .usage ? .badRequest : error.kind == .conflict ? .conflict : .internalServerError
            if status == .internalServerError { context.logger.error("structure of \(item.id) not saved: \(error.message)") }
            view.notice = (language.pick("Chưa lưu: ", "Not saved: ") + error.message, true)
            return .html(view.render(context: context), status: status)
        }
    }

    /// The archived item named in the path and its scans in order; 404 for items the review screens
    /// do not show (not archived, withdrawn, closed) and for another library's items.
    private static func archived(
        _ context: AppRequestContext, services: ServerServices
    ) throws -> (ItemRecord, [StructurePageView.Scan]) {
        let served = try ServedItem.find(try context.parameters.require("item"), services: services, context: context)
        guard served.item.ocflVersion != nil else { throw HTTPError(.notFound) }
        try context.requireInScope(served.item.libraryCode)
        let scans = try services.catalog.ownPages(itemID: served.item.id).filter { $0.state == .done }.compactMap { page in
            page.id.map { StructurePageView.Scan(pageID: $0, name: page.name) }
        }
        return (served.item, scans)
    }
}
