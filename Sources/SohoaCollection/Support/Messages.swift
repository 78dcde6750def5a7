import Foundation

/// Words the command line shows people: Vietnamese first, English with `SOHOA_LANG=en`. Each
/// module adds its own words in extensions (`Messages+Run` in SohoaPipeline).
public enum Messages {
    /// Whether English was asked for (`SOHOA_LANG=en`); Vietnamese otherwise.
    public static let english: Bool = {
        let lang = ProcessInfo.processInfo.environment["SOHOA_LANG"] ?? ""
        return lang.lowercased().hasPrefix("en")
    }()

    package static func text(_ vi: String, _ en: String) -> String { english ? en : vi }

    public static var pages: String { text("trang", "pages") }

    /// A second `sohoa run` on an archive that a run is using.
    public static func archiveBusy(archive: String, holder: String) -> String {
        text(
            "Kho \(archive) đang được một lần chạy khác dùng (\(holder)). Hãy đợi lần chạy đó xong rồi chạy lại lệnh này.",
            "The archive \(archive) is in use by another sohoa run (\(holder)). Wait for it to finish, then run this command again."
        )
    }

    /// `sohoa export --format pdf|pdf-reading` of a named item packaged without that PDF.
    public static func packagedWithout(itemID: String, format: ExportFormat) -> String {
        let older =
            format == .pdfReading
            ? text(
                " (tài liệu lưu trữ trước khi sohoa làm PDF đọc chỉ có PDF lưu trữ: xuất bằng --format pdf)",
                " (items archived before sohoa made reading PDFs keep only the archival PDF: export it with --format pdf)")
            : ""
        return text(
            "tài liệu '\(itemID)' được đóng gói không có đầu ra \(format.rawValue), nên không có tệp để xuất",
            "item '\(itemID)' was packaged without the \(format.rawValue) output, so there is no such file to export") + older
    }

    /// The items `sohoa export --all --format pdf|pdf-reading` skipped: packaged without that PDF.
    public static func skippedWithout(_ itemIDs: [String], format: ExportFormat) -> String {
        text(
            "bỏ qua \(itemIDs.count) tài liệu được đóng gói không có đầu ra \(format.rawValue): ",
            "skipped \(itemIDs.count) items packaged without the \(format.rawValue) output: ") + itemIDs.joined(separator: ", ")
    }
}
