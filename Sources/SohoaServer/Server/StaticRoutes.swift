import Hummingbird

/// The style sheet and scripts, compiled into the binary (no files to install, no path to traverse).
enum StaticRoutes {
    static func add(to router: Router<AppRequestContext>) {
        router.get("/static/:file") { _, context -> Response in
            let name = try context.parameters.require("file")
            guard let asset = StaticAssets.all[name] else { throw HTTPError(.notFound) }
            return Response(
                status: .ok,
                headers: [.contentType: asset.contentType, .cacheControl: "public, max-age=3600"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: asset.text)))
        }
    }
}

/// A static text file served under `/static/`.
public struct StaticAsset: Sendable {
    public var contentType: String
    public var text: String

    public init(contentType: String, text: String) {
        self.contentType = contentType
        self.text = text
    }
}

/// Every static file: the shared style sheet and each area's script (each area adds its own in its
/// folder as `StaticAssets.<name>` and lists it here).
enum StaticAssets {
    static let all: [String: StaticAsset] = [
        "sohoa.css": StyleSheet.main,
        "review.js": ReviewScript.asset,
        "review.css": ReviewStyle.asset,
        "public.css": PublicStyle.asset,
    ]
}
