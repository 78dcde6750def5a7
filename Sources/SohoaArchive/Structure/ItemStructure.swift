import Foundation

/// The structure of an archived item as readers see it: the printed label of each page and the table
/// of contents. Pages are counted by their position among the item's scans, from 1.
public struct ItemStructure: Sendable, Equatable, Codable {
    /// The printed label of each page (index 0 is page 1); `nil` where the page has none.
    public var labels: [String?]
    /// The table of contents, with every section's last page set.
    public var contents: ItemContents

    /// A structure.
    public init(labels: [String?] = [], contents: ItemContents = ItemContents()) {
        self.labels = labels.map { $0?.precomposedStringWithCanonicalMapping }
        self.contents = contents
    }

    /// `true` when no page has a label and there are no contents.
    public var isEmpty: Bool { labels.allSatisfy { $0 == nil } && contents.isEmpty }

    /// The label of page `position` (from 1), if it has one.
    public func label(ofPage position: Int) -> String? {
        guard position >= 1, position <= labels.count else { return nil }
        return labels[position - 1]
    }

    /// The structure `rules` and `contents` give an item of `pageCount` pages; throws, naming
    /// `source`, when a rule or section does not fit the item.
    public init(
        rules: PageLabelRules, contents: ItemContents, pageCount: Int, source: String
    ) throws(StructureError) {
        self.init(
            labels: rules.isEmpty ? [] : try rules.labels(pageCount: pageCount, source: source),
            contents: try contents.resolved(pageCount: pageCount, source: source))
    }

    /// The structure as JSON (stored in the catalog).
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// A structure from its JSON, or `nil` when it is not one.
    public init?(json: String) {
        guard let value = try? JSONDecoder().decode(ItemStructure.self, from: Data(json.utf8)) else { return nil }
        self = value
    }
}
