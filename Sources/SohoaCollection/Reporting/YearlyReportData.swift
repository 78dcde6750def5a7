import Foundation
import SohoaCatalog

/// Everything the yearly report shows, as data: the report's HTML and CSV files are both made from it.
public struct YearlyReportData: Codable, Sendable, Equatable {
    /// One library's or one collection type's line.
    public struct Row: Codable, Sendable, Equatable {
        /// The library code, or the collection type (`unlinked` for items with no holding).
        public var key: String
        /// Holdings in the register under this key (all, not only special-value ones).
        public var holdings: Int
        /// Of which digitized and managed.
        public var digitized: Int
        /// digitized ÷ holdings, in % (one decimal); 0 when there are no holdings.
        public var percent: Double
        /// Items archived with descriptive metadata, and their pages.
        public var items: Int
        public var pages: Int
    }

    public var year: Int
    /// The figures are as of this moment: the end of the year, or now for the current year.
    public var asOf: Date
    /// When the report was made.
    public var generatedAt: Date
    public var progress: ProgressReport
    /// Items and pages first archived in each month of the year.
    public var months: [MonthlyCount]
    public var libraries: [Row]
    public var types: [Row]
    /// Fixity audits in the year; `nil` when none was recorded.
    public var audits: FixityAuditSummary?
    /// Failures recorded in the year, per stage.
    public var failures: [FailureCount]
    /// What readers did in the year (`sohoa serve`'s counts) next to the plan's reader targets.
    public var usage: UsageReport?
}
