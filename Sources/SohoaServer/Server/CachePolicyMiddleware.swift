import Foundation
import Hummingbird

/// `Cache-Control` for every answer but IIIF's (which sets its own): only what is explicitly marked
/// `public` (public items' files, static files) may be kept; everything else is `no-store` — pages
/// for signed-in users, restricted items' files, review, dashboard, errors — so nothing stays in a
/// shared reading-room browser after its user signs out.
struct CachePolicyMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    /// What routes that may be kept send: public items' files and text (items can be closed later,
    /// so a cache keeps them for five minutes only).
    static let publicItem = "public, max-age=300"
    /// What everything that is not public gets.
    static let notStored = "no-store"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if request.uri.path.hasPrefix("/iiif/") { return response }
        response.headers[.cacheControl] = Self.policy(response.headers[.cacheControl])
        return response
    }

    /// The header to send for what a route set: kept when it is `public` (and not also `private` or
    /// `no-store`), else `no-store`.
    static func policy(_ set: String?) -> String {
        guard let set else { return notStored }
        let directives = set.lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard directives.contains("public"), !directives.contains("private"), !directives.contains("no-store") else {
            return notStored
        }
        return set
    }
}
