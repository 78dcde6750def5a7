import Foundation
import Hummingbird
import SohoaSharing

/// JSON answers of the `/api` routes: a value, or a refusal with a plain sentence and its problems.
enum APIResponse {
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONEncoder.submission.encode(value)) ?? Data("{}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func refusal(_ status: HTTPResponse.Status, _ message: String, problems: [String] = []) -> Response {
        json(SubmissionAPIError(error: message, problems: problems), status: status)
    }
}
