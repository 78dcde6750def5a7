import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import SohoaCatalog
import SohoaSharing

/// The shapes of IIIF answers: JSON-LD documents, images, OCR files, errors; and their caching
/// headers. Public answers may be kept 5 minutes and are then revalidated with their ETag (an item
/// can be closed later); restricted ones are never stored.
enum IIIFResponses {
    /// How long shared caches and browsers may keep a public answer without asking again.
    static let publicCacheControl = "public, max-age=300"
    /// Restricted answers: not kept anywhere (a reading-room browser is shared).
    static let restrictedCacheControl = "no-store"

    /// A JSON document with the content type the client asked for: JSON-LD (with the API's context
    /// as profile) when `ldByDefault` or when the `Accept` header names it, plain JSON otherwise.
    static func json(_ document: IIIFJSON, profile: String, request: Request, ldByDefault: Bool, access: AccessLevel) -> Response {
        json(bytes: Array(document.data()), profile: profile, request: request, ldByDefault: ldByDefault, access: access)
    }

    /// Serialized JSON (`json(_:…)` for a document already turned into bytes); 304 when the client
    /// holds this very document.
    static func json(bytes: [UInt8], profile: String, request: Request, ldByDefault: Bool, access: AccessLevel) -> Response {
        let accept = request.headers[.accept] ?? ""
        let asksForLD = accept.contains("application/ld+json")
        let asksForPlain = accept.contains("application/json")
        let ld = asksForLD || (ldByDefault && !asksForPlain)
        let type = ld ? "application/ld+json;profile=\"\(profile)\"" : "application/json"
        var headers: HTTPFields = [.contentType: type, .vary: "Accept, Cookie"]
        let tag = etag(Array(type.utf8) + [0] + bytes)
        caching(&headers, access: access, etag: tag)
        if let notModified = notModified(request, etag: tag, access: access, headers: headers) { return notModified }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// An encoded image, with the compliance profile in a `Link` header and `etag` (from the
    /// canonical request, known before rendering).
    static func image(_ rendered: IIIFImageService.Rendered, etag tag: String, access: AccessLevel) -> Response {
        var headers: HTTPFields = [
            .contentType: rendered.mediaType, .vary: "Cookie",
            HTTPField.Name("Link")!: "<\(IIIFImageInfo.profileURI)>;rel=\"profile\"",
        ]
        caching(&headers, access: access, etag: tag)
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: rendered.bytes)))
    }

    /// An archived OCR file (ALTO, hOCR) as it is stored, as data rather than a page of this site:
    /// sandboxed (no script runs even if a browser renders it) and named for saving.
    static func ocrFile(
        _ data: Data, contentType: String, fileName: String, etag tag: String, request: Request, access: AccessLevel
    ) -> Response {
        var headers: HTTPFields = [
            .contentType: contentType, .vary: "Cookie",
            .contentSecurityPolicy: "sandbox; default-src 'none'",
            .contentDisposition: "inline; filename=\"\(IIIFLinks.segment(fileName))\"",
        ]
        caching(&headers, access: access, etag: tag)
        if let notModified = notModified(request, etag: tag, access: access, headers: headers) { return notModified }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// 304 Not Modified (with `headers`) when the public answer tagged `etag` is the one the client
    /// holds (`If-None-Match`); nil when the answer must be sent.
    static func notModified(_ request: Request, etag tag: String, access: AccessLevel, headers: HTTPFields) -> Response? {
        guard access == .public, let held = request.headers[.ifNoneMatch] else { return nil }
        let tags = held.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard tags.contains(tag) || tags.contains("W/" + tag) || tags.contains("*") else { return nil }
        var headers = headers
        headers[.contentType] = nil
        headers[.contentDisposition] = nil
        return Response(status: .notModified, headers: headers)
    }

    /// A strong ETag for an answer made from `key` (its bytes, or what determines them).
    static func etag(_ key: some Sequence<UInt8>) -> String {
        let digest = SHA256.hash(data: Array(key))
        return "\"" + digest.prefix(16).map { String(format: "%02x", $0) }.joined() + "\""
    }

    /// 503 with `Retry-After`: every render lane is busy and the waiting line is full.
    static func busy(_ error: IIIFError) -> Response {
        Response(
            status: .serviceUnavailable,
            headers: [
                .contentType: "text/plain; charset=utf-8", .retryAfter: "2", .cacheControl: restrictedCacheControl,
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(string: error.message + "\n")))
    }

    /// The HTTP error for a IIIF error, carrying its message (never its details).
    static func error(_ error: IIIFError) -> HTTPError {
        HTTPError(HTTPResponse.Status(code: error.statusCode), message: error.message)
    }

    /// Public answers: kept briefly, revalidated by ETag; restricted: never stored.
    private static func caching(_ headers: inout HTTPFields, access: AccessLevel, etag tag: String) {
        if access == .public {
            headers[.cacheControl] = publicCacheControl
            headers[.eTag] = tag
        } else {
            headers[.cacheControl] = restrictedCacheControl
        }
    }
}
