import Foundation
import SohoaCatalog

/// `sohoa status` as people read it: batches, items, pages per stage, failures.
public enum StatusReport {
    public static func text(_ s: CatalogStatus, archive: URL) -> String {
        let en = Messages.english
        func t(_ vi: String, _ english: String) -> String { en ? english : vi }
        let dates = DateFormatter()
        dates.dateFormat = "yyyy-MM-dd HH:mm"
        var lines = ["\(t("Kho lưu trữ", "Archive")): \(archive.path)"]
        lines.append(
            "\(t("Tài liệu", "Items")): \(s.itemCount) — "
                + ItemRecord.State.allCases.map { "\(label($0, en)): \(s.itemsByState[$0] ?? 0)" }.joined(separator: ", "))
        lines.append(
            "\(t("Trang", "Pages")): \(s.pageCount) — "
                + PageRecord.State.allCases.map { "\(label($0, en)): \(s.pagesByState[$0] ?? 0)" }.joined(separator: ", ")
                + (s.blankPageCount > 0 ? ", \(t("trang trắng", "blank")): \(s.blankPageCount)" : ""))
        if let mean = s.meanConfidence {
            lines.append("\(t("Độ tin cậy OCR trung bình", "Mean OCR confidence")): " + String(format: "%.1f%%", mean))
        }
        lines.append("\(t("Trang theo công đoạn", "Pages by stage")):")
        for stage in PipelineStage.allCases {
            let counts = s.pagesByStage[stage] ?? [:]
            let parts = PageStageRecord.State.allCases.compactMap { state -> String? in
                guard let n = counts[state], n > 0 else { return nil }
                return "\(state.rawValue) \(n)"
            }
            lines.append(
                "  \(stage.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(parts.isEmpty ? "—" : parts.joined(separator: ", "))"
            )
        }
        if !s.recentBatches.isEmpty {
            lines.append("\(t("Lô gần đây", "Recent batches")):")
            for b in s.recentBatches {
                lines.append(
                    "  #\(b.id ?? 0) \(dates.string(from: b.startedAt)) \(b.path) [\(b.pipeline)] \(b.state.rawValue): "
                        + "\(b.pageCount) \(t("trang", "pages")), \(b.failureCount) \(t("lỗi", "failures"))")
            }
        }
        if s.failureCount > 0 {
            lines.append("\(t("Lỗi", "Failures")) (\(s.failureCount); \(t("gần nhất", "latest"))):")
            for f in s.recentFailures {
                lines.append("  ✗ \(dates.string(from: f.at)) \(f.stage.rawValue): \(f.filePath): \(f.reason)")
            }
        }
        if !s.rescanRequests.isEmpty {
            lines.append("\(t("Trang cần quét lại", "Pages to scan again")) (\(s.rescanRequests.count)):")
            for r in s.rescanRequests {
                let who = [r.reviewer, r.at.map { dates.string(from: $0) }].compactMap { $0 }.joined(separator: ", ")
                lines.append("  ↺ \(r.itemID) / \(r.pageName): \(r.reason)" + (who.isEmpty ? "" : " (\(who))"))
            }
        }
        if s.suspectPageCount > 0 {
            lines.append(
                "\(t("Trang đáng ngờ (văn bản nhận dạng có vẻ sai)", "Suspect pages (the text looks wrong)")) (\(s.suspectPageCount)):")
            for page in s.suspectPages {
                let done = page.reviewState == .pending ? "" : " [\(page.reviewState.rawValue)]"
                lines.append("  ? \(page.itemID) / \(page.pageName): \(SuspectReasonWords.forCommandLine(page.reason))\(done)")
            }
        }
        if let audit = s.lastAudit {
            lines.append(
                "\(t("Kiểm tra toàn vẹn gần nhất", "Last fixity audit")): \(dates.string(from: audit.finishedAt)) (\(audit.scope)): "
                    + "\(audit.objectsChecked) \(t("đối tượng", "objects")), \(audit.filesChecked) \(t("tệp", "files")), "
                    + (audit.findingCount == 0 ? t("toàn vẹn", "all intact") : "\(audit.findingCount) \(t("vấn đề", "findings"))"))
        }
        return lines.joined(separator: "\n")
    }

    static func label(_ state: ItemRecord.State, _ en: Bool) -> String {
        switch state {
        case .pending: en ? "pending" : "đang chờ"
        case .packaged: en ? "archived" : "đã lưu trữ"
        case .failed: en ? "failed" : "lỗi"
        }
    }

    static func label(_ state: PageRecord.State, _ en: Bool) -> String {
        switch state {
        case .pending: en ? "pending" : "đang chờ"
        case .done: en ? "done" : "xong"
        case .failed: en ? "failed" : "lỗi"
        }
    }
}
