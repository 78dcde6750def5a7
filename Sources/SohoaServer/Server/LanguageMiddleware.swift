import Hummingbird

/// Picks the page language: `?lang=vi|en` (remembered for a year in the `lang` cookie), else the
/// cookie, else Vietnamese.
struct LanguageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let asked = request.uri.queryParameters.get("lang").flatMap(UILanguage.init(rawValue:))
        context.language = Self.language(of: request)
        let query = (request.uri.query ?? "").split(separator: "&").filter { !$0.hasPrefix("lang=") || !Self.isLanguage($0) }
        context.pathWithoutLanguage = Self.localPath(request.uri.path) + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        var response = try await next(request, context)
        if let asked {
            response.setCookie(
                .init(name: "lang", value: asked.rawValue, maxAge: 365 * 24 * 3600, path: "/", httpOnly: true, sameSite: .lax))
        }
        return response
    }

    /// The language `request` asks for: `?lang=`, else the `lang` cookie, else Vietnamese.
    static func language(of request: Request) -> UILanguage {
        request.uri.queryParameters.get("lang").flatMap(UILanguage.init(rawValue:))
            ?? request.cookies["lang"].flatMap { UILanguage(rawValue: $0.value) } ?? .vi
    }

    /// The path as a link on this site: `//evil.example/x` (or `/\\evil…`) would be read by browsers
    /// as another host, so leading slashes and backslashes collapse to one `/`.
    static func localPath(_ path: String) -> String {
        "/" + path.drop { $0 == "/" || $0 == "\\" }
    }

    /// `lang=vi` or `lang=en` (a page-language switch; `lang=vie` on /search is a document-language filter).
    static func isLanguage(_ parameter: Substring) -> Bool {
        UILanguage(rawValue: String(parameter.dropFirst("lang=".count))) != nil
    }
}
