import Foundation
import Hummingbird
import SohoaSharing

/// `/oai`: the OAI-PMH 2.0 data provider (DESIGN §9), by GET and by form-encoded POST. Every answer,
/// protocol errors included, is XML with status 200. Answers are made on the server's harvest
/// threads (a list reads a hundred records; background priority), never on Swift's cooperative pool.
enum OAIRoutes {
    /// The largest POST body read (OAI-PMH arguments are short).
    static let maximumBody = 64 * 1024

    static func add(to router: Router<AppRequestContext>, services: ServerServices) {
        let provider = OAIProvider(
            catalog: services.catalog, configuration: services.options.sharing,
            baseURL: services.options.publicURL + "/oai", root: services.root, siteURL: services.options.publicURL,
            rights: services.options.rights)
        router.get("/oai") { request, _ -> Response in
            let arguments = OAIFormArguments.parse(request.uri.query ?? "")
            return try await services.harvests.run { try respond(provider, arguments: arguments) }
        }
        router.post("/oai") { request, _ -> Response in
            let body = try await request.body.collect(upTo: maximumBody)
            let arguments = OAIFormArguments.parse(String(buffer: body))
            return try await services.harvests.run { try respond(provider, arguments: arguments) }
        }
    }

    private static func respond(_ provider: OAIProvider, arguments: [String: [String]]) throws -> Response {
        let xml = try provider.response(to: arguments)
        return Response(
            status: .ok,
            headers: [.contentType: "text/xml; charset=utf-8", .accessControlAllowOrigin: "*", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: xml)))
    }
}
