import Foundation
import HTTPTypes
import Hummingbird
import SohoaCatalog
import SohoaSharing

/// The submission protocol (`SubmissionAPI`, under `/api/v1`, bearer tokens): start or resume an
/// upload, send chunks, complete it, read states. Scanner, archivist and admin accounts may submit;
/// each user sees only their own submissions (another user's id is 404). `/submissions` shows them
/// on the web to a signed-in user.
enum SubmissionRoutes {
    static func add(to router: Router<AppRequestContext>, services: ServerServices, inbox: SubmissionInbox) {
        router.get("/submissions") { request, context -> Response in
            let user = try context.requireUser(where: maySubmit)
            let list = try services.catalog.submissions(userID: user.role == .admin ? nil : user.id)
            let sent = request.uri.queryParameters.get("sent").flatMap { Int64($0) }
            return .html(SubmissionStatusPage.page(list, sent: sent, context: context))
        }
        let api = router.group(RouterPath(SubmissionAPI.submissionsPath)).add(middleware: APITokenMiddleware(services: services))
        api.post { request, context -> Response in
            try await open(request, context: context, services: services, inbox: inbox)
        }
        api.get { _, context -> Response in
            guard let user = context.user else { return APIResponse.refusal(.unauthorized, "not signed in") }
            return APIResponse.json(try services.catalog.submissions(userID: user.id).map(\.status))
        }
        api.get(":id") { _, context -> Response in
            switch try owned(context, services: services) {
            case .success(let submission): APIResponse.json(submission.status)
            case .failure(let refusal): refusal.response
            }
        }
        api.put(":id/data") { request, context -> Response in
            switch try owned(context, services: services) {
            case .success(let submission): try await receive(request, submission, services: services, inbox: inbox)
            case .failure(let refusal): refusal.response
            }
        }
        api.post(":id/complete") { _, context -> Response in
            switch try owned(context, services: services) {
            case .success(let submission): try complete(submission, services: services, inbox: inbox)
            case .failure(let refusal): refusal.response
            }
        }
        WebUploadRoutes.add(to: router, services: services, inbox: inbox)
    }

    /// A refused request, as an error so it can travel in a `Result`.
    struct Refusal: Error {
        var response: Response
    }

    /// 507: the inbox's quotas or its disk leave no room.
    static let insufficientStorage = HTTPResponse.Status(code: 507, reasonPhrase: "Insufficient Storage")

    /// Who may submit.
    static func maySubmit(_ role: UserRole) -> Bool { role == .scanner || role == .archivist || role == .admin }

