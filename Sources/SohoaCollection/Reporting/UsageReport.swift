import Foundation
import SohoaCatalog

/// A year's usage (what `sohoa serve` counted) next to the plan's reader targets: `sohoa stats`, the
/// dashboard and the yearly report all show this.
public struct UsageReport: Codable, Sendable, Equatable {
    /// One library's figures over the year.
    public struct LibraryRow: Codable, Sendable, Equatable {
        public var libraryCode: String
        public var figures: UsageFigures
    }

    public var year: Int
    /// The one library reported on, or `nil` for the whole collection.
    public var libraryCode: String?
    /// The year's figures: the whole collection's, or the library's.
    public var total: UsageFigures
    /// Each month's figures (twelve).
    public var months: [UsageMonth]
    /// Each library's figures (the one library only, when reporting on one).
    public var libraries: [LibraryRow]
    /// Visits summed over the libraries (a visit that saw two libraries' items counts for both).
    public var libraryVisits: Int
    /// The most-used items.
    public var topItems: [UsageItemFigures]
    public var targets: UsageTargets

    /// `total.visits` as a share (%) of the digital collection's target, one decimal.
    public var collectionVisitsPercent: Double {
        GoalProgress.oneDecimal(Double(total.visits) / Double(max(1, targets.collectionVisits)) * 100)
    }

    /// `libraryVisits` as a share (%) of the libraries' target, one decimal.
    public var libraryVisitsPercent: Double {
        GoalProgress.oneDecimal(Double(libraryVisits) / Double(max(1, targets.libraryVisits)) * 100)
    }

    /// Reads `year`'s figures from the catalog, for the whole collection or one library; a library the
    /// catalog does not know is a `notFound` error.
    public static func build(
        catalog: Catalog, year: Int, libraryCode: String? = nil, targets: UsageTargets = .plan, topItems: Int = 10
    ) throws(CatalogError) -> UsageReport {
        if let libraryCode, try catalog.library(code: libraryCode) == nil {
            throw CatalogError(
                kind: .notFound, file: catalog.file, message: "no library '\(libraryCode)' in this archive (sohoa libraries list)")
        }
        let months = try catalog.usageMonths(year: year, libraryCode: libraryCode)
        let byLibrary = try catalog.usageByLibrary(year: year)
        let libraries = byLibrary.keys.sorted().filter { libraryCode == nil || $0 == libraryCode }.map {
            LibraryRow(libraryCode: $0, figures: byLibrary[$0] ?? .zero)
        }
        return UsageReport(
            year: year, libraryCode: libraryCode, total: months.map(\.figures).reduce(.zero, +), months: months,
            libraries: libraries, libraryVisits: libraries.map(\.figures.visits).reduce(0, +),
            topItems: try catalog.usageTopItems(year: year, libraryCode: libraryCode, limit: topItems), targets: targets)
    }
}
