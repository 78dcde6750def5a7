import Foundation
import HTTPTypes
import Hummingbird
import SohoaCatalog
import SohoaSharing

/// The web upload (issue 15): `GET /submissions/upload` shows the form, `POST` takes it. The body is
/// read as it arrives and each file written straight into the submission's folder in the inbox
/// (`WebUploadReceiver`), each made durable (`fsync`, with its folder) before the submission is
/// received; the same size, quota and disk checks as `sohoa submit` apply (`SubmissionAdmission`:
/// size and disk first, on the announced `Content-Length`; the quotas when the submission is made,
/// with the first file). A whole upload becomes a received submission: the batch service bags its
/// files, verifies the bag and queues it like any other. A catalog failure while it arrives is the
/// server's (500); an upload that expires meanwhile is answered 409 at once.
/// Scanner, archivist and admin accounts may send.
enum WebUploadRoutes {
    /// Bytes between two progress notes in the catalog while a body arrives.
    static let progressStep: Int64 = 8 << 20

    static func add(to router: Router<AppRequestContext>, services: ServerServices, inbox: SubmissionInbox) {
        router.get(RouterPath(WebUploadPage.path)) { _, context -> Response in
            _ = try context.requireUser(where: SubmissionRoutes.maySubmit)
            return .html(WebUploadPage(maximumSize: services.options.submissions.maximumSize).render(context: context))
        }
        router.post(RouterPath(WebUploadPage.path)) { request, context -> Response in
            let user = try context.requireUser(where: SubmissionRoutes.maySubmit)
            return try await receive(request, user: user, context: context, services: services, inbox: inbox)
        }
    }

    /// How reading an upload's body ended.
    enum Reading: Equatable {
        /// The body ended, or the receiver stopped taking it (`WebUploadReceiver.stop`).
        case read
        /// The body broke off (the connection dropped).
        case cutOff
        /// The submission stopped uploading meanwhile (it expired): nothing more was read.
        case ended
    }

    /// A receiver handed to a pool's thread. Only one job of an upload runs at a time (each is
    /// awaited before the next is given), so the receiver is never used from two threads at once.
    struct ReceiverHandle: @unchecked Sendable {
        let receiver: WebUploadReceiver

        /// Runs `work` with the receiver on `pool`'s thread, or here without a pool.
        func run(on pool: BoundedThreadPool?, _ work: @escaping @Sendable (WebUploadReceiver) -> Void) async throws {
            guard let pool else { return work(receiver) }
            let receiver = self
            try await pool.run { work(receiver.receiver) }
        }
    }

    /// Feeds `body` to `receiver` as it arrives, noting progress every `step` bytes with `advance`
    /// (from, to: false when the submission no longer takes bytes, nil before it is made). The
    /// receiver's blocking work (writing files, hashing) runs on `pool` when given, never on Swift's
    /// cooperative pool. Only the body's own error is a cut-off; the catalog's errors (what `advance`
    /// throws, or the receiver's `serverError` when the submission was made) and a full pool's 503
    /// are thrown.
    static func read<Body: AsyncSequence>(
        _ body: Body, into receiver: WebUploadReceiver, on pool: BoundedThreadPool? = nil, step: Int64 = progressStep,
        advance: (Int64, Int64) throws -> Bool?
    ) async throws -> Reading where Body.Element == ByteBuffer {
        let handle = ReceiverHandle(receiver: receiver)
        var iterator = body.makeAsyncIterator()
        var reported: Int64 = 0
        while true {
            let next: ByteBuffer?
            do {
                next = try await iterator.next()
            } catch {
                return .cutOff
            }
            guard let buffer = next else { return .read }
            try await handle.run(on: pool) { $0.take(buffer) }
            if let error = receiver.serverError { throw error }
            if receiver.stop != nil { return .read }
            if receiver.bytes - reported >= step, let moved = try advance(reported, receiver.bytes) {
                guard moved else { return .ended }
                reported = receiver.bytes
            }
        }
    }

