import Foundation
import HTTPTypes
import Hummingbird
import SohoaCatalog

/// Reads the session cookie and fills in `context.user` and `context.csrfToken`; refuses any
/// state-changing request (POST, PUT, PATCH, DELETE) without the right CSRF token, except `/oai`.
///
/// A reader who is not signed in gets a CSRF token in the short-lived `sohoa_csrf` cookie, so the
/// sign-in form is protected too (double submit). The token comes back as the form field `_csrf`
/// (urlencoded body, which is read here; the handler gets a request with the same body) or as the
/// `X-CSRF-Token` header (scripts).
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let services: ServerServices

    /// The header scripts send the CSRF token in.
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!
    /// The form field forms send the CSRF token in (see `AppRequestContext.csrfField`).
    static let csrfField = "_csrf"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var request = request
        let secure = services.options.secureCookies
        var cookies: [Cookie] = []

        let sessionToken = request.cookies[AuthCookies.name(AuthCookies.session, secure: secure)]?.value
        if let found = try signedIn(token: sessionToken) {
            context.user = SignedInUser(
                id: found.user.id ?? 0, name: found.user.name, displayName: found.user.displayName, role: found.user.role,
                libraryCode: found.user.libraryCode, scope: found.scope)
            context.csrfToken = found.session.csrfToken
        } else {
            if sessionToken != nil { cookies.append(AuthCookies.cleared(AuthCookies.session, secure: secure)) }
            if let token = request.cookies[AuthCookies.name(AuthCookies.anonymousCSRF, secure: secure)]?.value,
                SessionToken.isWellFormed(token)
            {
                context.csrfToken = token
            } else {
                context.csrfToken = SessionToken.random()
                cookies.append(AuthCookies.anonymousCSRF(context.csrfToken, secure: secure))
            }
        }

        if Self.changesState(request.method), !Self.isExempt(request.uri.path), !Self.checksOwnToken(request) {
            let sent = try await Self.sentToken(&request)
            guard let sent, SessionToken.matches(sent, context.csrfToken) else {
                var refusal = Self.refusal(context: context)
                for cookie in cookies { refusal.setCookie(cookie) }
                return refusal
            }
        }

        var response = try await next(request, context)
        // Answers that shared caches may keep (IIIF, OAI-PMH, static files, anything marked public)
        // never carry a Set-Cookie.
        guard !Self.isShareable(request.uri.path, response) else { return response }
        for cookie in cookies where !response.headers[values: .setCookie].contains(where: { $0.hasPrefix("\(cookie.name)=") }) {
            response.setCookie(cookie)
        }
        return response
    }

    /// The session behind the cookie's token, if it is still valid and its user not disabled.
    private func signedIn(token: String?) throws -> ValidSession? {
        guard let token, SessionToken.isWellFormed(token) else { return nil }
        return try services.catalog.validSession(tokenHash: SessionToken.hash(token), at: Date())
    }

    static func changesState(_ method: HTTPRequest.Method) -> Bool {
        method == .post || method == .put || method == .patch || method == .delete
    }

    /// Whether a response may be stored by shared caches, so must not set cookies.
    static func isShareable(_ path: String, _ response: Response) -> Bool {
        path.hasPrefix("/iiif/") || path == "/oai" || path.hasPrefix("/oai/") || path.hasPrefix("/static/")
            || (response.headers[.cacheControl]?.contains("public") ?? false)
    }

    /// OAI-PMH accepts POST as a protocol request from harvesters, without cookies; `/api/` requests
    /// carry a bearer token instead of cookies (`APITokenMiddleware`).
    static func isExempt(_ path: String) -> Bool {
        path == "/oai" || path.hasPrefix("/oai/") || path.hasPrefix("/api/")
    }

    /// The web upload form's body is not read here (it may be hundreds of MB, and is written to disk
    /// as it arrives): its handler (`WebUploadReceiver`) checks the `_csrf` part, which the form sends
    /// first, before it writes any file.
    static func checksOwnToken(_ request: Request) -> Bool {
        request.method == .post && request.uri.path == WebUploadPage.path
            && (request.headers[.contentType] ?? "").lowercased().hasPrefix("multipart/form-data")
    }

    /// The token the request sends: the header, else the `_csrf` field of a urlencoded body.
    private static func sentToken(_ request: inout Request) async throws -> String? {
        if let header = request.headers[csrfHeader] { return header }
        let type = request.headers[.contentType]?.lowercased() ?? ""
        guard type.hasPrefix("application/x-www-form-urlencoded") else { return nil }
        let body = try await request.collectBody(upTo: FormFields.maximumBodySize)
        return FormFields(body)[csrfField]
    }

    /// 403 with a plain message: the form is stale or came from elsewhere.
    private static func refusal(context: Context) -> Response {
        let text = context.language.pick(
            "Biểu mẫu đã hết hạn hoặc không được gửi từ trang này (thiếu mã bảo vệ CSRF). Hãy tải lại trang rồi gửi lại.",
            "The form has expired or was not sent from this site (missing CSRF token). Reload the page and send it again.")
        return Response(
            status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text + "\n")))
    }
}
