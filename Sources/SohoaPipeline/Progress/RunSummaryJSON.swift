import Foundation

/// The end of a non-terminal run: the summary as one JSON line on standard output, and in
/// words on standard error for whoever reads the log.
public enum RunSummaryJSON {
    public static func write(_ summary: RunSummary) {
        let s = summary.snapshot
        var line: [String: Any] = [
            "event": "summary",
            "items_packaged": s.itemsPackaged, "items_skipped": s.itemsSkipped, "items_failed": s.itemsFailed,
            "pages_total": s.pagesTotal, "pages_done": s.pagesDone, "pages_reused": s.pagesReused,
            "pages_failed": s.pagesFailed, "pages_blank": s.pagesBlank,
            "seconds": (s.elapsedSeconds * 10).rounded() / 10,
            "pages_per_minute": (s.pagesPerMinute * 10).rounded() / 10,
            "failures": s.failures.map { ["stage": $0.stage.rawValue, "file": $0.file, "page": $0.page ?? "", "reason": $0.reason] },
            "warnings": s.warnings,
            "suspect_pages": s.suspectPages.map { ["item": $0.item, "page": $0.page, "reason": $0.reason] },
            "stopped": s.stopped,
            "unfinished_items": summary.unfinishedItems,
            "exit_code": Int(summary.exitStatus.rawValue),
        ]
        if let cpu = summary.cpuSeconds {
            line["cpu_seconds"] = cpu.rounded
            if cpu.parts != nil { line["cpu_parts"] = cpu.roundedParts }
        }
        if let full = summary.diskFull {
            line["disk_full"] = [
                "message": full.message, "pages_left": full.pagesLeft, "items_left": full.itemsLeft,
                "needed_bytes": full.neededBytes, "available_bytes": full.availableBytes ?? -1,
            ]
        }
        JSONLine.write(line)
        FileHandle.standardError.write(Data((summary.text + "\n").utf8))
    }
}
