import Foundation

/// Progress as one JSON object per line on standard output, for logs and scripts (non-terminal runs).
public struct JSONLinesReporter: ProgressReporter {
    public init() {}

    public func update(_ snapshot: RunSnapshot, after event: ProgressEvent) {
        var line: [String: Any] = [
            "time": ISO8601DateFormatter().string(from: Date()),
            "pages_total": snapshot.pagesTotal,
            "pages_finished": snapshot.pagesFinished,
            "pages_failed": snapshot.pagesFailed,
        ]
        switch event {
        case .working:
            return  // too chatty for a log; the terminal display shows it
        case .planned(let items, let pages):
            line["event"] = "planned"
            line["items"] = items
            line["pages"] = pages
        case .spreadSplit(let item, let page, let parts):
            line["event"] = "spread_split"
            line["item"] = item
            line["page"] = page
            line["parts"] = parts
        case .itemSkipped(let item):
            line["event"] = "item_skipped"
            line["item"] = item
            line["reason"] = "already archived with the same pages"
        case .pageDone(let item, let page, let reused, let blank):
            line["event"] = reused ? "page_reused" : "page_done"
            line["item"] = item
            line["page"] = page
            if blank { line["blank"] = true }
        case .pageFailed(let failure), .failure(let failure), .itemFailed(let failure):
            line["event"] = "failure"
            line["stage"] = failure.stage.rawValue
            line["file"] = failure.file
            line["page"] = failure.page
            line["item"] = failure.itemID
            line["reason"] = failure.reason
        case .pageSuspect(let suspect):
            line["event"] = "page_suspect"
            line["item"] = suspect.item
            line["page"] = suspect.page
            line["reason"] = suspect.reason
        case .itemPackaged(let item):
            line["event"] = "item_packaged"
            line["item"] = item
        case .warning(let text):
            line["event"] = "warning"
            line["message"] = text
        case .stopping:
            line["event"] = "stopping"
        }
        JSONLine.write(line)
    }

    public func finish(_ snapshot: RunSnapshot) {}
}

/// Writes one JSON object as a line to standard output.
enum JSONLine {
    static func write(_ object: [String: Any]) {
        guard var data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return
        }
        data.append(0x0A)
        FileHandle.standardOutput.write(data)
    }
}
