import SohoaCatalog
import SohoaCollection

/// Compares each planned item's page count with its holding's `estimated-pages` in the register
/// (`quality.page-count: warn`): a count more than 10% (and at least one page) away from the
/// estimate suggests missing or extra pages.
enum PageCountCheck {
    /// Share of the estimate a count may differ by without a warning.
    static let tolerance = 0.10

    /// One warning per item of `plan` whose page count is off its holding's estimate.
    static func warnings(_ plan: BatchPlan, holding: (String) -> HoldingRecord?) -> [String] {
        plan.items.compactMap { item in
            guard let id = item.metadata.holdingID, let estimate = holding(id)?.estimatedPages, estimate > 0 else { return nil }
            let count = item.pages.count
            let allowed = max(1, Int((Double(estimate) * tolerance).rounded(.down)))
            guard abs(count - estimate) > allowed else { return nil }
            return Messages.pageCount(item: item.id, count: count, holding: id, estimate: estimate)
        }
    }
}
