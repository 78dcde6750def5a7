import Foundation
import HTTPTypes
import SohoaCatalog

/// Whether the inbox takes a new submission: its size against the largest one allowed, the user's
/// and everybody's quota, and the free disk (the upload and its bag are both on it for a moment).
/// The one check the protocol (`sohoa submit`) and the web upload form both ask.
enum SubmissionAdmission {
    /// A refusal: its HTTP status and the reason in both languages.
    struct Refusal: Error, Equatable {
        var status: HTTPResponse.Status
        var vi: String
        var en: String
    }

    /// Nil when a submission of `size` bytes from `userID` fits; else why not.
    static func check(size: Int64, userID: Int64, services: ServerServices, inbox: SubmissionInbox) throws -> Refusal? {
        let settings = services.options.submissions
        let mb = SubmissionRoutes.megabytes
        guard size <= settings.maximumSize else {
            return Refusal(
                status: .contentTooLarge,
                vi: "lô nặng \(mb(size)); máy chủ nhận mỗi lần tối đa \(mb(settings.maximumSize)): hãy chia thành các lô nhỏ hơn",
                en: "the batch is \(mb(size)); this server takes at most \(mb(settings.maximumSize)) at once: split it into smaller batches"
            )
        }
        let held = try services.catalog.inboxBytes(userID: userID)
        if held.user + size > settings.userQuota {
            return Refusal(
                status: SubmissionRoutes.insufficientStorage,
                vi:
                    "các lô bạn đã gửi đang chờ trên máy chủ chiếm \(mb(held.user)); thêm lô này sẽ vượt hạn mức \(mb(settings.userQuota)) của bạn: hãy đợi chúng được lưu trữ xong",
                en:
                    "your submissions waiting on the server hold \(mb(held.user)); with this one they would pass your quota of \(mb(settings.userQuota)): wait until they are archived"
            )
        }
        if held.total + size > settings.totalQuota {
            return Refusal(
                status: SubmissionRoutes.insufficientStorage,
                vi: "hộp nhận của máy chủ đã đầy (\(mb(held.total)) đang chờ); hãy thử lại sau hoặc báo quản trị viên",
                en: "the server's inbox is full (\(mb(held.total)) waiting); try again later or tell the administrator")
        }
        if let free = inbox.freeBytes(), free - 2 * size < settings.freeMargin {
            return Refusal(
                status: SubmissionRoutes.insufficientStorage,
                vi:
                    "ổ đĩa máy chủ chỉ còn trống \(mb(free)), không đủ cho lô này (\(mb(size)), gấp đôi khi đóng gói) và phần dự phòng; hãy báo quản trị viên",
                en:
                    "the server's disk has \(mb(free)) free, too little for this batch (\(mb(size)), twice while it is unpacked) and its safety margin; tell the administrator"
            )
        }
        return nil
    }
}
