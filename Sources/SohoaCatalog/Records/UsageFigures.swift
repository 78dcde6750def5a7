import Foundation

/// What readers did over a span of time (a day, a month, a year), counted by `sohoa serve` with the
/// COUNTER rules: visits, item page views, page image views (once per page and visit), PDF downloads
/// and searches.
public struct UsageFigures: Codable, Sendable, Equatable, Hashable {
    /// Visits: one reader (a daily-salted hash of address and browser) until 30 minutes pass without a
    /// request, or the day ends.
    public var visits: Int
    /// Item pages (`/items/<id>`) shown.
    public var itemViews: Int
    /// Page images seen (the page's image or IIIF tiles of it), once per page and visit.
    public var pageViews: Int
    /// Item PDFs downloaded.
    public var downloads: Int
    /// Searches made (a new query; its further result pages are not counted again).
    public var searches: Int

    /// Figures; zero when not given.
    public init(visits: Int = 0, itemViews: Int = 0, pageViews: Int = 0, downloads: Int = 0, searches: Int = 0) {
        self.visits = visits
        self.itemViews = itemViews
        self.pageViews = pageViews
        self.downloads = downloads
        self.searches = searches
    }

    /// Nothing counted.
    public static let zero = UsageFigures()

    /// Whether nothing was counted.
    public var isZero: Bool { self == .zero }

    /// The sums of two spans' figures.
    public static func + (a: UsageFigures, b: UsageFigures) -> UsageFigures {
        UsageFigures(
            visits: a.visits + b.visits, itemViews: a.itemViews + b.itemViews, pageViews: a.pageViews + b.pageViews,
            downloads: a.downloads + b.downloads, searches: a.searches + b.searches)
    }

    /// Adds `other` to these figures.
    public static func += (a: inout UsageFigures, b: UsageFigures) {
        a = a + b
    }
}
