import Foundation
import SohoaCatalog

/// `/submissions`: the signed-in user's submitted batches (an admin's: everybody's) with their
/// states, pages done and the reasons of refusals and failures, newest first; after a web upload
/// (`sent`), a notice that the server has it, only when it is one of the submissions listed.
enum SubmissionStatusPage {
    static func page(_ submissions: [SubmissionRecord], sent: Int64? = nil, context: AppRequestContext) -> HTML {
        let language = context.language
        let listed = sent.flatMap { id in submissions.contains { $0.id == id } ? id : nil }
        let notice: HTML =
            listed.map { id in
                """
                <p class="notice" role="status">\(language.pick(
                    "Máy chủ đã nhận lô #\(id). Lô sẽ được kiểm tra, xử lý và lưu trữ; tải lại trang này để xem trạng thái.",
                    "The server has batch #\(id). It will be checked, processed and archived; reload this page to see its state."))</p>
                """
            } ?? .empty
        let rows: [HTML] = submissions.map { submission in
            let progress: HTML =
                switch submission.state {
                case .uploading: "\(percent(submission.receivedBytes, of: submission.size))%"
                case .running, .archived, .failed:
                    submission.pagesTotal > 0
                        ? "\(submission.pagesDone)/\(submission.pagesTotal) \(language.pick("trang", "pages"))" : .empty
                default: .empty
                }
            let problems: HTML =
                submission.problems.isEmpty
                ? .empty : "<ul class=\"problems\">\(submission.problems.map { "<li>\($0)</li>" as HTML })</ul>"
            return """
                <tr class="state-\(submission.state.rawValue)" id="submission-\(submission.id ?? 0)"><td>#\(submission.id ?? 0)</td><td>\(submission.name)</td>\
                <td>\(label(submission.state, language))</td><td>\(progress)</td>\
                <td>\(submission.libraryCode)</td><td>\(day(submission.createdAt))</td><td>\(problems)</td></tr>
                """
        }
        let table: HTML =
            rows.isEmpty
            ? "<p>\(language.pick("Chưa gửi lô nào.", "No batches sent yet."))</p>"
            : """
            <table class="submissions"><thead><tr><th>#</th><th>\(language.pick("Lô", "Batch"))</th>\
            <th>\(language.pick("Trạng thái", "State"))</th><th>\(language.pick("Tiến độ", "Progress"))</th>\
            <th>\(language.pick("Thư viện", "Library"))</th><th>\(language.pick("Ngày gửi", "Sent"))</th>\
            <th>\(language.pick("Vấn đề", "Problems"))</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        let send: HTML = """
            <p><a href="\(WebUploadPage.path)">\(language.pick("Gửi lô mới qua trang web", "Send a new batch on the web"))</a> · \
            \(language.pick("lô lớn: dùng lệnh sohoa submit", "large batches: use sohoa submit"))</p>
            """
        return PageLayout.page(
            title: language.pick("Lô đã gửi", "Submitted batches"), context: context, body: "\(notice)\(send)\(table)")
    }

    /// A state in the page's language.
    static func label(_ state: SubmissionState, _ language: UILanguage) -> String {
        switch state {
        case .uploading: language.pick("đang tải lên", "uploading")
        case .received: language.pick("đã nhận, đang kiểm tra", "received, being checked")
        case .verified: language.pick("đã kiểm tra", "verified")
        case .queued: language.pick("đang chờ xử lý", "queued")
        case .running: language.pick("đang xử lý", "running")
        case .archived: language.pick("đã lưu trữ", "archived")
        case .failed: language.pick("bị từ chối / lỗi", "refused / failed")
        }
    }

    private static func percent(_ part: Int64, of whole: Int64) -> Int64 { whole > 0 ? part * 100 / whole : 0 }

    private static func day(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day())
    }
}
