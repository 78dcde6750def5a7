import Foundation
import SohoaCollection

/// The words of `sohoa export`.
extension Messages {
    /// How many files an item-by-item export wrote.
    static func filesWritten(_ count: Int) -> String {
        text("\(count) tệp đã ghi", "\(count) files written")
    }

    /// A MARC export's summary: records written, items left out because readers cannot open them,
    /// items whose record is beyond ISO 2709's limits (each with why).
    static func marcExport(_ export: MARCExport) -> String {
        var summary = text("\(export.itemIDs.count) biểu ghi MARC 21", "\(export.itemIDs.count) MARC 21 records")
        if !export.leftOut.isEmpty {
            summary += text(
                "; bỏ qua \(export.leftOut.count) tài liệu đóng hoặc đã rút (không có trang cho bạn đọc): ",
                "; left out \(export.leftOut.count) closed or withdrawn items (readers have no page to open): ")
            summary += export.leftOut.joined(separator: ", ")
        }
        for item in export.unwritable {
            summary +=
                "\n"
                + text(
                    "\(item.itemID): biểu ghi MARC 21 vượt giới hạn của ISO 2709 (99.999 byte một biểu ghi, 9.999 byte một trường), đã bỏ qua: \(item.problem)",
                    "\(item.itemID): its MARC 21 record is beyond ISO 2709's limits (99,999 bytes a record, 9,999 a field), left out: \(item.problem)"
                )
        }
        return summary
    }
}
