import Foundation
import SohoaCatalog
import SohoaCollection

/// What the dashboard shows, read from the catalog with the same calculations as `sohoa progress`
/// and `sohoa report` (`ProgressCalculator`, goals from `<archive>/goals.yaml` or the plan's defaults).
struct DashboardData {
    /// Each goal broken down by library, and the same goals broken down by collection type.
    var byLibrary: ProgressReport?
    var byType: ProgressReport?
    /// A district manager's own library, and the same goals counted over that library alone (shown
    /// next to the province's figures); `nil` for users who see every library.
    var ownLibrary: LibraryRecord?
    var ownLibraryGoals: ProgressReport?
    /// Why the goals could not be read, when they could not.
    var goalsProblem: String?
    var year: Int
    var months: [MonthlyCount]
    var batches: [BatchRecord]
    var failures: [FailureRecord]
    var audits: [AuditRecord]
    /// This year's usage (the user's library, or the whole collection) against the reader targets.
    var usage: UsageReport?
    /// The work queue of distributed runs, when the server was given one (`sohoa serve --queue`).
    var queue: DashboardQueue?

    /// Reads everything as of `now`, for a user whose scope is `scope` (one library: that library's
    /// figures too).
    static func load(services: ServerServices, scope: AccessScope = .everything, now: Date = Date()) throws -> DashboardData {
        let catalog = services.catalog
        var byLibrary: ProgressReport?
        var byType: ProgressReport?
        var ownGoals: ProgressReport?
        var problem: String?
        var usageTargets = UsageTargets.plan
        var ownLibrary: LibraryRecord?
        if let code = scope.libraryCode {
            ownLibrary = try catalog.library(code: code) ?? LibraryRecord(code: code, name: code)
        }
        var loaded: GoalsFile.Contents?
        do {
            loaded = try DashboardGoals.load(services: services)
            usageTargets = loaded?.usageTargets ?? usageTargets
        } catch {
            // Shown above everything; the readers' figures are still shown, against the plan's targets.
            problem = error.description
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let year = calendar.component(.year, from: now)
        // Every progress figure from one snapshot and one tally: the two breakdowns, the library's own
        // goals and the months agree even while a batch is archiving.
        let months = try catalog.progressSnapshot { tx throws(CatalogError) in
            if let loaded {
                let tally = try tx.progressTally(asOf: now)
                byLibrary = try ProgressCalculator.progress(
                    goals: loaded.goals, in: tx, tally: tally, asOf: now, by: .library, goalsFile: loaded.file)
                byType = try ProgressCalculator.progress(
                    goals: loaded.goals, in: tx, tally: tally, asOf: now, by: .type, goalsFile: loaded.file)
                if let code = ownLibrary?.code {
                    let narrowed = loaded.goals.map { goal -> Goal in
                        var goal = goal
                        goal.scope.libraryCodes = [code]
                        return goal
                    }
                    ownGoals = try ProgressCalculator.progress(
                        goals: narrowed, in: tx, tally: tally, asOf: now, by: .type, goalsFile: loaded.file)
                }
            }
            return try tx.monthlyArchived(year: year)
        }
        let usage = try UsageReport.build(catalog: catalog, year: year, libraryCode: scope.libraryCode, targets: usageTargets)
        return DashboardData(
            byLibrary: byLibrary, byType: byType, ownLibrary: ownLibrary, ownLibraryGoals: ownGoals, goalsProblem: problem, year: year,
            months: months,
            batches: try catalog.batches(limit: 10, scope: scope), failures: try catalog.failures(limit: 20, scope: scope),
            audits: try catalog.audits(limit: 5), usage: usage, queue: services.workQueue.map(DashboardQueue.load))
    }
}

/// The goals and reader targets the dashboard and the report download use: `<archive>/goals.yaml`,
/// else the plan's defaults.
enum DashboardGoals {
    static func load(services: ServerServices) throws(GoalsFileError) -> GoalsFile.Contents {
        try GoalsFile.load(services.options.archive.appendingPathComponent(GoalsFile.fileName))
    }
}
