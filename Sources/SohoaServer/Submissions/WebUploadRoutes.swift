import Foundation
import HTTPTypes
import Hummingbird
import SohoaCatalog
import SohoaSharing

/// The web upload (issue 15): `GET /submissions/upload` shows the form, `POST` takes it. The body is
/// read as it arrives and each file written straight into the submission's folder in the inbox
/// (`WebUploadReceiver`); the same size, quota and disk checks as `sohoa submit` come first
/// (`SubmissionAdmission`, on the announced `Content-Length`). A whole upload becomes a received
/// submission: the batch service bags its files, verifies the bag and queues it like any other.
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

    /// Takes one upload; the status page on success, the form with every problem otherwise.
    private static func receive(
        _ request: Request, user: SignedInUser, context: AppRequestContext, services: ServerServices, inbox: SubmissionInbox
    ) async throws -> Response {
        let maximum = services.options.submissions.maximumSize
        func refused(_ status: HTTPResponse.Status, _ problems: [WebUploadReceiver.Problem]) -> Response {
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
        if let refusal = try SubmissionAdmission.check(size: length, userID: user.id, services: services, inbox: inbox) {
            return refused(refusal.status, [.init(vi: refusal.vi, en: refusal.en)])
        }
        guard let account = try services.catalog.user(id: user.id) else { throw HTTPError(.unauthorized) }

        // The submission is made when the first file arrives, after the form's CSRF token passed.
        var id: Int64?
        let receiver = WebUploadReceiver(boundary: boundary, csrfToken: context.csrfToken, limit: length) { picked in
            let placeholder = SubmissionAPI.sha256(Data(UUID().uuidString.utf8))
            let record = SubmissionRecord(
                userID: user.id, name: picked ?? "web", size: length, sha256: placeholder, chunkSize: length,
                libraryCode: SubmissionLibrary.code(for: account))
            let opened = try services.catalog.openSubmission(record).submission
            guard let openedID = opened.id else { throw HTTPError(.internalServerError) }
            id = openedID
            let folder = inbox.files(openedID)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return folder
        }
        var reported: Int64 = 0
        var cutOff = false
        do {
            for try await buffer in request.body {
                receiver.take(buffer)
                if receiver.stop != nil { break }
                if let id, receiver.bytes - reported >= progressStep,
                    try services.catalog.advanceSubmission(id: id, from: reported, to: receiver.bytes)
                {
                    reported = receiver.bytes
                }
            }
        } catch {
            cutOff = true
        }
        receiver.finish()
        if receiver.stop == nil, receiver.bytes != length { cutOff = true }

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
                }
            return refused(status, problems)
        }
        let name = receiver.pickedFolder ?? "web-\(Date().formatted(.iso8601.year().month().day()))"
        guard try services.catalog.completeWebSubmission(id: id, name: name, sha256: receiver.sha256) else {
            return refused(
                .conflict,
                [
                    .init(
                        vi: "lô #\(id) đã bị huỷ trong lúc gửi; hãy gửi lại",
                        en: "submission #\(id) was ended while it arrived; send it again")
                ])
        }
        return .seeOther("/submissions?sent=\(id)")
    }
}