    /// Takes one upload; the status page on success, the form with every problem otherwise.
    private static func receive(
        _ request: Request, user: SignedInUser, context: AppRequestContext, services: ServerServices, inbox: SubmissionInbox
    ) async throws -> Response {
        let maximum = services.options.submissions.maximumSize
        func refused(_ status: HTTPResponse.Status, _ problems: [UploadProblem]) -> Response {
            .html(WebUploadPage(problems: problems, maximumSize: maximum).render(context: context), status: status)
        }
        guard let boundary = WebUploadReceiver.boundary(contentType: request.headers[.contentType] ?? "") else {
            return refused(
                .badRequest,
                [.init(vi: "hãy gửi lô bằng biểu mẫu trên trang này", en: "send the batch with the form on this page")])
        }
        guard let length = request.headers[.contentLength].flatMap({ Int64($0) }), length > 0 else {
            return refused(
                .lengthRequired,
                [
                    .init(
                        vi: "trình duyệt không báo kích thước lô; hãy dùng trình duyệt khác",
                        en: "the browser did not say how large the batch is; use another browser")
                ])
        }
        // Size and disk now, on the announced length; the quotas when the submission is made.
        if let refusal = SubmissionAdmission.check(size: length, services: services, inbox: inbox) {
            return refused(refusal.status, [refusal.problem])
        }
        guard let account = try services.catalog.user(id: user.id) else { throw HTTPError(.unauthorized) }

        // The submission is made when the first file arrives, after the form's CSRF token passed.
        var id: Int64?
        let receiver = WebUploadReceiver(boundary: boundary, csrfToken: context.csrfToken, limit: length) { picked in
            let placeholder = SubmissionAPI.sha256(Data(UUID().uuidString.utf8))
            let record = SubmissionRecord(
                userID: user.id, name: picked ?? "web", size: length, sha256: placeholder, chunkSize: length,
                libraryCode: SubmissionLibrary.code(for: account))
            let opened = try SubmissionAdmission.open(record, services: services, inbox: inbox).get().submission
            guard let openedID = opened.id else { throw HTTPError(.internalServerError) }
            id = openedID
            let folder = inbox.files(openedID)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            // The new folders' names are durable before any file in them is.
            for made in [inbox.folder.path, inbox.submissionFolder(openedID).path] {
                if let code = FileDescriptorWriter.syncFolder(made) { throw WebUploadFile.Failure(code: code) }
            }
            return folder
        }
        // The last file closed and the folders made durable, on the uploads' pool (here if it is full).
        func finish() async {
            do { try await ReceiverHandle(receiver: receiver).run(on: services.uploads) { $0.finish() } } catch { receiver.finish() }
        }
        let reading: Reading
        do {
            reading = try await read(request.body, into: receiver, on: services.uploads) { from, to in
                guard let id else { return nil }
                return try services.catalog.advanceSubmission(id: id, from: from, to: to)
            }
        } catch {
            // The catalog failed (or the uploads' pool was full): nothing of this upload is kept, the
            // error is the server's (500, or 503).
            await finish()
            if let id {
                inbox.remove(id)
                _ = try? services.catalog.setSubmissionState(
                    id: id, .failed, problems: ["refused, nothing was archived: the server failed while it arrived"],
                    from: [.uploading])
            }
            throw error
        }
        await finish()
        let ended = UploadProblem(
            vi: "lô #\(id ?? 0) đã bị huỷ trong lúc gửi; hãy gửi lại",
            en: "submission #\(id ?? 0) was ended while it arrived; send it again")
        if reading == .ended {
            if let id { inbox.remove(id) }
            return refused(.conflict, [ended])
        }
        let cutOff = reading == .cutOff || (receiver.stop == nil && receiver.bytes != length)

        var problems = receiver.listedProblems
        if cutOff {
            problems = [
                .init(
                    vi: "việc gửi bị ngắt giữa chừng; hãy gửi lại thư mục",
                    en: "the upload was cut off before it was complete; send the folder again")
            ]
        } else if problems.isEmpty, receiver.fileCount == 0 {
            problems = [
                .init(
                    vi: "không có tệp nào được gửi: hãy chọn thư mục lô", en: "no files arrived: pick the batch folder")
            ]
        }
        guard problems.isEmpty, let id else {
            if let id {
                inbox.remove(id)
                try services.catalog.setSubmissionState(
                    id: id, .failed, problems: ["refused, nothing was archived:"] + problems.map(\.en), from: [.uploading])
            }
            let status: HTTPResponse.Status =
                switch receiver.stop ?? .malformed {
                case .forbidden: .forbidden
                case .tooLarge: .contentTooLarge
                case .disk: SubmissionRoutes.insufficientStorage
                case .malformed: .badRequest
                case .refused(let status): status
                case .server: .internalServerError
                }
            return refused(status, problems)
        }
        let name = receiver.pickedFolder ?? "web-\(Date().formatted(.iso8601.year().month().day()))"
        guard try services.catalog.completeWebSubmission(id: id, name: name, sha256: receiver.sha256) else {
            inbox.remove(id)
            return refused(.conflict, [ended])
        }
        return .seeOther("/submissions?sent=\(id)")
    }
}
