/// Fixity audits recorded in a period, for the yearly report.
public struct FixityAuditSummary: Codable, Sendable, Equatable {
    /// Audit runs (`sohoa audit`), or objects checked when only per-object events were recorded.
    public var runs: Int
    /// Archived objects checked, summed over the runs.
    public var objectsChecked: Int
    /// Files checked, summed over the runs (0 when only events were recorded).
    public var filesChecked: Int
    /// Findings: missing, changed or unexpected files.
    public var problemsFound: Int
}
