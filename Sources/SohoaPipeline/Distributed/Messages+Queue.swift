import Foundation
import SohoaCollection

/// The words of a distributed run: the planner's and `sohoa worker`'s.
extension Messages {
    /// The work queue cannot be used (`reason` is the queue's own message).
    public static func queueUnusable(_ reason: String) -> String {
        text("Không dùng được hàng đợi công việc: \(reason)", "The work queue cannot be used: \(reason)")
    }

    /// A worker finished a page.
    public static func workerPageDone(worker: String, item: String, page: String, seconds: Double) -> String {
        let time = String(format: "%.1f s", seconds)
        return text("\(worker): xong trang \(item)/\(page) (\(time))", "\(worker): page \(item)/\(page) done (\(time))")
    }

    /// A worker's page failed (the page is recorded as failed by the planner).
    public static func workerPageFailed(worker: String, item: String, page: String, reason: String) -> String {
        text("\(worker): trang \(item)/\(page) lỗi: \(reason)", "\(worker): page \(item)/\(page) failed: \(reason)")
    }

    /// A worker's lease ran out before the page was done; its result is dropped.
    public static func workerLeaseLost(worker: String, pageID: Int64) -> String {
        text(
            "\(worker): hết hạn giữ trang \(pageID) trước khi xong; máy khác làm lại trang này, kết quả này bị bỏ",
            "\(worker): the lease on page \(pageID) ran out before it was done; another worker redoes it and this result is dropped")
    }

    /// A worker is waiting for pages.
    public static func workerWaiting(name: String, jobs: Int, queue: String) -> String {
        text(
            "Máy làm việc \(name) (\(jobs) luồng) đang chờ trang từ \(queue). Ctrl-C để dừng sau trang đang làm.",
            "Worker \(name) (\(jobs) threads) waiting for pages from \(queue). Ctrl-C stops it after the pages in hand.")
    }

    /// A worker's summary when it stops: pages, pages per minute of its running time, and the queue's
    /// own milliseconds per page (claim and completion), waited and of this machine's CPU.
    public static func workerSummary(
        done: Int, failed: Int, lost: Int, pagesPerMinute: Double, queueMilliseconds: Double, queueCPUMilliseconds: Double
    ) -> String {
        let rate = String(format: "%.1f", pagesPerMinute)
        let queue = String(format: "%.1f", queueMilliseconds)
        let cpu = String(format: "%.1f", queueCPUMilliseconds)
        return text(
            "Đã dừng: \(done) trang xong, \(failed) trang lỗi, \(lost) trang mất quyền giữ; \(rate) trang/phút; hàng đợi \(queue) ms/trang (CPU \(cpu) ms).",
            "Stopped: \(done) pages done, \(failed) failed, \(lost) leases lost; \(rate) pages/min; queue \(queue) ms/page (CPU \(cpu) ms)."
        )
    }

    /// A claimed page's order is not in the work area this worker sees.
    public static func orderMissing(pageID: Int64, folder: String) -> String {
        text(
            "Không thấy lệnh của trang \(pageID) trong \(folder): thư mục kho có được gắn đúng đường dẫn như trên máy chủ không? Trang được trả lại hàng đợi.",
            "The order of page \(pageID) is not in \(folder): is the archive folder mounted at the same path as on the server? The page goes back to the queue."
        )
    }

    /// A claimed page's OCR language has no model on this worker.
    public static func workerMissingModels(_ languages: [String], tessdata: String) -> String {
        let names = languages.joined(separator: ", ")
        return text(
            "Máy này thiếu mô hình OCR \(names) trong \(tessdata) (cài tesseract-ocr-\(languages.first ?? "")); trang được trả lại hàng đợi.",
            "This machine has no OCR model for \(names) in \(tessdata) (install tesseract-ocr-\(languages.first ?? "")); the page goes back to the queue."
        )
    }

    /// A claimed page's order was made by a planner with other software or models than this worker's.
    public static func workerEngineDiffers(here: String, planner: String) -> String {
        text(
            "Phần mềm OCR của máy này (\(here)) khác của máy chủ (\(planner)): mọi máy phải cho cùng một kết quả; hãy cài cùng phiên bản sohoa, Tesseract và mô hình. Các trang được trả lại hàng đợi.",
            "This machine's OCR software (\(here)) differs from the server's (\(planner)): every machine must make the same result; install the same sohoa, Tesseract and models. The pages go back to the queue."
        )
    }
}
