import Foundation
import SohoaCollection
import Synchronization

/// A live progress display on a terminal (standard error), redrawn at most a few times a second:
/// pages done/total, pages per minute, time left, what each stage is doing, failures so far.
public final class TerminalReporter: ProgressReporter {
    private let lastDraw = Mutex<(at: ContinuousClock.Instant?, lines: Int)>((nil, 0))
    private let width: Int

    public init(width: Int = 100) {
        self.width = width
    }

    public func update(_ snapshot: RunSnapshot, after event: ProgressEvent) {
        var message: String?
        switch event {
        case .pageFailed(let failure), .failure(let failure), .itemFailed(let failure):
            message = "✗ " + failure.description
        case .pageSuspect(let suspect):
            message = "? \(Messages.suspectPage): \(suspect.description)"
        case .itemPackaged(let item):
            message = "✓ \(Messages.itemArchived): \(item)"
        case .warning(let text):
            message = "! " + text
        case .stopping:
            message = Messages.stopping
        default:
            break
        }
        draw(snapshot, message: message)
    }

    public func finish(_ snapshot: RunSnapshot) {
        lastDraw.withLock { state in
            Self.write(String(repeating: "\u{1B}[1A\u{1B}[2K", count: state.lines))
            state.lines = 0
        }
    }

    private func draw(_ snapshot: RunSnapshot, message: String?) {
        lastDraw.withLock { state in
            let now = ContinuousClock.now
            if message == nil, let at = state.at, at.duration(to: now) < .milliseconds(250) { return }
            state.at = now
            var out = String(repeating: "\u{1B}[1A\u{1B}[2K", count: state.lines)
            if let message { out += message + "\n" }
            let lines = render(snapshot)
            out += lines.joined(separator: "\n") + "\n"
            state.lines = lines.count
            Self.write(out)
        }
    }

    func render(_ s: RunSnapshot) -> [String] {
        let total = max(s.pagesTotal, 1)
        let fraction = Double(s.pagesFinished) / Double(total)
        let barWidth = 30
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
        let eta = s.etaSeconds.map { Duration.seconds($0).formatted(.time(pattern: .hourMinuteSecond)) } ?? "…"
        var lines = [
            "\(bar) \(s.pagesFinished)/\(s.pagesTotal) \(Messages.pages) · "
                + String(format: "%.1f", s.pagesPerMinute) + " \(Messages.pagesPerMinute) · \(Messages.timeLeft) \(eta)"
                + (s.pagesFailed + s.failures.count > 0 ? " · \(Messages.failures): \(s.failures.count)" : "")
        ]
        for worker in s.activity.keys.sorted() {
            let doing = s.activity[worker] ?? "—"
            lines.append(String("  \(worker.padding(toLength: 12, withPad: " ", startingAt: 0)) \(doing)".prefix(width)))
        }
        return lines
    }

    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
