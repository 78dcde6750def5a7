import Foundation
import SohoaText

/// One rule of an item's pagination: from page `from` (its position among the scans, from 1) up to
/// `to` or the next rule, pages are labelled in `style` starting at `start`.
public struct PageLabelRule: Sendable, Equatable, Codable {
    /// The first page the rule labels (position among the item's scans, from 1).
    public var from: Int
    /// The last page the rule labels; `nil`: up to the page before the next rule, or the last page.
    public var to: Int?
    public var style: PageLabelStyle
    /// The number of the first page (arabic, roman, the leaf for `leaves`).
    public var start: Int
    /// For `leaves`: `true` when the first page is side b of its leaf.
    public var startsOnSideB: Bool
    /// The text of every page of a `fixed` rule ("Bìa").
    public var label: String
    /// Text put before the number ("Phụ lục " gives "Phụ lục 1").
    public var prefix: String

    /// A rule; `label` is used by `fixed` rules only.
    public init(
        from: Int, to: Int? = nil, style: PageLabelStyle, start: Int = 1, startsOnSideB: Bool = false, label: String = "",
        prefix: String = ""
    ) {
        self.from = from
        self.to = to
        self.style = style
        self.start = start
        self.startsOnSideB = startsOnSideB
        self.label = label.precomposedStringWithCanonicalMapping
        self.prefix = prefix.precomposedStringWithCanonicalMapping
    }

    /// A rule given by the label of its first page: `5` (arabic from 5), `iii` or `III` (roman),
    /// `12a` or `12b` (leaves), anything else (`Bìa`) the same text on every page.
    public init(from: Int, to: Int? = nil, firstLabel: String) {
        let text = firstLabel.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping
        if let number = Int(text), number >= 0, String(number) == text {
            self.init(from: from, to: to, style: .arabic, start: number)
        } else if let number = RomanNumeral.value(text) {
            self.init(from: from, to: to, style: text == text.lowercased() ? .roman : .romanUpper, start: number)
        } else if let side = text.last, side == "a" || side == "b", let leaf = Int(text.dropLast()), leaf >= 0,
            String(leaf) + String(side) == text
        {
            self.init(from: from, to: to, style: .leaves, start: leaf, startsOnSideB: side == "b")
        } else {
            self.init(from: from, to: to, style: .fixed, label: text)
        }
    }

    /// The label of page `page` (a position this rule covers).
    public func label(at page: Int) -> String {
        let offset = max(0, page - from)
        switch style {
        case .arabic: return prefix + String(start + offset)
        case .roman: return prefix + (RomanNumeral.text(start + offset) ?? String(start + offset))
        case .romanUpper: return prefix + (RomanNumeral.text(start + offset)?.uppercased() ?? String(start + offset))
        case .leaves:
            let side = offset + (startsOnSideB ? 1 : 0)
            return prefix + String(start + side / 2) + (side % 2 == 0 ? "a" : "b")
        case .fixed: return label
        }
    }
}
