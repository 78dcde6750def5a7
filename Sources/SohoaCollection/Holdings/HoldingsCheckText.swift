import SohoaCatalog

/// `sohoa holdings check` as people read it.
public enum HoldingsCheckText {
    public static func text(_ check: HoldingsCheck) -> String {
        var lines = [
            Messages.text(
                "Sổ đăng ký: \(check.holdingCount) tài liệu; tài liệu số: \(check.itemCount)",
                "Register: \(check.holdingCount) holdings; items: \(check.itemCount)")
        ]
        if check.isClean { lines.append(Messages.text("✔ Mọi tài liệu số đều liên kết đúng.", "✔ Every item is linked correctly.")) }
        if !check.itemsWithUnknownHolding.isEmpty {
            lines.append(
                Messages.text(
                    "✗ Mã tài liệu không có trong sổ đăng ký (sửa holding-id trong item.yaml / items.csv, hoặc nhập sổ đăng ký):",
                    "✗ Holding id not in the register (fix holding-id in item.yaml / items.csv, or import the register):"))
            for link in check.itemsWithUnknownHolding { lines.append("  \(link.itemID) → \(link.holdingID)") }
        }
        if !check.holdingsWithSeveralItems.isEmpty {
            lines.append(
                Messages.text(
                    "! Một tài liệu trong sổ có nhiều bản số (trùng lặp, hoặc mỗi tập nên có mã riêng):",
                    "! Holdings with several items (duplicates, or volumes that need their own holding ids):"))
            for shared in check.holdingsWithSeveralItems {
                lines.append("  \(shared.holdingID): \(shared.itemIDs.joined(separator: ", "))")
            }
        }
        if !check.itemsWithoutHolding.isEmpty {
            lines.append(
                Messages.text(
                    "· Tài liệu số chưa có holding-id (được tính là tài liệu số, không tính vào mục tiêu 70%):",
                    "· Items without a holding-id (counted as digital documents, not toward the 70% goal):"))
            lines.append("  " + check.itemsWithoutHolding.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}
