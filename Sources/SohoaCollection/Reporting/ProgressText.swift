import Foundation
import SohoaCatalog

/// `sohoa progress` as people read it: per goal the figure, percentage, bar, gap, pace and projection.
public enum ProgressText {
    /// A bar of `width` cells filled to `percent` (0–100).
    public static func bar(_ percent: Double, width: Int = 30) -> String {
        let filled = max(0, min(width, Int((percent / 100 * Double(width)).rounded())))
        return "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "]"
    }

    public static func text(_ report: ProgressReport) -> String {
        let en = Messages.english
        func t(_ vi: String, _ english: String) -> String { en ? english : vi }
        var lines = [
            "\(t("Tiến độ đến ngày", "Progress as of")) \(GoalsFile.dayText(report.asOf)) — "
                + "\(t("sổ đăng ký", "register")): \(report.holdingsInRegister) \(t("tài liệu", "holdings")); "
                + "\(t("mục tiêu", "goals")): \(report.goalsFile ?? t("mặc định của kế hoạch (sohoa progress --write-goals để sửa)", "the plan's defaults (sohoa progress --write-goals to edit)"))"
        ]
        for g in report.goals {
            lines.append("")
            lines.append("■ \(g.goal.name) — \(t("hạn", "deadline")) \(g.goal.deadline)")
            let unit = unitName(g.goal.measure, en)
            switch g.goal.measure {
            case .holdingsShare:
                lines.append(
                    "  \(g.done) / \(g.total ?? 0) \(unit) = \(format(g.percent))%  \(bar(g.percent))  "
                        + "\(t("mục tiêu", "target")) \(format(g.goal.target))% = \(g.targetCount); \(t("còn thiếu", "gap")) \(g.gap)")
            case .items:
                lines.append(
                    "  \(g.done) / \(g.targetCount) \(unit) = \(format(g.percent))%  \(bar(g.percent))  \(t("còn thiếu", "gap")) \(g.gap)")
            }
            if g.goal.baseline > 0 {
                lines.append(
                    "  (\(t("gồm", "including")) \(g.goal.baseline) \(t("số hóa trước khi dùng sohoa", "digitized before sohoa")))")
            }
            lines.append(
                "  \(t("Tốc độ", "Pace")): 30 \(t("ngày", "days")) \(format(g.pace30.unitsPerWeek)) \(unit)/\(t("tuần", "week")), "
                    + "\(format(g.pace30.pagesPerWeek)) \(t("trang", "pages"))/\(t("tuần", "week")); "
                    + "90 \(t("ngày", "days")) \(format(g.pace90.unitsPerWeek)) \(unit)/\(t("tuần", "week")), "
                    + "\(format(g.pace90.pagesPerWeek)) \(t("trang", "pages"))/\(t("tuần", "week"))")
            lines.append("  " + statusLine(g, en))
            for row in g.breakdown ?? [] {
                let share =
                    row.total.map { $0 > 0 ? " = " + format(GoalProgress.oneDecimal(Double(row.done) / Double($0) * 100)) + "%" : "" } ?? ""
                let figure = row.total.map { "\(row.done) / \($0)" } ?? "\(row.done)"
                lines.append(
                    "    \(label(row.key, en).padding(toLength: 24, withPad: " ", startingAt: 0)) \(figure)\(share), \(row.pages) \(t("trang", "pages"))"
                )
            }
        }
        let ocr = report.ocr
        lines.append("")
        lines.append(
            "\(t("OCR", "OCR")): \(ocr.recognizedPages) \(t("trang có chữ", "pages with text")), "
                + "\(t("độ tin cậy trung bình", "mean confidence")) \(ocr.meanConfidence.map { format(GoalProgress.oneDecimal($0)) + "%" } ?? "—"), "
                + "\(t("đã duyệt", "reviewed")) \(ocr.reviewedPages); \(ocr.imageOnlyPages) \(t("trang chỉ có ảnh", "image-only pages"))")
        return lines.joined(separator: "\n")
    }

    static func statusLine(_ g: GoalProgress, _ en: Bool) -> String {
        func t(_ vi: String, _ english: String) -> String { en ? english : vi }
        let unit = unitName(g.goal.measure, en)
        switch g.status {
        case .reached: return "✔ " + t("Đã đạt mục tiêu", "Target reached")
        case .noRegister:
            return "! "
                + t(
                    "Sổ đăng ký tài liệu trống: nhập sổ bằng `sohoa holdings import`",
                    "The register is empty: import it with `sohoa holdings import`")
        case .overdue:
            return "✗ " + t("Đã quá hạn, chưa đạt", "Deadline passed, target not reached")
                + (g.projectedDate.map { "; \(t("với tốc độ 90 ngày, đạt vào", "at the 90-day pace, reached on")) \($0)" } ?? "")
        case .stalled:
            return "! " + t("90 ngày qua không có tài liệu mới: không thể dự báo", "Nothing new in 90 days: no date can be projected")
                + "; \(t("cần", "needed")) \(format(g.neededPerWeek ?? 0)) \(unit)/\(t("tuần", "week"))"
        case .onTrack, .behind:
            return (g.status == .onTrack ? "✔ " : "! ")
                + "\(t("Với tốc độ 90 ngày, đạt mục tiêu vào", "At the 90-day pace, reached on")) \(g.projectedDate ?? "—")"
                + (g.status == .onTrack ? " (\(t("kịp hạn", "on time")))" : " (\(t("sau hạn", "after the deadline")))")
                + "; \(t("cần", "needed")) \(format(g.neededPerWeek ?? 0)) \(unit)/\(t("tuần", "week"))"
        }
    }

    static func unitName(_ measure: Goal.Measure, _ en: Bool) -> String {
        switch measure {
        case .holdingsShare: en ? "holdings" : "tài liệu"
        case .items: en ? "digital documents" : "tài liệu số"
        }
    }

    /// A collection type's Vietnamese name, or the key itself (library code, year).
    static func label(_ key: String, _ en: Bool) -> String {
        if key == "unlinked" { return en ? "not linked" : "chưa liên kết" }
        guard !en, let type = HoldingRecord.CollectionType(rawValue: key) else { return key }
        return type.vietnamese
    }

    /// `12.5`, `3`, no trailing `.0`.
    public static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
