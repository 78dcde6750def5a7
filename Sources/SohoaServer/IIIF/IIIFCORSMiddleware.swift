import Hummingbird

/// Lets viewers on other sites load IIIF resources: `Access-Control-Allow-Origin: *` on every answer
/// of the `/iiif` routes (errors get it from `ErrorPageMiddleware`). Viewers send simple GETs, so
/// there are no preflights to answer.
struct IIIFCORSMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.accessControlAllowOrigin] = "*"
        return response
    }
}
