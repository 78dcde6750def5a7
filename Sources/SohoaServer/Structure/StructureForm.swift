import Foundation
import SohoaArchive

/// What the structure page shows and sends back: each page's printed label, and the sections that
/// start on it (level 1 for a chapter, 2 for its sub-section…).
struct StructureForm: Equatable {
    /// A section starting on a page.
    struct Section: Equatable {
        var level: Int
        var title: String
        var type: String
        /// The last page when the archivist gave one.
        var to: Int?
    }

    /// The label of each page (index 0 is page 1); empty for none.
    var labels: [String]
    /// The sections starting on each page (index 0 is page 1), in order.
    var sections: [[Section]]

    /// Section rows offered per page beyond those already there.
    static let spareRows = 1
    static let types = ["chapter", "article", "section", "appendix", "preface", "part", "index", "issue-section"]

    /// The form of `structure` for an item of `pageCount` pages.
    init(_ structure: ItemStructure, pageCount: Int) {
        labels = (1...max(1, pageCount)).prefix(pageCount).map { structure.label(ofPage: $0) ?? "" }
        sections = Array(repeating: [], count: pageCount)
        for (depth, entry) in structure.contents.flattened where entry.firstPage >= 1 && entry.firstPage <= pageCount {
            // A last page that only follows from the next section is not shown as typed.
            sections[entry.firstPage - 1].append(Section(level: depth + 1, title: entry.title, type: entry.type, to: nil))
        }
    }

    /// The form as posted (`label.<page>`, `s.<page>.<row>.title|level|type|to`).
    init(fields: (String) -> String?, pageCount: Int) {
        labels = (0..<pageCount).map { fields("label.\($0 + 1)")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        sections = (0..<pageCount).map { index in
            var rows: [Section] = []
            var row = 0
            while let title = fields("s.\(index + 1).\(row).title") {
                let level = fields("s.\(index + 1).\(row).level").flatMap { Int($0) } ?? 1
                let type = fields("s.\(index + 1).\(row).type").map { $0.isEmpty ? "chapter" : $0 } ?? "chapter"
                let to = fields("s.\(index + 1).\(row).to").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
                let text = title.trimmingCharacters(in: .whitespacesAndNewlines)
                if !text.isEmpty { rows.append(Section(level: min(max(level, 1), 6), title: text, type: type, to: to)) }
                row += 1
            }
            return rows
        }
    }

    /// The structure the form describes; throws when the sections do not make a tree that fits the item.
    func structure() throws(StructureError) -> ItemStructure {
        var rows: [(level: Int, entry: ContentsEntry)] = []
        for (index, list) in sections.enumerated() {
            for section in list {
                rows.append(
                    (section.level, ContentsEntry(title: section.title, type: section.type, firstPage: index + 1, lastPage: section.to)))
            }
        }
        let contents = try ItemContents(levels: rows, source: "mục lục / contents")
        return ItemStructure(labels: labels.map { $0.isEmpty ? nil : $0 }, contents: contents)
    }

    /// Labels set by `rules` (the short form `1: Bìa, 2: i, 6: 1`) over the current ones; throws for a
    /// rule that does not fit.
    mutating func apply(rules text: String) throws(StructureError) {
        var rules: [PageLabelRule] = []
        for part in text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" }) {
            let pieces = part.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count == 2, let from = Int(pieces[0]), !pieces[1].isEmpty else {
                throw StructureError(
                    file: "quy tắc đánh số / rules",
                    message:
                        "'\(part.trimmingCharacters(in: .whitespaces))' must be a scan number, a colon and the label printed on it, e.g. 6: 1"
                )
            }
            rules.append(PageLabelRule(from: from, firstLabel: pieces[1]))
        }
        let computed = try PageLabelRules(rules).labels(pageCount: labels.count, source: "quy tắc đánh số / rules")
        for (index, label) in computed.enumerated() where label != nil { labels[index] = label ?? "" }
    }
}
