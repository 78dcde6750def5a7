import Foundation
import Hummingbird
import SohoaCatalog
import SohoaCollection
import SohoaSharing

/// The IIIF routes (DESIGN §9): Presentation 3 manifests per item and collections per library, the
/// Image API 3 (level 2) over the archived masters, and each page's ALTO and hOCR.
///
/// Access: closed and withdrawn items answer 404 everywhere (as if they did not exist); restricted
/// items only to signed-in readers, whatever `sharing.restricted` says (that setting is about
/// OAI-PMH metadata; IIIF carries images and text). A 404 names only what was asked for, never the
/// hidden item behind a page id. hOCR is `text/vnd.hocr+html` (as the manifests' `seeAlso` say) and
/// OCR files are sandboxed, so they never run as pages of this site.
enum IIIFRoutes {
    static func add(to router: Router<AppRequestContext>, services: ServerServices) {
        let server = IIIFServer(services: services)
        let iiif = router.group("iiif").add(middleware: IIIFCORSMiddleware())
        iiif.get("image/:id") { request, context -> Response in
            let id = try context.parameters.require("id")
            _ = try server.archive.imageSource(pageID: decoded(id), context: context)
            return Response(
                status: .seeOther, headers: [.location: server.links(for: request).imageService(pageID: Int64(id) ?? 0) + "/info.json"])
        }
        iiif.get("image/:id/info.json") { request, context -> Response in
            try await server.info(pageID: decoded(context.parameters.require("id")), request: request, context: context)
        }
        iiif.get("image/:id/:region/:size/:rotation/:file") { request, context -> Response in
            try await server.image(
                pageID: decoded(context.parameters.require("id")), region: decoded(context.parameters.require("region")),
                size: decoded(context.parameters.require("size")), rotation: decoded(context.parameters.require("rotation")),
                file: decoded(context.parameters.require("file")), request: request, context: context)
        }
        iiif.get("collection/:library") { request, context -> Response in
            let name = try decoded(context.parameters.require("library"))
            // Serial ids are lowercase slugs; library codes are uppercase.
            if SerialValues.isSerialID(name) { return try server.collection(serial: name, request: request, context: context) }
            return try server.collection(libraryCode: name, request: request, context: context)
        }
        iiif.get(":item/manifest") { request, context -> Response in
            try await server.manifest(itemID: decoded(context.parameters.require("item")), request: request, context: context)
        }
        iiif.get(":item/manifest.json") { request, context -> Response in
            try await server.manifest(itemID: decoded(context.parameters.require("item")), request: request, context: context)
        }
        iiif.get(":item/alto/:page") { request, context -> Response in
            try server.ocrFile(
                itemID: decoded(context.parameters.require("item")), pageName: decoded(context.parameters.require("page")),
                folder: "alto", suffix: ".xml", contentType: "application/xml; charset=utf-8", request: request, context: context)
        }
        iiif.get(":item/hocr/:page") { request, context -> Response in
            try server.ocrFile(
                itemID: decoded(context.parameters.require("item")), pageName: decoded(context.parameters.require("page")),
                folder: "hocr", suffix: ".hocr", contentType: "text/vnd.hocr+html; charset=utf-8", request: request,
                context: context)
        }
    }

    /// A path parameter with its percent-encoding undone (the router hands them over encoded).
    private static func decoded(_ text: String) throws -> String {
        guard let value = text.removingPercentEncoding else {
            throw HTTPError(.badRequest, message: "'\(text)' is not a valid path segment")
        }
        return value.precomposedStringWithCanonicalMapping
    }
}
