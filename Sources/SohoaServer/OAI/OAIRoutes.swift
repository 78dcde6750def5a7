import Foundation
import Hummingbird
import SohoaSharing

/// `/oai`: the OAI-PMH 2.0 data provider (DESIGN §9), by GET and by form-encoded POST. Every answer,
/// protocol errors included, is XML with status 200.
enum OAIRoutes {
    /// The largest POST body read (OAI-PMH arguments are short).
    static let maximumBody = 64 * 1024

    static func add(to router: Router<AppRequestContext>, services: ServerServices) {
        let provider = OAIProvider(
            catalog: services.catalog, configuration: services.options.sharing,
            baseURL: services.options.publicURL + "/oai", root: services.root, siteURL: services.options.publicURL)
        router.get("/oai") { request, _ -> Response in
            try respond(provider, arguments: OAIFormArguments.parse(request.uri.query ?? ""))
        }
        router.post("/oai") { request, _ -> Response in
            let body = try await request.body.collect(upTo: maximumBody)
            return try respond(provider, arguments: OAIFormArguments.parse(String(buffer: body)))
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
