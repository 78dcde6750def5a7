import Foundation
import Hummingbird
import SohoaCatalog

/// Turns errors into plain pages: 401 on an HTML page becomes a redirect to sign-in (coming back
/// afterwards), other HTTP errors a short page in the reader's language, anything else a 500 that
/// says nothing about the inside (and is logged). A query not yet ported to a catalog on PostgreSQL
/// (`sohoa serve --catalog postgresql://…`) is a 503 that says so in plain words, and so is a change
/// whose outcome is unknown (`CatalogError.Kind.outcomeUnknown`: the reader is asked to check, not to
/// try again).
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // This middleware runs outside `LanguageMiddleware`, whose choice never reaches it: an English
        // reader's error pages were in Vietnamese. The same rule, applied here.
        var context = context
        context.language = LanguageMiddleware.language(of: request)
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            var response = page(for: error.status, message: error.body, request: request, context: context)
            // Headers the error carries (e.g. `Retry-After` on a 503) reach the reader too.
            for field in error.headers where response.headers[field.name] == nil { response.headers.append(field) }
            return response
        } catch let error as CatalogError where error.kind == .notOnThisBackend {
            context.logger.error("\(request.method) \(request.uri.path): \(error)")
            let message = context.language.pick(
                "Chức năng này chưa dùng được khi danh mục ở PostgreSQL; các trang khác vẫn dùng được.",
                "This is not available yet with the catalog on PostgreSQL; the other pages work.")
            return page(for: .serviceUnavailable, message: message, request: request, context: context)
        } catch let error as CatalogError where error.kind == .outcomeUnknown {
            // The connection to PostgreSQL broke while a change was being committed: it may have been
            // saved. "Try again" could make it twice, so the reader is asked to look first.
            context.logger.error("\(request.method) \(request.uri.path): \(error)")
            let message = context.language.pick(
                "Mất kết nối tới cơ sở dữ liệu đúng lúc đang lưu: thay đổi có thể đã được lưu. "
                    + "Hãy tải lại trang để xem trước khi làm lại.",
                "The connection to the database was lost while the change was being saved: it may have been saved. "
                    + "Reload the page to check before doing it again.")
            return page(for: .serviceUnavailable, message: message, request: request, context: context)
        } catch let error as any HTTPResponseError {
            return page(for: error.status, message: nil, request: request, context: context)
        } catch {
            context.logger.error("\(request.method) \(request.uri.path): \(error)")
            return page(for: .internalServerError, message: nil, request: request, context: context)
        }
    }

    private func page(for status: HTTPResponse.Status, message: String?, request: Request, context: Context) -> Response {
        let path = request.uri.path
        let isHTML =
            !(path.hasPrefix("/oai") || path.hasPrefix("/iiif") || path.hasPrefix("/api"))
            && !(request.headers[.accept] ?? "").contains("application/json")
        if status == .unauthorized, isHTML, request.method == .get {
            let back = request.uri.description
            return .seeOther("/login?next=\(back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")")
        }
        let language = context.language
        let text: String
        switch status {
        case .notFound: text = language.pick("Không tìm thấy trang hoặc tài liệu này.", "This page or document was not found.")
        case .forbidden: text = language.pick("Tài khoản của bạn không có quyền xem trang này.", "Your account may not open this page.")
        case .unauthorized: text = language.pick("Cần đăng nhập.", "Please sign in.")
        case .internalServerError:
            text = language.pick(
                "Máy chủ gặp lỗi. Xin thử lại; nếu vẫn lỗi, báo cho quản trị viên.",
                "The server had a problem. Try again; if it persists, tell the administrator.")
        default: text = message ?? status.reasonPhrase
        }
        if !isHTML {
            var response = Response(
                status: status, headers: [.contentType: "text/plain; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: (message ?? text) + "\n")))
            if path.hasPrefix("/iiif") { response.headers[.accessControlAllowOrigin] = "*" }
            return response
        }
        let detail: HTML = message.map { "<p class=\"detail\">\($0)</p>" } ?? .empty
        let body: HTML = "<p>\(text)</p>\(detail)<p><a href=\"/\">\(language.pick("Về trang chủ", "Home"))</a></p>"
        return .html(
            PageLayout.page(title: "\(status.code) · \(language.pick("Lỗi", "Error"))", context: context, body: body), status: status)
    }
}
