/// What opening a submission came to (`Catalog.openSubmission(_:within:)`): the user's unfinished
/// submission of the same upload, a new one, or a refusal because the new one would pass a quota.
public enum SubmissionOpening: Equatable, Sendable {
    /// The submission: `created` when it is new, else the same upload sent before (it resumes).
    case opened(SubmissionRecord, created: Bool)
    /// A new submission would pass the user's quota; `held`: the bytes the user's unfinished
    /// submissions hold.
    case overUserQuota(held: Int64)
    /// A new submission would pass the quota of the whole inbox; `held`: everybody's unfinished bytes.
    case overTotalQuota(held: Int64)
}

/// The most bytes unfinished submissions may hold: one user's, and everybody's.
public struct SubmissionQuota: Equatable, Sendable {
    public var user: Int64
    public var total: Int64

    public init(user: Int64, total: Int64) {
        self.user = user
        self.total = total
    }
}
