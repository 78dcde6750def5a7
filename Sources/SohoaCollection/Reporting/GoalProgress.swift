import Foundation
import SohoaCatalog

/// Where one goal stands: the figure, the percentage, the gap, the pace and what it leads to.
public struct GoalProgress: Codable, Sendable, Equatable {
    /// Units done per week over a window before the date.
    public struct Pace: Codable, Sendable, Equatable {
        public var days: Int
        /// Holdings (holdings-share goals) or items (items goals) per week.
        public var unitsPerWeek: Double
        public var pagesPerWeek: Double
    }

    /// How a goal stands against its deadline.
    public enum Status: String, Codable, Sendable {
        /// The target is met.
        case reached
        /// At the 90-day pace the target is met by the deadline.
        case onTrack = "on-track"
        /// At the 90-day pace the target is met after the deadline.
        case behind
        /// Nothing was done in the last 90 days: no date can be projected.
        case stalled
        /// The deadline has passed without the target met.
        case overdue
        /// A share of the register is asked for, but the register is empty: nothing can be measured
        /// until it is imported (`sohoa holdings import`).
        case noRegister = "no-register"
    }

    public var goal: Goal
    /// What the counting query found (before the baseline is added).
    public var figures: ProgressFigures
    /// Units done: `figures.done + goal.baseline`.
    public var done: Int
    /// Holdings in scope (holdings-share goals).
    public var total: Int?
    /// Units needed to meet the target: ⌈total × target %⌉, or the target count.
    public var targetCount: Int
    /// Holdings-share: done ÷ total, in % (one decimal). Items: done ÷ target, in %.
    public var percent: Double
    /// Done ÷ target count, in % (one decimal); 100 when reached.
    public var percentOfTarget: Double
    /// Units still missing: max(0, target count − done).
    public var gap: Int
    public var pace30: Pace
    public var pace90: Pace
    /// When the target is met at the 90-day pace (`yyyy-MM-dd`); `nil` when reached or stalled.
    public var projectedDate: String?
    /// Units per week needed from the date to the deadline; `nil` when reached or overdue.
    public var neededPerWeek: Double?
    public var status: Status
    /// The figure broken down (`--by`), when asked for.
    public var breakdown: [ProgressRow]?

    /// Rounds to one decimal, as every percentage is shown and exported.
    public static func oneDecimal(_ value: Double) -> Double { (value * 10).rounded() / 10 }
    /// Rounds to two decimals, as every pace is shown and exported.
    public static func twoDecimals(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
