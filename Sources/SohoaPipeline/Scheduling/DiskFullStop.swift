import Foundation
import SohoaCollection

/// Why and where a run stopped on a full disk, and how much room the rest of the batch needs.
public struct DiskFullStop: Sendable, Codable, Equatable {
    /// The archive folder whose disk is full.
    public var archive: String
    /// Pages of the batch left pending (not failed): the next run does them.
    public var pagesLeft: Int
    /// Items not archived yet because of it.
    public var itemsLeft: [String]
    /// Estimated bytes the pages left need.
    public var neededBytes: Int64
    /// Bytes free on the archive's disk when the run stopped (nil when unknown).
    public var availableBytes: Int64?

    /// Bytes to free before running again.
    public var shortBytes: Int64 { max(0, neededBytes - (availableBytes ?? 0)) }

    /// The one message staff see.
    public var message: String {
        let needed = DiskSpace.describe(neededBytes)
        let free = availableBytes.map(DiskSpace.describe) ?? "?"
        let short = DiskSpace.describe(shortBytes)
        return Messages.text(
            "Ổ đĩa của kho \(archive) đã đầy: đã dừng nhận trang. \(pagesLeft) trang của \(itemsLeft.count) tài liệu "
                + "vẫn chờ xử lý (không bị tính là lỗi). Phần còn lại cần khoảng \(needed); hiện còn trống \(free). "
                + "Hãy giải phóng ít nhất \(short) (hoặc chuyển kho sang ổ lớn hơn) rồi chạy lại đúng lệnh này.",
            "The archive's disk is full (\(archive)): sohoa stopped taking pages. \(pagesLeft) pages of "
                + "\(itemsLeft.count) items are left pending (not failed). They need about \(needed); \(free) is free. "
                + "Free at least \(short) (or move the archive to a bigger disk), then run the same command again.")
    }
}
