import Foundation
import SohoaCatalog

/// `sohoa stats` as people read it: the year's figures against the plan's targets, each month, each
/// library and the most-used items.
public enum UsageText {
    public static func text(_ report: UsageReport) -> String {
        let en = Messages.english
        func t(_ vi: String, _ english: String) -> String { en ? english : vi }
        let scope =
            report.libraryCode.map { "\(t("thư viện", "library")) \($0)" } ?? t("toàn bộ thư viện số", "the whole digital collection")
        var lines = [
            "\(t("Lượt sử dụng năm", "Usage in")) \(report.year) — \(scope) "
                + "(\(t("quy tắc COUNTER: không tính robot, nhấp đúp trong 30 giây tính một lần", "COUNTER rules: robots left out, double clicks within 30 s counted once")))",
            "",
        ]
        let f = report.total
        if report.libraryCode == nil {
            lines.append(
                "  \(t("Lượt truy cập thư viện số", "Visits to the digital collection")): \(f.visits) / \(report.targets.collectionVisits) "
                    + "= \(ProgressText.format(report.collectionVisitsPercent))%  \(ProgressText.bar(report.collectionVisitsPercent))")
            lines.append(
                "  \(t("Lượt truy cập cộng theo thư viện", "Visits across the libraries")): \(report.libraryVisits) / \(report.targets.libraryVisits) "
                    + "= \(ProgressText.format(report.libraryVisitsPercent))%  \(ProgressText.bar(report.libraryVisitsPercent))")
        } else {
            lines.append("  \(t("Lượt truy cập", "Visits")): \(f.visits)")
        }
        lines.append("  \(t("Lượt xem tài liệu", "Item views")): \(f.itemViews)")
        lines.append("  \(t("Lượt xem trang", "Page views")): \(f.pageViews)")
        lines.append("  \(t("Lượt tải PDF", "PDF downloads")): \(f.downloads)")
        lines.append("  \(t("Lượt tìm kiếm", "Searches")): \(f.searches)")
        lines.append("")
        lines.append(
            "  "
                + [
                    t("Tháng", "Month"), t("Truy cập", "Visits"), t("Xem TL", "Items"), t("Xem trang", "Pages"), t("Tải", "PDFs"),
                    t("Tìm", "Searches"),
                ]
                .map { $0.padding(toLength: 10, withPad: " ", startingAt: 0) }.joined())
        for month in report.months {
            let m = month.figures
            lines.append(
                "  "
                    + ["\(month.month)", "\(m.visits)", "\(m.itemViews)", "\(m.pageViews)", "\(m.downloads)", "\(m.searches)"]
                    .map { $0.padding(toLength: 10, withPad: " ", startingAt: 0) }.joined())
        }
        if !report.libraries.isEmpty {
            lines.append("")
            lines.append("  \(t("Theo thư viện", "By library")):")
            for row in report.libraries {
                let r = row.figures
                lines.append(
                    "    \(row.libraryCode.padding(toLength: 10, withPad: " ", startingAt: 0)) \(t("truy cập", "visits")) \(r.visits), "
                        + "\(t("xem tài liệu", "item views")) \(r.itemViews), \(t("xem trang", "page views")) \(r.pageViews), "
                        + "\(t("tải PDF", "downloads")) \(r.downloads), \(t("tìm kiếm", "searches")) \(r.searches)")
            }
        }
        if !report.topItems.isEmpty {
            lines.append("")
            lines.append("  \(t("Tài liệu được xem nhiều nhất", "Most-used items")):")
            for item in report.topItems {
                lines.append(
                    "    \(item.itemID) (\(item.libraryCode)) \(item.title ?? ""): \(t("xem", "views")) \(item.itemViews), "
                        + "\(t("trang", "pages")) \(item.pageViews), \(t("tải", "downloads")) \(item.downloads)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
