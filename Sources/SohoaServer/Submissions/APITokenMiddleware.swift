import Foundation
import HTTPTypes
import Hummingbird

/// Signs in `/api/v1` requests by their `Authorization: Bearer <token>` (from `sohoa login`); a
/// missing, unknown, expired or disabled user's token gets 401 with what to do.
struct APITokenMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let services: ServerServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let header = request.headers[.authorization] ?? ""
        let token = header.hasPrefix("Bearer ") ? String(header.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces) : ""
        guard SessionToken.isWellFormed(token), let user = try services.catalog.apiTokenUser(tokenHash: SessionToken.hash(token)),
            let id = user.id
        else {
            var response = APIResponse.refusal(
                .unauthorized, "not signed in, or the sign-in has expired: run `sohoa login <server-url> --user NAME` again")
            response.headers[.wwwAuthenticate] = "Bearer"
            return response
        }
        var context = context
        context.user = SignedInUser(
            id: id, name: user.name, displayName: user.displayName, role: user.role, libraryCode: user.libraryCode,
            scope: try services.catalog.accessScope(of: user))
        return try await next(request, context)
    }
}