    /// `POST /api/v1/submissions`: the user's unfinished submission of the same tar, or a new one
    /// after the size, quota and disk checks.
    private static func open(
        _ request: Request, context: AppRequestContext, services: ServerServices, inbox: SubmissionInbox
    ) async throws -> Response {
        guard let signedIn = context.user else { return APIResponse.refusal(.unauthorized, "not signed in") }
        guard maySubmit(signedIn.role) else {
            return APIResponse.refusal(
                .forbidden, "a \(signedIn.role.rawValue) account may not submit batches (scanner, archivist or admin)")
        }
        let body = try await request.body.collect(upTo: 64 << 10)
        guard let sent = try? JSONDecoder.submission.decode(SubmissionRequest.self, from: Data(body.readableBytesView)) else {
            return APIResponse.refusal(.badRequest, "send JSON {\"name\", \"size\", \"sha256\", \"chunkSize\"}")
        }
        let name = String(sent.name.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))
        let sha = sent.sha256.lowercased()
        guard !name.isEmpty, sent.size > 0, sha.utf8.count == 64,
            sha.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }),
            (1...SubmissionAPI.maximumChunkSize).contains(sent.chunkSize)
        else {
            return APIResponse.refusal(
                .badRequest,
                "name must be given, size above 0, sha256 64 hex digits, chunkSize from 1 to \(SubmissionAPI.maximumChunkSize)")
        }
        guard let user = try services.catalog.user(id: signedIn.id) else { return APIResponse.refusal(.unauthorized, "not signed in") }
        let record = SubmissionRecord(
            userID: signedIn.id, name: name, size: sent.size, sha256: sha, chunkSize: sent.chunkSize,
            libraryCode: SubmissionLibrary.code(for: user))
        // An upload already started goes on whatever the quotas say now.
        if let existing = try services.catalog.submission(userID: signedIn.id, sha256: sha) {
            return APIResponse.json(existing.status)
        }
        switch try SubmissionAdmission.open(record, services: services, inbox: inbox) {
        case .success(let opened): return APIResponse.json(opened.submission.status, status: opened.created ? .created : .ok)
        case .failure(let refusal): return APIResponse.refusal(refusal.status, refusal.problem.en)
        }
    }

    /// `PUT …/data?offset=N`: a chunk written at N only if N is where the upload stands and the
    /// chunk's SHA-256 is the one in `Sohoa-Chunk-SHA256`.
    private static func receive(
        _ request: Request, _ submission: SubmissionRecord, services: ServerServices, inbox: SubmissionInbox
    ) async throws -> Response {
        guard let id = submission.id else { return APIResponse.refusal(.notFound, "no such submission") }
        if inbox.isWebUpload(id) { return webUploadRefusal(id) }
        guard submission.state == .uploading else {
            return APIResponse.refusal(.conflict, "submission \(id) is \(submission.state.rawValue): it takes no more data")
        }
        guard let offset = request.uri.queryParameters.get("offset").flatMap({ Int64($0) }) else {
            return APIResponse.refusal(.badRequest, "give the chunk's place as ?offset=N")
        }
        guard offset == submission.receivedBytes else {
            return APIResponse.refusal(
                .conflict,
                "submission \(id) holds \(submission.receivedBytes) bytes; send the chunk at offset \(submission.receivedBytes), not \(offset)"
            )
        }
        let chunk: Data
        do {
            chunk = Data(try await request.body.collect(upTo: Int(SubmissionAPI.maximumChunkSize)).readableBytesView)
        } catch {
            return APIResponse.refusal(.contentTooLarge, "a chunk may hold at most \(SubmissionAPI.maximumChunkSize) bytes")
        }
        let end = offset + Int64(chunk.count)
        let label = "the chunk at offset \(offset) (bytes \(offset)–\(max(offset, end - 1)))"
        guard !chunk.isEmpty, end <= submission.size else {
            return APIResponse.refusal(.badRequest, "\(label) is empty or goes past the announced size \(submission.size)")
        }
        let announced = (request.headers[SubmissionAPI.chunkHashField] ?? "").lowercased()
        let actual = SubmissionAPI.sha256(chunk)
        guard announced == actual else {
            return APIResponse.refusal(
                .badRequest,
                "\(label) arrived damaged: its SHA-256 is \(actual), \(SubmissionAPI.chunkHashHeader) says '\(announced)'; nothing was written, send it again"
            )
        }
        if let free = inbox.freeBytes(), free - Int64(chunk.count) < services.options.submissions.freeMargin {
            return APIResponse.refusal(
                SubmissionRoutes.insufficientStorage,
                "the server's disk is nearly full (\(megabytes(free)) free); nothing was written: try again later")
        }
        // The write and its fsync on the uploads' pool, off Swift's cooperative pool.
        let outcome = try await services.uploads.run {
            try inbox.exclusively(id) { () throws -> Bool in
                // Read again under the lock: another request may have moved the upload on.
                guard try services.catalog.submission(id: id)?.receivedBytes == offset else { return false }
                try inbox.write(chunk, at: offset, id: id)
                return try services.catalog.advanceSubmission(id: id, from: offset, to: end)
            }
        }
        guard outcome == true, let updated = try services.catalog.submission(id: id) else {
            return APIResponse.refusal(
                .conflict, "submission \(id) was moved on by another request; ask where it stands and go on from there")
        }
        return APIResponse.json(updated.status)
    }

    /// `POST …/complete`: every byte is there; the batch service checks the whole upload and its bag.
    private static func complete(_ submission: SubmissionRecord, services: ServerServices, inbox: SubmissionInbox) throws -> Response {
        guard let id = submission.id else { return APIResponse.refusal(.notFound, "no such submission") }
        if inbox.isWebUpload(id) { return webUploadRefusal(id) }
        if submission.state != .uploading { return APIResponse.json(submission.status) }
        guard submission.receivedBytes == submission.size else {
            return APIResponse.refusal(
                .conflict, "submission \(id) holds \(submission.receivedBytes) of \(submission.size) bytes; send the rest first")
        }
        try services.catalog.setSubmissionState(id: id, .received, from: [.uploading])
        return APIResponse.json((try services.catalog.submission(id: id) ?? submission).status, status: .accepted)
    }

    /// 409 for the protocol's data and complete requests on a web upload: its request is writing its
    /// files and completes it, and a tar written beside them would be bagged with nothing checking it.
    private static func webUploadRefusal(_ id: Int64) -> Response {
        APIResponse.refusal(.conflict, "submission \(id) came from the web upload form: it takes no data or completion through the API")
    }

    /// The signed-in user's submission named by the `:id` parameter, or a refusal (404 for another user's).
    private static func owned(_ context: AppRequestContext, services: ServerServices) throws -> Result<SubmissionRecord, Refusal> {
        guard let user = context.user else { return .failure(Refusal(response: APIResponse.refusal(.unauthorized, "not signed in"))) }
        guard let id = context.parameters.get("id").flatMap({ Int64($0) }), let submission = try services.catalog.submission(id: id),
            submission.userID == user.id || user.role == .admin
        else { return .failure(Refusal(response: APIResponse.refusal(.notFound, "no such submission of yours"))) }
        return .success(submission)
    }

    static func megabytes(_ bytes: Int64) -> String {
        bytes >= 1 << 30 ? String(format: "%.1f GB", Double(bytes) / Double(1 << 30)) : "\(max(1, (bytes + (1 << 20) - 1) >> 20)) MB"
    }
}

extension SubmissionAPI {
    /// `chunkHashHeader` as an HTTP field name.
    static let chunkHashField = HTTPField.Name(chunkHashHeader)!
}
