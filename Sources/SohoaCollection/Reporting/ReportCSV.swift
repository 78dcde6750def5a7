import Foundation
import SohoaCatalog

/// The yearly report's tables as CSV (UTF-8 with a BOM so that spreadsheet programs show Vietnamese;
/// `.` as the decimal point; empty cell for "none").
public enum ReportCSV {
    /// File name and content of each table.
    public static func tables(_ data: YearlyReportData) -> [(name: String, text: String)] {
        var goals = [
            [
                "goal_id", "name", "measure", "target", "deadline", "done", "total", "target_count", "percent", "percent_of_target", "gap",
                "units_per_week_30d", "pages_per_week_30d", "units_per_week_90d", "pages_per_week_90d", "projected_date",
                "needed_per_week", "status",
            ]
        ]
        for g in data.progress.goals {
            goals.append([
                g.goal.id, g.goal.name, g.goal.measure.rawValue, number(g.goal.target), g.goal.deadline, "\(g.done)",
                g.total.map(String.init) ?? "",
                "\(g.targetCount)", number(g.percent), number(g.percentOfTarget), "\(g.gap)", number(g.pace30.unitsPerWeek),
                number(g.pace30.pagesPerWeek), number(g.pace90.unitsPerWeek), number(g.pace90.pagesPerWeek), g.projectedDate ?? "",
                g.neededPerWeek.map(number) ?? "", g.status.rawValue,
            ])
        }
        var months = [["year", "month", "items", "pages"]]
        for m in data.months { months.append(["\(data.year)", "\(m.month)", "\(m.items)", "\(m.pages)"]) }
        func rowsTable(_ keyName: String, _ rows: [YearlyReportData.Row]) -> [[String]] {
            [[keyName, "holdings", "digitized", "percent", "items", "pages"]]
                + rows.map { [$0.key, "\($0.holdings)", "\($0.digitized)", number($0.percent), "\($0.items)", "\($0.pages)"] }
        }
        let ocr = data.progress.ocr
        let ocrTable = [
            ["recognized_pages", "mean_confidence", "reviewed_pages", "reviewed_percent", "image_only_pages"],
            [
                "\(ocr.recognizedPages)", ocr.meanConfidence.map { number(GoalProgress.oneDecimal($0)) } ?? "", "\(ocr.reviewedPages)",
                number(ReportHTML.reviewedPercent(ocr)), "\(ocr.imageOnlyPages)",
            ],
        ]
        let audits = [
            ["year", "runs", "objects_checked", "files_checked", "problems_found"],
            data.audits.map { ["\(data.year)", "\($0.runs)", "\($0.objectsChecked)", "\($0.filesChecked)", "\($0.problemsFound)"] }
                ?? ["\(data.year)", "0", "0", "0", "0"],
        ]
        let failures = [["stage", "failures"]] + data.failures.map { [$0.stage, "\($0.count)"] }
        let usage = data.usage.map(usageTables) ?? []
        return [
            ("goals.csv", csv(goals)), ("months.csv", csv(months)), ("libraries.csv", csv(rowsTable("library", data.libraries))),
            ("types.csv", csv(rowsTable("collection_type", data.types))), ("ocr.csv", csv(ocrTable)), ("audits.csv", csv(audits)),
            ("failures.csv", csv(failures)),
        ] + usage
    }

    /// The usage tables: `usage.csv` (the year's figures against the targets: the whole collection,
    /// the libraries summed, then each library), `usage-months.csv`, `usage-items.csv` (most used).
    static func usageTables(_ usage: UsageReport) -> [(name: String, text: String)] {
        let header = ["year", "scope", "visits", "visits_target", "visits_percent", "item_views", "page_views", "downloads", "searches"]
        func row(_ scope: String, _ f: UsageFigures, target: Int?, percent: Double?) -> [String] {
            [
                "\(usage.year)", scope, "\(f.visits)", target.map(String.init) ?? "", percent.map(number) ?? "", "\(f.itemViews)",
                "\(f.pageViews)", "\(f.downloads)", "\(f.searches)",
            ]
        }
        var totals = [header]
        totals.append(
            row("digital-collection", usage.total, target: usage.targets.collectionVisits, percent: usage.collectionVisitsPercent))
        let summed = usage.libraries.map(\.figures).reduce(.zero, +)
        totals.append(row("libraries", summed, target: usage.targets.libraryVisits, percent: usage.libraryVisitsPercent))
        for library in usage.libraries { totals.append(row("library:\(library.libraryCode)", library.figures, target: nil, percent: nil)) }
        var months = [["year", "month", "visits", "item_views", "page_views", "downloads", "searches"]]
        for m in usage.months {
            let f = m.figures
            months.append([
                "\(usage.year)", "\(m.month)", "\(f.visits)", "\(f.itemViews)", "\(f.pageViews)", "\(f.downloads)", "\(f.searches)",
            ])
        }
        var items = [["item_id", "title", "library", "item_views", "page_views", "downloads"]]
        for item in usage.topItems {
            items.append([item.itemID, item.title ?? "", item.libraryCode, "\(item.itemViews)", "\(item.pageViews)", "\(item.downloads)"])
        }
        return [("usage.csv", csv(totals)), ("usage-months.csv", csv(months)), ("usage-items.csv", csv(items))]
    }

    /// `12`, `12.5`, `0.33`: no trailing zeros, `.` as the decimal point.
    static func number(_ value: Double) -> String {
        if value == value.rounded() { return String(Int(value)) }
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    static func csv(_ rows: [[String]]) -> String {
        rows.map { row in
            row.map { field in
                let field = protected(field)
                return field.contains(where: { ",\"\n\r".contains($0) })
                    ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: ",")
        }.joined(separator: "\r\n") + "\r\n"
    }

    /// A cell a spreadsheet program will not run as a formula (OWASP "CSV injection"): text starting
    /// with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`. A plain number
    /// (`-12`, `-0.5`) is left alone, so negative figures stay numbers.
    public static func protected(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return field }
        if isPlainNumber(field) { return field }
        return "'" + field
    }

    /// `-12`, `3`, `-0.25`: an optional minus, ASCII digits, at most one `.` between digits.
    static func isPlainNumber(_ text: String) -> Bool {
        text.wholeMatch(of: /-?[0-9]+(\.[0-9]+)?/) != nil
    }
}
