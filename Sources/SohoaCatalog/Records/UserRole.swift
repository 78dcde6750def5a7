/// What a user of `sohoa serve` may do (table `users`, column `role`).
public enum UserRole: String, Codable, Sendable, CaseIterable {
    /// Scanning staff: sees restricted items and the pages sent back for rescanning.
    case scanner
    /// Reviews and corrects OCR.
    case archivist
    /// Sees the progress dashboard and downloads the yearly report.
    case manager
    /// Everything, including accounts.
    case admin

    /// Whether a user with this role may review and correct OCR.
    public var canReview: Bool { self == .archivist || self == .admin }
    /// Whether a user with this role may see the dashboard.
    public var canSeeDashboard: Bool { self == .manager || self == .admin }
}
