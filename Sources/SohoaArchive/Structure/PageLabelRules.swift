import Foundation
import SohoaText

/// An item's pagination: rules that give each page its printed label ("Bìa", "iii", "5", "12a").
/// A page no rule covers has no label (viewers show its position).
public struct PageLabelRules: Sendable, Equatable, Codable {
    /// The rules, by their first page.
    public var rules: [PageLabelRule]

    /// Rules, put in order of their first page.
    public init(_ rules: [PageLabelRule] = []) {
        self.rules = rules.sorted { $0.from < $1.from }
    }

    /// `true` when there is no rule.
    public var isEmpty: Bool { rules.isEmpty }

    /// The label of each of `pageCount` pages (index 0 is page 1), `nil` where no rule applies.
    ///
    /// Throws when a rule starts past the last page, ends before it starts or past the last page,
    /// or two rules start on the same page; the message names `source`.
    public func labels(pageCount: Int, source: String) throws(StructureError) -> [String?] {
        var seen = Set<Int>()
        for rule in rules {
            guard rule.from >= 1 else {
                throw StructureError(file: source, message: "pagination: 'from: \(rule.from)' must be 1 or more (1 is the first scan)")
            }
            guard rule.from <= pageCount else {
                throw StructureError(
                    file: source,
                    message:
                        "pagination: a rule starts at page \(rule.from) but the item has only \(pageCount) pages; fix 'from' in pagination"
                )
            }
            if let to = rule.to, to < rule.from || to > pageCount {
                throw StructureError(
                    file: source,
                    message: "pagination: 'to: \(to)' of the rule from page \(rule.from) must be between \(rule.from) and \(pageCount)")
            }
            guard seen.insert(rule.from).inserted else {
                throw StructureError(file: source, message: "pagination: two rules start at page \(rule.from); keep one")
            }
        }
        var labels = [String?](repeating: nil, count: max(0, pageCount))
        for page in 1...max(1, pageCount) where page <= pageCount {
            guard let rule = rules.last(where: { $0.from <= page }) else { continue }
            if let to = rule.to, page > to { continue }
            labels[page - 1] = rule.label(at: page)
        }
        return labels
    }

    /// Rules as written under `pagination:` in `item.yaml`: either a list of rules
    /// (`[{from: 1, label: "Bìa"}, {from: 2, style: roman, start: 1}, {from: 6, style: arabic, start: 1}]`)
    /// or a mapping from a page to its printed label (`{1: "Bìa", 2: "i", 6: "1"}`).
    public init(yaml value: Any, source: String) throws(StructureError) {
        if let list = value as? [Any] {
            var rules: [PageLabelRule] = []
            for (index, element) in list.enumerated() {
                rules.append(try Self.rule(element, number: index + 1, source: source))
            }
            self.init(rules)
        } else if let map = StructureYAML.mapping(value) {
            var rules: [PageLabelRule] = []
            for (key, label) in map {
                guard let from = Int(key.trimmingCharacters(in: .whitespaces)) else {
                    throw StructureError(
                        file: source, message: "pagination: '\(key)' is not a page number; write e.g. {1: \"Bìa\", 2: \"i\", 6: \"1\"}")
                }
                rules.append(PageLabelRule(from: from, firstLabel: StructureYAML.text(label)))
            }
            self.init(rules)
        } else {
            throw StructureError(
                file: source,
                message: "pagination must be a list of rules such as [{from: 1, label: \"Bìa\"}, {from: 2, style: roman}] "
                    + "or a mapping such as {1: \"Bìa\", 2: \"i\", 6: \"1\"}")
        }
    }

    private static let ruleKeys: Set<String> = ["from", "to", "style", "start", "label", "prefix", "first"]

    private static func rule(_ element: Any, number: Int, source: String) throws(StructureError) -> PageLabelRule {
        guard let map = StructureYAML.mapping(element) else {
            throw StructureError(file: source, message: "pagination rule \(number) must be a mapping such as {from: 2, style: roman}")
        }
        if let unknown = map.keys.first(where: { !ruleKeys.contains($0) }) {
            throw StructureError(
                file: source,
                message: "pagination rule \(number): unknown key '\(unknown)'; allowed: from, to, style, start, label, prefix, first")
        }
        guard let from = map["from"].flatMap(StructureYAML.integer) else {
            throw StructureError(file: source, message: "pagination rule \(number) needs 'from:' (the scan it starts on, 1 is the first)")
        }
        var to: Int?
        if let value = map["to"] {
            guard let number = StructureYAML.integer(value) else {
                throw StructureError(file: source, message: "pagination rule \(number): 'to' must be a page number")
            }
            to = number
        }
        if let first = map["first"] { return PageLabelRule(from: from, to: to, firstLabel: StructureYAML.text(first)) }
        if let label = map["label"], map["style"] == nil {
            return PageLabelRule(from: from, to: to, style: .fixed, label: StructureYAML.text(label))
        }
        let written = map["style"].map(StructureYAML.text) ?? "arabic"
        guard let style = PageLabelStyle(written: written) else {
            throw StructureError(
                file: source, message: "pagination rule \(number): style '\(written)' must be arabic, roman, ROMAN or leaves")
        }
        var start = 1
        var sideB = false
        if let value = map["start"] {
            let text = StructureYAML.text(value)
            if style == .leaves, let side = text.last, side == "a" || side == "b", let leaf = Int(text.dropLast()) {
                start = leaf
                sideB = side == "b"
            } else if let number = Int(text) ?? RomanNumeral.value(text) {
                start = number
            } else {
                throw StructureError(file: source, message: "pagination rule \(number): start '\(text)' must be a number")
            }
        }
        return PageLabelRule(
            from: from, to: to, style: style, start: start, startsOnSideB: sideB,
            prefix: map["prefix"].map { "\($0)" } ?? "")
    }
}
