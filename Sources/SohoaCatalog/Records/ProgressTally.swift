/// The progress counts grouped finely enough that every goal's figure and every breakdown is a sum
/// over its groups: one pass over the holdings and one over the items, whatever the goals.
public struct ProgressTally: Sendable, Equatable {
    /// Counts over holdings sharing a library, special-value flag and collection type: either all of
    /// them (`year == nil`, only `total` set) or those digitized in one year (`total` 0).
    public struct HoldingGroup: Sendable, Equatable {
        public var libraryCode: String
        public var specialValue: Bool
        public var collectionType: String
        /// The year the holdings were digitized (`yyyy`); `nil` for the group of all holdings.
        public var year: String?
        public var counts: Counts
    }

    /// Counts over managed items sharing a library, linked collection type (`unlinked`) and year archived.
    public struct ItemGroup: Sendable, Equatable {
        public var libraryCode: String
        public var collectionType: String
        public var year: String
        public var counts: Counts
    }

    /// The additive counts of a group.
    public struct Counts: Sendable, Equatable {
        public var total = 0
        public var done = 0
        public var pages = 0
        public var done30 = 0
        public var pages30 = 0
        public var done90 = 0
        public var pages90 = 0

        static func + (a: Counts, b: Counts) -> Counts {
            Counts(
                total: a.total + b.total, done: a.done + b.done, pages: a.pages + b.pages, done30: a.done30 + b.done30,
                pages30: a.pages30 + b.pages30, done90: a.done90 + b.done90, pages90: a.pages90 + b.pages90)
        }
    }

    public var holdings: [HoldingGroup]
    public var items: [ItemGroup]

    func inScope(_ group: HoldingGroup, _ scope: ProgressScope) -> Bool {
        (scope.libraryCodes.isEmpty || scope.libraryCodes.contains(group.libraryCode)) && (!scope.specialValueOnly || group.specialValue)
            && (scope.collectionTypes.isEmpty || scope.collectionTypes.contains { $0.rawValue == group.collectionType })
    }

    func inScope(_ group: ItemGroup, _ scope: ProgressScope) -> Bool {
        scope.libraryCodes.isEmpty || scope.libraryCodes.contains(group.libraryCode)
    }

    static func figures(_ c: Counts, total: Bool) -> ProgressFigures {
        ProgressFigures(
            total: total ? c.total : nil, done: c.done, pages: c.pages, doneLast30Days: c.done30, pagesLast30Days: c.pages30,
            doneLast90Days: c.done90, pagesLast90Days: c.pages90)
    }

    /// Holdings in `scope` and how many are digitized and managed.
    public func holdingsFigures(scope: ProgressScope) -> ProgressFigures {
        Self.figures(holdings.filter { inScope($0, scope) }.map(\.counts).reduce(Counts(), +), total: true)
    }

    /// Managed items in `scope`'s libraries.
    public func itemsFigures(scope: ProgressScope) -> ProgressFigures {
        Self.figures(items.filter { inScope($0, scope) }.map(\.counts).reduce(Counts(), +), total: false)
    }

    /// The holdings figure of `scope` by library, collection type or year digitized (years: digitized only).
    public func holdingsRows(scope: ProgressScope, by breakdown: ProgressBreakdown) -> [ProgressRow] {
        var sums: [String: Counts] = [:]
        for group in holdings where inScope(group, scope) {
            let key: String?
            switch breakdown {
            case .library: key = group.libraryCode
            case .type: key = group.collectionType
            case .year: key = group.year
            }
            if let key { sums[key, default: Counts()] = sums[key, default: Counts()] + group.counts }
        }
        return sums.sorted { $0.key < $1.key }.map {
            ProgressRow(key: $0.key, total: breakdown == .year ? nil : $0.value.total, done: $0.value.done, pages: $0.value.pages)
        }
    }

    /// The items figure of `scope` by library, linked collection type (`unlinked`) or year archived.
    public func itemsRows(scope: ProgressScope, by breakdown: ProgressBreakdown) -> [ProgressRow] {
        var sums: [String: Counts] = [:]
        for group in items where inScope(group, scope) {
            let key: String
            switch breakdown {
            case .library: key = group.libraryCode
            case .type: key = group.collectionType
            case .year: key = group.year
            }
            sums[key, default: Counts()] = sums[key, default: Counts()] + group.counts
        }
        return sums.sorted { $0.key < $1.key }.map { ProgressRow(key: $0.key, total: nil, done: $0.value.done, pages: $0.value.pages) }
    }
}
