import Foundation
import HTTPTypes
import Hummingbird
import SohoaCatalog
import SohoaSharing

/// The shapes of IIIF answers: JSON-LD documents, images, redirects, errors.
enum IIIFResponses {
    /// A JSON document with the content type the client asked for: JSON-LD (with the API's context
    /// as profile) when `ldByDefault` or when the `Accept` header names it, plain JSON otherwise.
    static func json(_ document: IIIFJSON, profile: String, request: Request, ldByDefault: Bool, access: AccessLevel) -> Response {
        json(bytes: Array(document.data()), profile: profile, request: request, ldByDefault: ldByDefault, access: access)
    }

    /// Serialized JSON (`json(_:…)` for a document already turned into bytes).
    static func json(bytes: [UInt8], profile: String, request: Request, ldByDefault: Bool, access: AccessLevel) -> Response {
        let accept = request.headers[.accept] ?? ""
        let asksForLD = accept.contains("application/ld+json")
        let asksForPlain = accept.contains("application/json")
        let ld = asksForLD || (ldByDefault && !asksForPlain)
        let type = ld ? "application/ld+json;profile=\"\(profile)\"" : "application/json"
        return Response(
            status: .ok,
            headers: [.contentType: type, .cacheControl: cacheControl(access), .vary: "Accept, Cookie"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// An encoded image, with the compliance profile in a `Link` header.
    static func image(_ rendered: IIIFImageService.Rendered, access: AccessLevel) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: rendered.mediaType, .cacheControl: cacheControl(access), .vary: "Cookie",
                HTTPField.Name("Link")!: "<\(IIIFImageInfo.profileURI)>;rel=\"profile\"",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: rendered.bytes)))
    }

    /// An archived XML or HTML file (ALTO, hOCR) as it is stored.
    static func file(_ data: Data, contentType: String, access: AccessLevel) -> Response {
        Response(
            status: .ok, headers: [.contentType: contentType, .cacheControl: cacheControl(access), .vary: "Cookie"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The HTTP error for a IIIF error, carrying its message.
    static func error(_ error: IIIFError) -> HTTPError {
        HTTPError(HTTPResponse.Status(code: error.statusCode), message: error.message)
    }

    /// Public items may be kept by shared caches for a day; restricted ones only by the reader's browser.
    private static func cacheControl(_ access: AccessLevel) -> String {
        access == .public ? "public, max-age=86400" : "private, max-age=600"
    }
}
