import HTTPTypes
import Hummingbird

/// Headers every response carries: no framing, no content sniffing, scripts and styles from this
/// server only, no referrer leaking search words; behind HTTPS, `Strict-Transport-Security` (browsers
/// then never use plain HTTP for this site again). IIIF and OAI responses add CORS themselves.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    /// Whether readers reach the server through HTTPS (`ServerOptions.secureCookies`).
    var https = false

    /// The HSTS header's value: one year.
    static let strictTransportSecurity = "max-age=31536000"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] =
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'"
        }
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        if https { response.headers[.strictTransportSecurity] = Self.strictTransportSecurity }
        return response
    }
}
