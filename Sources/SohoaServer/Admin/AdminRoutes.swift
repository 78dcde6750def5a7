import Foundation
import Hummingbird
import SohoaCatalog

/// The administrators' routes (issue 15): `GET /admin/libraries` lists the network's libraries,
/// `POST /admin/libraries` adds one, `POST /admin/libraries/<code>` renames one. Admins only (403
/// for other roles, sign-in for readers).
enum AdminRoutes {
    static func add(to router: Router<AppRequestContext>, services: ServerServices) {
        router.get("/admin/libraries") { request, context -> Response in
            _ = try context.requireUser(where: { $0 == .admin })
            var page = LibrariesPage(libraries: try services.catalog.libraries())
            let language = context.language
            if let added = request.uri.queryParameters.get("added") {
                page.notice = (language.pick("Đã thêm thư viện \(added).", "Library \(added) added."), false)
            } else if let renamed = request.uri.queryParameters.get("renamed") {
                page.notice = (language.pick("Đã đổi tên thư viện \(renamed).", "Library \(renamed) renamed."), false)
            }
            return .html(page.render(context: context))
        }
        router.post("/admin/libraries") { request, context -> Response in
            _ = try context.requireUser(where: { $0 == .admin })
            let form = try await FormFields.read(request, context: context)
            let typed = LibrariesPage.Typed(
                code: form["code"] ?? "", name: form["name"] ?? "", district: form["district"] ?? "",
                provincial: form["provincial"] != nil)
            if let problem = try addProblem(typed, catalog: services.catalog, language: context.language) {
                return try refused(problem, typed: typed, context: context, services: services)
            }
            do {
                let added = try services.catalog.addLibrary(
                    code: typed.code, name: typed.name, district: typed.district, provincial: typed.provincial)
                return .seeOther(LibrariesPage.path + "?added=" + URLPath.queryValue(added.code))
            } catch let error as CatalogError where error.kind == .constraintViolated {
                return try refused(error.message, typed: typed, context: context, services: services)
            }
        }
        router.post("/admin/libraries/:code") { request, context -> Response in
            _ = try context.requireUser(where: { $0 == .admin })
            guard let code = URLPath.decodedComponent(try context.parameters.require("code")),
                try services.catalog.library(code: code) != nil
            else { throw HTTPError(.notFound) }
            let form = try await FormFields.read(request, context: context)
            let name = form["name"] ?? ""
            guard !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                return try refused(
                    context.language.pick("Tên thư viện không được để trống.", "A library needs a name."), typed: .init(), context: context,
                    services: services)
            }
            let renamed = try services.catalog.renameLibrary(code: code, name: name, district: form["district"])
            return .seeOther(LibrariesPage.path + "?renamed=" + URLPath.queryValue(renamed.code))
        }
    }

    /// Why the add form cannot be saved, in the page's language; `nil` when it can.
    private static func addProblem(
        _ typed: LibrariesPage.Typed, catalog: Catalog, language: UILanguage
    ) throws(CatalogError) -> String? {
        guard let code = LibraryRecord.code(typed.code) else {
            return language.pick(
                "Mã thư viện '\(typed.code)' không hợp lệ: dùng 1–32 chữ A–Z, chữ số, - hoặc _ (ví dụ TUY).",
                "'\(typed.code)' is not a library code: use 1 to 32 letters A–Z, digits, - or _ (e.g. TUY).")
        }
        if let existing = try catalog.library(code: code) {
            return language.pick(
                "Mã \(code) đã có (\(existing.name)); muốn đổi tên thì sửa ở dòng của thư viện đó.",
                "Code \(code) is listed already (\(existing.name)); to rename it, edit its row.")
        }
        if typed.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return language.pick("Tên thư viện không được để trống.", "A library needs a name.")
        }
        if typed.provincial, let provincial = try catalog.provincialLibrary() {
            return language.pick(
                "\(provincial.code) (\(provincial.name)) đã là thư viện tỉnh; chỉ có một thư viện tỉnh.",
                "\(provincial.code) (\(provincial.name)) is the provincial library already; there is only one.")
        }
        return nil
    }

    /// The page again with `problem` and what was typed, status 400.
    private static func refused(
        _ problem: String, typed: LibrariesPage.Typed, context: AppRequestContext, services: ServerServices
    ) throws -> Response {
        let page = LibrariesPage(libraries: try services.catalog.libraries(), notice: (problem, true), typed: typed)
        return .html(page.render(context: context), status: .badRequest)
    }
}
