import Foundation

/// What a goal's counting query found, as of a date (the same figures `sohoa progress` and
/// `sohoa report` show).
public struct ProgressFigures: Codable, Sendable, Equatable {
    /// Holdings in scope (the denominator); `nil` for a count of items.
    public var total: Int?
    /// Units done: holdings digitized and managed, or items archived with descriptive metadata.
    public var done: Int
    /// Pages of the items that made those units done.
    public var pages: Int
    /// Units done in the 30 days before the date, and their pages.
    public var doneLast30Days: Int
    public var pagesLast30Days: Int
    /// Units done in the 90 days before the date, and their pages.
    public var doneLast90Days: Int
    public var pagesLast90Days: Int

    /// Figures as a query found them.
    public init(
        total: Int?, done: Int, pages: Int, doneLast30Days: Int, pagesLast30Days: Int, doneLast90Days: Int, pagesLast90Days: Int
    ) {
        self.total = total
        self.done = done
        self.pages = pages
        self.doneLast30Days = doneLast30Days
        self.pagesLast30Days = pagesLast30Days
        self.doneLast90Days = doneLast90Days
        self.pagesLast90Days = pagesLast90Days
    }
}

/// One line of a breakdown: a library, a collection type or a year.
public struct ProgressRow: Codable, Sendable, Equatable {
    /// The library code, collection type (raw value, or `unlinked`) or year.
    public var key: String
    /// Holdings in scope under this key; `nil` for item counts and for years.
    public var total: Int?
    public var done: Int
    public var pages: Int
}

/// Items and pages first archived in one month.
public struct MonthlyCount: Codable, Sendable, Equatable {
    /// 1…12.
    public var month: Int
    public var items: Int
    public var pages: Int
}

/// OCR quality over pages of items archived up to a date.
public struct OCRQuality: Codable, Sendable, Equatable {
    /// Pages with a recognized text layer.
    public var recognizedPages: Int
    /// Mean word confidence (0–100) of those pages; `nil` when there are none.
    public var meanConfidence: Double?
    /// Pages whose text a person reviewed. The catalog has no review table yet, so this is 0.
    public var reviewedPages: Int
    /// Pages of items archived image-only (no OCR model for their script).
    public var imageOnlyPages: Int
}

/// Failures recorded in a period, per stage.
public struct FailureCount: Codable, Sendable, Equatable {
    public var stage: String
    public var count: Int
}
