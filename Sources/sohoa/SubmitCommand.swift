import ArgumentParser
import Foundation
import SohoaCollection
import SohoaPipeline
import SohoaSharing

/// `sohoa submit <server-url> <batch> [--wait] [--json]`: checks a batch as `sohoa run` would, packs
/// it as a BagIt bag in one tar, and uploads it in chunks that survive dropped connections; running
/// it again resumes. Ends once the server holds the verified submission, or with `--wait` once it is
/// archived.
struct SubmitCommand: ServerClientCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Gửi một lô ảnh quét lên máy chủ tỉnh. (Send a batch of scans to the provincial server.)",
        discussion:
            "Exit codes: 0 the server holds the verified batch (with --wait: archived); 1 the server refused it or pages failed (reasons listed); 2 the batch has problems (nothing sent), or not signed in; 3 the server cannot be reached or has no room (run again to resume)."
    )

    @Argument(help: "The server's address, e.g. https://thuvien.laichau.gov.vn")
    var server: String

    @Argument(help: "The batch folder: one sub-folder per item, or multi-page TIFFs, with item.yaml or items.csv.")
    var batch: String

    @Flag(name: .long, help: "Wait until the batch is archived (exit 0) or failed (exit 1).")
    var wait = false

    @Flag(name: .long, help: "Machine-readable output: one JSON object at the end.")
    var json = false

    @Option(name: .long, help: "Pipeline file to check the batch against (default: the built-in one).")
    var pipeline: String?

    @Option(name: .long, help: ArgumentHelp("Bytes per chunk (at most 8 MiB).", visibility: .hidden))
    var chunkSize: Int64 = SubmissionAPI.defaultChunkSize

    func validate() throws {
        guard server.hasPrefix("http://") || server.hasPrefix("https://") else {
            throw ValidationError("the server's address must start with http:// or https://, got '\(server)'")
        }
        guard (1...SubmissionAPI.maximumChunkSize).contains(chunkSize) else {
            throw ValidationError("--chunk-size must be from 1 to \(SubmissionAPI.maximumChunkSize)")
        }
    }

    /// What `--json` prints.
    struct Report: Encodable {
        var submission: SubmissionStatus
        var bytesSent: Int64
        var retries: Int
    }

    func perform() async throws {
        let folder = URL(fileURLWithPath: batch).standardizedFileURL
        let configuration: PipelineConfiguration
        do {
            configuration = try BatchRunRequest.configuration(file: pipeline.map { URL(fileURLWithPath: $0) })
        } catch {
            throw fail(error.description, .usage)
        }
        let problems = BatchRunRequest.problems(batch: folder, pipeline: configuration)
        if !problems.isEmpty {
            let list = problems.map { "  - \($0)" }.joined(separator: "\n")
            throw fail("the batch cannot be sent, nothing was sent; fix these and submit again:\n\(list)", .usage)
        }
        let client = try Self.signedInClient(server)
        note("đóng gói / packing \(folder.path)…")
        let package: SubmissionPackage
        do {
            package = try SubmissionPackage.pack(folder, cache: SubmissionPackage.cacheFolder())
        } catch {
            throw fail("the batch cannot be packed: \(error)", .usage)
        }
        var upload = SubmissionUpload(client: client)
        let live = !json && isatty(STDERR_FILENO) == 1
        upload.onProgress = { held, size in
            if live { FileHandle.standardError.write(Data("\r  \(held * 100 / max(size, 1))% (\(held)/\(size) bytes)".utf8)) }
        }
        upload.onRetry = { reason in
            FileHandle.standardError.write(Data("\nsohoa: \(reason); trying again…\n".utf8))
        }
        let outcome: SubmissionUpload.Outcome
        do {
            outcome = try await upload.send(file: package.tar, name: package.name, sha256: package.sha256, chunkSize: chunkSize)
        } catch {
            throw fail(error.description + "\nrun the same command again to resume", Self.exitStatus(error))
        }
        if live { FileHandle.standardError.write(Data("\n".utf8)) }
        var status = try await follow(client, outcome.status) { $0.isVerified || $0.isFinished }
        if status.isVerified { package.remove() }
        if wait && !status.isFinished { status = try await follow(client, status) { $0.isFinished } }
        if json {
            print(SubmissionOutput.json(Report(submission: status, bytesSent: outcome.bytesSent, retries: outcome.retries)))
        } else {
            print(SubmissionOutput.line(status))
            print(SubmissionOutput.problems(status), terminator: "")
        }
        if status.state == "failed" { throw ExitCode(ExitStatus.somethingFailed) }
    }

    /// Asks the server about the submission until `done` says so.
    private func follow(
        _ client: SubmissionClient, _ start: SubmissionStatus, until done: (SubmissionStatus) -> Bool
    ) async throws -> SubmissionStatus {
        var status = start
        var lastLine = ""
        var failures = 0
        while !done(status) {
            try await Task.sleep(for: .seconds(1))
            do {
                status = try await client.status(status.id)
                failures = 0
            } catch {
                failures += 1
                guard error.isTransient, failures < 30 else { throw fail(error.description, Self.exitStatus(error)) }
                continue
            }
            let line = SubmissionOutput.line(status)
            if !json && line != lastLine {
                note(line)
                lastLine = line
            }
        }
        return status
    }

    private func note(_ text: String) {
        if !json { FileHandle.standardError.write(Data("\(text)\n".utf8)) }
    }

    /// A client with the token `sohoa login` kept for `server`; ends the command when there is none.
    static func signedInClient(_ server: String) throws -> SubmissionClient {
        let token: String?
        do {
            token = try TokenStore.standard().token(for: server)
        } catch {
            throw fail(error.description, .usage)
        }
        guard let token else {
            throw fail("not signed in to \(server): run `sohoa login \(server) --user NAME` first", .usage)
        }
        return SubmissionClient(server: server, token: token)
    }

    /// The exit status for a failure talking to the server.
    static func exitStatus(_ error: SubmissionClientError) -> ExitStatus {
        switch error.kind {
        case .unreachable: .archiveUnusable
        case .refused(let status) where status == 507 || status >= 500: .archiveUnusable
        case .refused(let status) where status == 401 || status == 403: .usage
        default: .somethingFailed
        }
    }
}
