/// The pages a filtered search may return, as sorted ranges of page ids: the spans of the items
/// its filters allow. A range made only of dense spans holds only allowed pages; any other range
/// may hold other items' pages, whose item must be looked up.
struct PageScope: Sendable {
    /// Whether a page id is in scope.
    enum Membership: Equatable {
        /// Outside every range: not an allowed item's page.
        case outside
        /// In a range of allowed pages only.
        case inside
        /// In a range that may hold other items' pages: look the page's item up.
        case unsure
    }

    /// One range of page ids.
    struct Range: Sendable, Equatable {
        var first: Int64
        var last: Int64
        /// Whether every page in it belongs to an allowed item.
        var isPure: Bool
    }

    /// The allowed items.
    let items: Set<String>
    /// Sorted, not overlapping.
    let ranges: [Range]

    /// The scope of `items`, from each item's span (items without pages have none).
    init(items: Set<String>, spans: [String: PageSpans.Span]) {
        self.items = items
        let sorted = items.compactMap { spans[$0] }.sorted { $0.first < $1.first }
        var ranges: [Range] = []
        for span in sorted {
            let range = Range(first: span.first, last: span.last, isPure: span.isDense)
            guard let previous = ranges.last else {
                ranges.append(range)
                continue
            }
            if range.first <= previous.last {
                // Interleaved items: their pages, and maybe others', share ids.
                ranges[ranges.count - 1] = Range(
                    first: previous.first, last: max(previous.last, range.last), isPure: false)
            } else if range.first == previous.last + 1, range.isPure, previous.isPure {
                ranges[ranges.count - 1].last = range.last
            } else {
                ranges.append(range)
            }
        }
        self.ranges = ranges
    }

    /// Whether `page` may be an allowed item's page.
    func membership(_ page: Int64) -> Membership {
        // The last range starting at or before `page`.
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].first <= page { low = middle + 1 } else { high = middle }
        }
        guard low > 0, page <= ranges[low - 1].last else { return .outside }
        return ranges[low - 1].isPure ? .inside : .unsure
    }
}
