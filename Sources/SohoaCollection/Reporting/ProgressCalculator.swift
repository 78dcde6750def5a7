import Foundation
import SohoaCatalog

/// Turns the catalog's progress queries into each goal's figure, percentage, gap, pace and
/// projection. `sohoa progress` and `sohoa report` both call `progress(…)`.
public enum ProgressCalculator {
    /// Every goal's progress as of `asOf`, read on one catalog snapshot.
    public static func progress(
        goals: [Goal], catalog: Catalog, asOf: Date = Date(), by breakdown: ProgressBreakdown? = nil, goalsFile: String? = nil
    ) throws(CatalogError) -> ProgressReport {
        try catalog.progressSnapshot { tx throws(CatalogError) in
            try progress(goals: goals, in: tx, tally: try tx.progressTally(asOf: asOf), asOf: asOf, by: breakdown, goalsFile: goalsFile)
        }
    }

    /// Every goal's progress from `tally`, read in `tx` (a snapshot the caller also reads its other
    /// figures in, so that they all agree: the yearly report's tables, the dashboard's two breakdowns).
    public static func progress(
        goals: [Goal], in tx: CatalogTransaction, tally: ProgressTally, asOf: Date, by breakdown: ProgressBreakdown? = nil,
        goalsFile: String? = nil
    ) throws(CatalogError) -> ProgressReport {
        var results: [GoalProgress] = []
        for goal in goals {
            let figures: ProgressFigures
            var rows: [ProgressRow]? = nil
            switch goal.measure {
            case .holdingsShare:
                figures = tally.holdingsFigures(scope: goal.scope)
                if let breakdown { rows = tally.holdingsRows(scope: goal.scope, by: breakdown) }
            case .items:
                figures = tally.itemsFigures(scope: goal.scope)
                if let breakdown { rows = tally.itemsRows(scope: goal.scope, by: breakdown) }
            }
            var result = evaluate(goal, figures: figures, asOf: asOf)
            result.breakdown = rows
            results.append(result)
        }
        return ProgressReport(
            asOf: asOf, goalsFile: goalsFile, holdingsInRegister: try tx.holdingCount(), goals: results, breakdownBy: breakdown,
            ocr: try tx.ocrQuality(asOf: asOf))
    }

    /// The arithmetic on one goal's figures (documented in docs/progress.md).
    public static func evaluate(_ goal: Goal, figures: ProgressFigures, asOf: Date) -> GoalProgress {
        let done = figures.done + goal.baseline
        let targetCount: Int
        let percent: Double
        switch goal.measure {
        case .holdingsShare:
            let total = figures.total ?? 0
            targetCount = Int((Double(total) * goal.target / 100 - 1e-9).rounded(.up))
            percent = total > 0 ? Double(done) / Double(total) * 100 : 0
        case .items:
            targetCount = Int(goal.target.rounded(.up))
            percent = Double(done) / goal.target * 100
        }
        let gap = max(0, targetCount - done)
        let pace30 = GoalProgress.Pace(
            days: 30, unitsPerWeek: GoalProgress.twoDecimals(Double(figures.doneLast30Days) * 7 / 30),
            pagesPerWeek: GoalProgress.twoDecimals(Double(figures.pagesLast30Days) * 7 / 30))
        let pace90 = GoalProgress.Pace(
            days: 90, unitsPerWeek: GoalProgress.twoDecimals(Double(figures.doneLast90Days) * 7 / 90),
            pagesPerWeek: GoalProgress.twoDecimals(Double(figures.pagesLast90Days) * 7 / 90))
        let weeksLeft = ((goal.deadlineDate ?? asOf).timeIntervalSince(asOf)) / (7 * 86_400)
        var projected: Date? = nil
        if gap > 0, figures.doneLast90Days > 0 {
            let exactPace = Double(figures.doneLast90Days) * 7 / 90
            projected = asOf.addingTimeInterval(Double(gap) / exactPace * 7 * 86_400)
        }
        let status: GoalProgress.Status
        if goal.measure == .holdingsShare && (figures.total ?? 0) == 0 {
            status = .noRegister
        } else if gap == 0 {
            status = .reached
        } else if weeksLeft <= 0 {
            status = .overdue
        } else if let projected {
            status = projected <= (goal.deadlineDate ?? asOf) ? .onTrack : .behind
        } else {
            status = .stalled
        }
        return GoalProgress(
            goal: goal, figures: figures, done: done, total: goal.measure == .holdingsShare ? figures.total ?? 0 : nil,
            targetCount: targetCount, percent: GoalProgress.oneDecimal(percent),
            percentOfTarget: targetCount > 0 ? GoalProgress.oneDecimal(min(100, Double(done) / Double(targetCount) * 100)) : 100,
            gap: gap, pace30: pace30, pace90: pace90, projectedDate: projected.map { GoalsFile.dayText($0) },
            neededPerWeek: gap > 0 && weeksLeft > 0 ? GoalProgress.twoDecimals(Double(gap) / weeksLeft) : nil, status: status)
    }
}
