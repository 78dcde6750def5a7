import Foundation
import HTTPTypes
import Hummingbird
import SohoaArchive

/// A file of an item's head version, found through the object's inventory: only logical paths the
/// inventory lists can be served, and the file must lie inside the object's folder. Nothing from a
/// URL is ever joined to a file-system path.
enum ArchivedFile {
    /// The file holding `logicalPath` in the head version of `objectID`; 404 when the inventory does
    /// not list it (or lists content outside the object, which a sound archive never does).
    static func url(objectID: String, logicalPath: String, root: OCFLStorageRoot) throws -> URL {
        guard let url = try root.contentURL(objectID: objectID, logicalPath: logicalPath) else { throw HTTPError(.notFound) }
        let object = root.url.appendingPathComponent(root.objectPath(for: objectID)).standardizedFileURL.resolvingSymlinksInPath()
        let file = url.standardizedFileURL.resolvingSymlinksInPath()
        guard file.path.hasPrefix(object.path + "/") else { throw HTTPError(.notFound) }
        return file
    }

    /// A response streaming the file, with `contentType` and `cacheControl`, and an optional
    /// `Content-Disposition`.
    static func response(
        _ url: URL, contentType: String, cacheControl: String, disposition: String? = nil, context: AppRequestContext
    ) async throws -> Response {
        let body = try await FileIO().loadFile(path: url.path, context: context)
        var headers: HTTPFields = [.contentType: contentType, .cacheControl: cacheControl]
        if let disposition { headers[.contentDisposition] = disposition }
        return Response(status: .ok, headers: headers, body: body)
    }
}
