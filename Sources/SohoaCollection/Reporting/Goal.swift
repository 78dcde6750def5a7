import Foundation
import SohoaCatalog

/// A target a manager sets in the goals file: what is counted, how much, by when, from what baseline.
public struct Goal: Codable, Sendable, Equatable {
    /// What a goal counts.
    public enum Measure: String, Codable, Sendable {
        /// The share (%) of the register's holdings in scope that are digitized and managed.
        case holdingsShare = "holdings-share"
        /// The number of digital documents: items archived with descriptive metadata.
        case items
    }

    /// A short stable id, e.g. `quy-hiem-dia-chi-70`.
    public var id: String
    /// The goal in the plan's words.
    public var name: String
    public var measure: Measure
    /// A percentage for `holdingsShare`, a count for `items`.
    public var target: Double
    /// `yyyy-MM-dd`.
    public var deadline: String
    public var scope: ProgressScope
    /// Units done before sohoa counted them (e.g. digitized with other software), added to the figure.
    public var baseline: Int
    /// The date the baseline was counted, `yyyy-MM-dd`, when given.
    public var baselineDate: String?

    public init(
        id: String, name: String, measure: Measure, target: Double, deadline: String, scope: ProgressScope, baseline: Int = 0,
        baselineDate: String? = nil
    ) {
        self.id = id
        self.name = name
        self.measure = measure
        self.target = target
        self.deadline = deadline
        self.scope = scope
        self.baseline = baseline
        self.baselineDate = baselineDate
    }

    /// The deadline as the end of that day (UTC).
    public var deadlineDate: Date? { GoalsFile.day(deadline).map { $0.addingTimeInterval(86_399) } }
}
