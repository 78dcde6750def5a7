import Foundation
import HTTPTypes
import SohoaCatalog

/// Whether the inbox takes a new submission: its size against the largest one allowed, the free
/// disk (the upload and its bag are both on it for a moment), and the user's and everybody's quota.
/// The one check the protocol (`sohoa submit`) and the web upload form both ask: `check` before
/// anything is read, `open` to make the submission, whose quota comparison and insertion are one
/// catalog transaction (two uploads arriving together cannot both take the last room).
enum SubmissionAdmission {
    /// A refusal: its HTTP status and the reason in both languages.
    struct Refusal: Error, Equatable {
        var status: HTTPResponse.Status
        var problem: UploadProblem
    }

    /// Nil when a submission of `size` bytes is not larger than allowed and fits the free disk;
    /// else why not. The quotas are `open`'s.
    static func check(size: Int64, services: ServerServices, inbox: SubmissionInbox) -> Refusal? {
        let settings = services.options.submissions
        let mb = SubmissionRoutes.megabytes
        guard size <= settings.maximumSize else {
            return Refusal(
                status: .contentTooLarge,
                problem: UploadProblem(
                    vi: "lô nặng \(mb(size)); máy chủ nhận mỗi lần tối đa \(mb(settings.maximumSize)): hãy chia thành các lô nhỏ hơn",
                    en:
                        "the batch is \(mb(size)); this server takes at most \(mb(settings.maximumSize)) at once: split it into smaller batches"
                ))
        }
        if let free = inbox.freeBytes(), free - 2 * size < settings.freeMargin {
            return Refusal(
                status: SubmissionRoutes.insufficientStorage,
                problem: UploadProblem(
                    vi:
                        "ổ đĩa máy chủ chỉ còn trống \(mb(free)), không đủ cho lô này (\(mb(size)), gấp đôi khi đóng gói) và phần dự phòng; hãy báo quản trị viên",
                    en:
                        "the server's disk has \(mb(free)) free, too little for this batch (\(mb(size)), twice while it is unpacked) and its safety margin; tell the administrator"
                ))
        }
        return nil
    }

    /// The user's unfinished submission of the same upload, or `record` made new if it is no larger
    /// than allowed, fits the free disk and keeps the user's and everybody's waiting bytes within
    /// their quotas; else why not.
    static func open(
        _ record: SubmissionRecord, services: ServerServices, inbox: SubmissionInbox
    ) throws -> Result<(submission: SubmissionRecord, created: Bool), Refusal> {
        if let refusal = check(size: record.size, services: services, inbox: inbox) { return .failure(refusal) }
        let settings = services.options.submissions
        let mb = SubmissionRoutes.megabytes
        switch try services.catalog.openSubmission(record, within: SubmissionQuota(user: settings.userQuota, total: settings.totalQuota)) {
        case .opened(let submission, let created):
            return .success((submission, created))
        case .overUserQuota(let held):
            return .failure(
                Refusal(
                    status: SubmissionRoutes.insufficientStorage,
                    problem: UploadProblem(
                        vi:
                            "các lô bạn đã gửi đang chờ trên máy chủ chiếm \(mb(held)); thêm lô này sẽ vượt hạn mức \(mb(settings.userQuota)) của bạn: hãy đợi chúng được lưu trữ xong",
                        en:
                            "your submissions waiting on the server hold \(mb(held)); with this one they would pass your quota of \(mb(settings.userQuota)): wait until they are archived"
                    )))
        case .overTotalQuota(let held):
            return .failure(
                Refusal(
                    status: SubmissionRoutes.insufficientStorage,
                    problem: UploadProblem(
                        vi: "hộp nhận của máy chủ đã đầy (\(mb(held)) đang chờ); hãy thử lại sau hoặc báo quản trị viên",
                        en: "the server's inbox is full (\(mb(held)) waiting); try again later or tell the administrator")))
        }
    }
}
