import Foundation
import SohoaCollection

/// How a run ended: what was archived, what failed and why, how long it took.
public struct RunSummary: Sendable, Codable {
    public var snapshot: RunSnapshot
    /// Items left unpackaged because the run was stopped before all their pages were done.
    public var unfinishedItems: [String]
    /// Set when the run stopped because the archive's disk was full (exit 3).
    public var diskFull: DiskFullStop?
    /// CPU seconds by stage, when the run got as far as starting its workers.
    public var cpuSeconds: StageCPUSeconds?

    /// Exit code per DESIGN §8: 0 all well, 1 something failed, 3 the archive's disk is full,
    /// 130 stopped by Ctrl-C.
    public var exitStatus: ExitStatus {
        if diskFull != nil { return .archiveUnusable }
        if snapshot.stopped { return .interrupted }
        return snapshot.failures.isEmpty ? .success : .somethingFailed
    }

    /// The summary as people read it.
    public var text: String {
        let s = snapshot
        var lines = ["", "── \(Messages.summaryTitle) ──"]
        lines.append(
            "\(Messages.items): \(s.itemsPackaged) \(Messages.archived), \(s.itemsSkipped) \(Messages.alreadyArchived), \(s.itemsFailed) \(Messages.failed)"
        )
        lines.append(
            "\(Messages.pagesTitle): \(s.pagesDone) \(Messages.processed), \(s.pagesReused) \(Messages.reused), \(s.pagesFailed) \(Messages.failed)"
                + (s.pagesBlank > 0 ? ", \(s.pagesBlank) \(Messages.blank)" : ""))
        lines.append(
            "\(Messages.time): " + Duration.seconds(s.elapsedSeconds).formatted(.time(pattern: .hourMinuteSecond))
                + (s.pagesDone > 0 ? String(format: " (%.1f %@)", s.pagesPerMinute, Messages.pagesPerMinute) : ""))
        for warning in s.warnings { lines.append("  ! \(warning)") }
        if !s.suspectPages.isEmpty {
            lines.append("\(Messages.suspectPagesTitle) (\(s.suspectPages.count)):")
            for page in s.suspectPages { lines.append("  ? \(page.description)") }
        }
        if s.failures.isEmpty {
            lines.append(Messages.noFailures)
        } else {
            lines.append("\(Messages.failuresTitle):")
            for failure in s.failures { lines.append("  ✗ \(failure.description)") }
        }
        if let diskFull {
            lines.append("⚠ \(diskFull.message)")
        } else if s.stopped {
            lines.append(Messages.resumeHint)
        }
        return lines.joined(separator: "\n")
    }
}
