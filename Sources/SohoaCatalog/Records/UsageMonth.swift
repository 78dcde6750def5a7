import Foundation

/// One month's usage (1…12).
public struct UsageMonth: Codable, Sendable, Equatable {
    public var month: Int
    public var figures: UsageFigures

    public init(month: Int, figures: UsageFigures) {
        self.month = month
        self.figures = figures
    }
}
