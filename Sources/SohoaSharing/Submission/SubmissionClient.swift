import AsyncHTTPClient
import Foundation

/// Talks to a `sohoa serve` about submissions (`SubmissionAPI`): signs in, starts or resumes an
/// upload, sends its chunks, completes it, and reads states. One instance per server and token.
public struct SubmissionClient: Sendable {
    /// The server's address, e.g. `https://thuvien.laichau.gov.vn` (no trailing slash).
    public let server: String
    /// The token from `login`, sent as `Authorization: Bearer`.
    public var token: String?
    /// Seconds one request may take.
    public var timeoutSeconds: Int64 = 300

    public init(server: String, token: String? = nil) {
        var server = server
        while server.hasSuffix("/") { server.removeLast() }
        self.server = server
        self.token = token
    }

    /// Signs in with a name and password; the answer holds the token.
    public func login(name: String, password: String) async throws(SubmissionClientError) -> LoginResponse {
        try await send("POST", SubmissionAPI.loginPath, json: LoginRequest(name: name, password: password))
    }

    /// Starts an upload, or finds the one already started for the same tar.
    public func open(_ request: SubmissionRequest) async throws(SubmissionClientError) -> SubmissionStatus {
        try await send("POST", SubmissionAPI.submissionsPath, json: request)
    }

    /// One submission's state.
    public func status(_ id: Int64) async throws(SubmissionClientError) -> SubmissionStatus {
        try await send("GET", SubmissionAPI.submissionPath(id))
    }

    /// The signed-in user's submissions, newest first.
    public func list() async throws(SubmissionClientError) -> [SubmissionStatus] {
        try await send("GET", SubmissionAPI.submissionsPath)
    }

    /// Sends `chunk` to be written at `offset`.
    public func put(_ id: Int64, offset: Int64, chunk: Data) async throws(SubmissionClientError) -> SubmissionStatus {
        let hash = SubmissionAPI.sha256(chunk)
        return try await send(
            "PUT", SubmissionAPI.dataPath(id, offset: offset), body: chunk, contentType: "application/octet-stream",
            headers: [SubmissionAPI.chunkHashHeader: hash])
    }

    /// Says every byte was sent: the server checks the whole upload, then its bag.
    public func complete(_ id: Int64) async throws(SubmissionClientError) -> SubmissionStatus {
        try await send("POST", SubmissionAPI.completePath(id))
    }

    private func send<Answer: Decodable>(
        _ method: String, _ path: String, json: some Encodable
    ) async throws(SubmissionClientError) -> Answer {
        let body: Data
        do {
            body = try JSONEncoder.submission.encode(json)
        } catch {
            throw SubmissionClientError(.badAnswer, "the request cannot be written: \(error)")
        }
        return try await send(method, path, body: body, contentType: "application/json")
    }

    private func send<Answer: Decodable>(
        _ method: String, _ path: String, body: Data? = nil, contentType: String? = nil, headers: [String: String] = [:]
    ) async throws(SubmissionClientError) -> Answer {
        var request = HTTPClientRequest(url: server + path)
        request.method = .init(rawValue: method)
        request.headers.add(name: "Accept", value: "application/json")
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(body) }
        var status = 0
        var bytes: [UInt8] = []
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(timeoutSeconds))
            status = Int(response.status.code)
            for try await part in response.body {
                bytes += part.readableBytesView
                if bytes.count > 16 << 20 { throw SubmissionClientError(.badAnswer, "the server's answer is too long") }
            }
        } catch let error as SubmissionClientError {
            throw error
        } catch {
            throw SubmissionClientError(.unreachable, "\(server) cannot be reached or dropped the connection (\(error))")
        }
        let data = Data(bytes)
        guard (200..<300).contains(status) else {
            if let refusal = try? JSONDecoder.submission.decode(SubmissionAPIError.self, from: data) {
                throw SubmissionClientError(.refused(status: status), refusal.error, problems: refusal.problems)
            }
            let text = String(decoding: data.prefix(500), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw SubmissionClientError(.refused(status: status), "\(server) answered \(status)\(text.isEmpty ? "" : ": " + text)")
        }
        do {
            return try JSONDecoder.submission.decode(Answer.self, from: data)
        } catch {
            throw SubmissionClientError(.badAnswer, "\(server) gave an answer sohoa cannot read (\(error)); is it a sohoa server?")
        }
    }
}
