import Foundation
import SohoaCollection

/// The words of a batch run: progress, summary, refusals.
extension Messages {
    public static var pagesPerMinute: String { text("trang/phút", "pages/min") }
    public static var timeLeft: String { text("còn", "left") }
    public static var failures: String { text("lỗi", "failures") }
    public static var itemArchived: String { text("đã lưu trữ", "archived") }
    public static var stopping: String {
        text(
            "Đang dừng: hoàn tất các trang đang xử lý… (Ctrl-C lần nữa để thoát ngay)",
            "Stopping: finishing the pages in flight… (Ctrl-C again to quit at once)")
    }
    /// The run's warning about lossy (JPEG, JPEG 2000) masters kept under `lossy-masters: warn`.
    public static func lossyMasters(count: Int, names: String) -> String {
        text(
            "\(count) trang là ảnh JPEG hoặc JPEG 2000 nén mất dữ liệu (\(names)\(count > 5 ? "…" : "")) được giữ làm bản gốc như đã quét; "
                + "nên quét lại dạng TIFF hoặc PNG. Đặt lossy-masters: refuse trong tệp pipeline để từ chối, accept để không báo.",
            "\(count) pages are lossy JPEG or JPEG 2000 images (\(names)\(count > 5 ? "…" : "")) kept as masters as scanned; "
                + "rescanning as TIFF or PNG is better. Set lossy-masters: refuse in the pipeline file to refuse them, accept to stop this warning."
        )
    }
    /// The run's warning about a page whose capture falls short of the pipeline's `quality:` gate.
    public static func captureQuality(item: String, page: String, reason: String) -> String {
        text(
            "\(item)/\(page): cần quét lại, chất lượng ảnh chưa đạt: \(reason)",
            "\(item)/\(page): needs rescanning, capture below the pipeline's quality: \(reason)")
    }
    /// The run's warning about an item whose page count is far from its holding's `estimated-pages`.
    public static func pageCount(item: String, count: Int, holding: String, estimate: Int) -> String {
        text(
            "\(item): có \(count) trang, sổ đăng ký ước tính \(estimate) trang (\(holding)); kiểm tra trang thiếu hoặc thừa",
            "\(item): \(count) pages, the register estimates \(estimate) pages (\(holding)); check for missing or extra pages")
    }
    public static var summaryTitle: String { text("Tóm tắt", "Summary") }
    public static var items: String { text("Tài liệu", "Items") }
    public static var archived: String { text("đã lưu trữ", "archived") }
    public static var alreadyArchived: String { text("đã có sẵn, bỏ qua", "already archived, skipped") }
    public static var failed: String { text("lỗi", "failed") }
    public static var pagesTitle: String { text("Trang", "Pages") }
    public static var processed: String { text("đã xử lý", "processed") }
    public static var reused: String { text("dùng lại kết quả trước", "reused from an earlier run") }
    public static var blank: String { text("trang trắng", "blank") }
    public static var time: String { text("Thời gian", "Time") }
    public static var failuresTitle: String { text("Lỗi (tệp và lý do)", "Failures (file and reason)") }
    public static var resumeHint: String {
        text(
            "Đã dừng theo yêu cầu. Chạy lại đúng lệnh này để làm tiếp: các trang đã xong sẽ không làm lại.",
            "Stopped on request. Run the same command again to finish: pages already done are not redone.")
    }
    public static var suspectPage: String { text("trang đáng ngờ", "suspect page") }
    public static var suspectPagesTitle: String {
        text(
            "Trang đáng ngờ (văn bản nhận dạng có vẻ sai; xem trước tiên ở /review)",
            "Suspect pages (the text looks wrong; listed first at /review)")
    }
    public static var noFailures: String { text("Không có lỗi.", "No failures.") }

    /// A batch refused before it starts because the archive's disk lacks room.
    public static func notEnoughSpace(archive: String, pages: Int, needed: Int64, available: Int64) -> String {
        let n = DiskSpace.describe(needed)
        let a = DiskSpace.describe(available)
        let short = DiskSpace.describe(needed - available)
        return text(
            "Ổ đĩa của kho \(archive) không đủ chỗ: lô này (\(pages) trang) cần khoảng \(n), hiện còn trống \(a). "
                + "Hãy giải phóng ít nhất \(short) hoặc chuyển kho sang ổ lớn hơn; chưa trang nào được xử lý. "
                + "(--no-space-check để chạy dù sao.)",
            "The archive's disk (\(archive)) has too little room: this batch (\(pages) pages) needs about \(n), \(a) is free. "
                + "Free at least \(short) or move the archive to a bigger disk; no page was processed. "
                + "(--no-space-check runs anyway.)")
    }
}
