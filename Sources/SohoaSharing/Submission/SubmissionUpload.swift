import Foundation

/// Sends one packed submission: opens it (or finds it started), sends the chunks the server lacks,
/// completes it. A dropped connection is retried with growing pauses; after each, the server says
/// where to go on, so at most the chunk in flight is sent again.
public struct SubmissionUpload: Sendable {
    /// What was sent.
    public struct Outcome: Sendable {
        public var status: SubmissionStatus
        /// Chunk bytes sent in this run (resent ones counted again).
        public var bytesSent: Int64
        /// Connections that dropped and were retried.
        public var retries: Int
    }

    public var client: SubmissionClient
    /// Consecutive failures without progress before giving up (running the command again resumes).
    public var maximumRetries = 12
    /// The first pause after a failure; it doubles up to `maximumPause`.
    public var firstPause: Duration = .milliseconds(500)
    public var maximumPause: Duration = .seconds(30)
    /// Told the bytes the server holds after each chunk, and each retry's reason.
    public var onProgress: @Sendable (Int64, Int64) -> Void = { _, _ in }
    public var onRetry: @Sendable (String) -> Void = { _ in }

    public init(client: SubmissionClient) {
        self.client = client
    }

    /// Uploads the tar at `file` whose SHA-256 is `sha256` as `name`, in chunks of `chunkSize`.
    public func send(file: URL, name: String, sha256: String, chunkSize: Int64) async throws(SubmissionClientError) -> Outcome {
        let size = ((try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? NSNumber)?.int64Value ?? 0
        guard size > 0, let input = FileHandle(forReadingAtPath: file.path) else {
            throw SubmissionClientError(.badAnswer, "\(file.path) cannot be read; remove it and submit again")
        }
        defer { try? input.close() }
        let request = SubmissionRequest(name: name, size: size, sha256: sha256, chunkSize: chunkSize)
        var sent: Int64 = 0
        var retries = 0
        var failures = 0
        var status = try await retrying(&failures, &retries) { () async throws(SubmissionClientError) in try await client.open(request) }
        onProgress(status.receivedBytes, size)
        while status.state == "uploading" && status.receivedBytes < size {
            let offset = status.receivedBytes
            let chunk: Data
            do {
                try input.seek(toOffset: UInt64(offset))
                chunk = try input.read(upToCount: Int(min(chunkSize, size - offset))) ?? Data()
            } catch {
                throw SubmissionClientError(.badAnswer, "\(file.path) cannot be read: \(error.localizedDescription)")
            }
            do {
                sent += Int64(chunk.count)
                status = try await client.put(status.id, offset: offset, chunk: chunk)
                failures = 0
                onProgress(status.receivedBytes, size)
            } catch {
                // 409: another copy of this command moved the upload on; 400: the chunk arrived damaged. Ask
                // where the upload stands and send from there.
                guard error.isTransient || error.kind == .refused(status: 409) || error.kind == .refused(status: 400),
                    failures < maximumRetries
                else { throw error }
                failures += 1
                retries += 1
                onRetry(error.message)
                try? await Task.sleep(for: pause(after: failures))
                let id = status.id
                status = try await retrying(&failures, &retries) { () async throws(SubmissionClientError) in try await client.status(id) }
            }
        }
        if status.state == "uploading" {
            let id = status.id
            status = try await retrying(&failures, &retries) { () async throws(SubmissionClientError) in try await client.complete(id) }
        }
        return Outcome(status: status, bytesSent: sent, retries: retries)
    }

    /// Runs `body`, trying again after transient failures.
    private func retrying<T>(
        _ failures: inout Int, _ retries: inout Int, _ body: () async throws(SubmissionClientError) -> T
    ) async throws(SubmissionClientError) -> T {
        while true {
            do {
                return try await body()
            } catch {
                guard error.isTransient, failures < maximumRetries else { throw error }
                failures += 1
                retries += 1
                onRetry(error.message)
                try? await Task.sleep(for: pause(after: failures))
            }
        }
    }

    private func pause(after failures: Int) -> Duration {
        min(firstPause * (1 << min(failures - 1, 10)), maximumPause)
    }
}
