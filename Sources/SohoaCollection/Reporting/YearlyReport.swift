import Foundation
import SohoaCatalog

/// `sohoa report --year YYYY --out DIR`: the yearly report (due before 1 November) as one
/// self-contained Vietnamese HTML page with inline SVG charts, plus its tables as CSV files.
public enum YearlyReport {
    /// The file names written into the output folder.
    public static let htmlName = "bao-cao.html"

    /// Gathers the year's figures. Goal figures come from `ProgressCalculator`, as in `sohoa progress`;
    /// usage from `UsageReport`, against `usageTargets`.
    public static func build(
        catalog: Catalog, goals: [Goal], year: Int, goalsFile: String? = nil, usageTargets: UsageTargets = .plan, now: Date = Date()
    ) throws(CatalogError) -> YearlyReportData {
        let start = GoalsFile.day(String(format: "%04d-01-01", year)) ?? now
        let end = GoalsFile.day(String(format: "%04d-01-01", year + 1)) ?? now
        let asOf = min(now, end.addingTimeInterval(-0.001))
        let usage = try UsageReport.build(catalog: catalog, year: year, targets: usageTargets)
        // The goals' figures and the tables from one snapshot and one tally: a batch archiving while the
        // report is made cannot make its goal figure disagree with its tables.
        return try catalog.progressSnapshot { tx throws(CatalogError) in
            let all = ProgressScope()
            let tally = try tx.progressTally(asOf: asOf)
            let progress = try ProgressCalculator.progress(goals: goals, in: tx, tally: tally, asOf: asOf, goalsFile: goalsFile)
            func rows(_ by: ProgressBreakdown) -> [YearlyReportData.Row] {
                let holdings = tally.holdingsRows(scope: all, by: by)
                let items = tally.itemsRows(scope: all, by: by)
                let keys = Set(holdings.map(\.key)).union(items.map(\.key)).sorted()
                return keys.map { key in
                    let h = holdings.first { $0.key == key }
                    let i = items.first { $0.key == key }
                    let total = h?.total ?? 0
                    let done = h?.done ?? 0
                    return YearlyReportData.Row(
                        key: key, holdings: total, digitized: done,
                        percent: total > 0 ? GoalProgress.oneDecimal(Double(done) / Double(total) * 100) : 0, items: i?.done ?? 0,
                        pages: i?.pages ?? 0)
                }
            }
            return YearlyReportData(
                year: year, asOf: asOf, generatedAt: now, progress: progress, months: try tx.monthlyArchived(year: year),
                libraries: rows(.library), types: rows(.type), audits: try tx.fixityAudits(from: start, to: end),
                failures: try tx.failureCounts(from: start, to: end), usage: usage)
        }
    }

    /// Writes `bao-cao.html` and the CSV tables into `folder` (created); returns the files written.
    @discardableResult
    public static func write(_ data: YearlyReportData, to folder: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var written: [URL] = []
        let html = folder.appendingPathComponent(htmlName)
        try Data(ReportHTML.render(data).utf8).write(to: html, options: .atomic)
        written.append(html)
        for (name, text) in ReportCSV.tables(data) {
            let url = folder.appendingPathComponent(name)
            try Data(([0xEF, 0xBB, 0xBF] as [UInt8]) + Array(text.utf8)).write(to: url, options: .atomic)
            written.append(url)
        }
        return written
    }
}
