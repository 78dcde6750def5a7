import Foundation

/// An item's table of contents: a tree of sections, each with a title and a page range.
public struct ItemContents: Sendable, Equatable, Codable {
    /// Top-level sections, in page order.
    public var entries: [ContentsEntry]

    /// A table of contents.
    public init(_ entries: [ContentsEntry] = []) {
        self.entries = entries
    }

    /// `true` when there is no section.
    public var isEmpty: Bool { entries.isEmpty }

    /// Every section with its depth (0 for top level), in reading order.
    public var flattened: [(depth: Int, entry: ContentsEntry)] {
        var result: [(Int, ContentsEntry)] = []
        func walk(_ list: [ContentsEntry], _ depth: Int) {
            for entry in list {
                result.append((depth, entry))
                walk(entry.sections, depth + 1)
            }
        }
        walk(entries, 0)
        return result
    }

    /// The tree made from a flat list where each section has a level (1 for top level, 2 for its
    /// sub-sections…), as a CSV or the web form gives it. Throws when a level skips one (a 3 under a 1).
    public init(levels: [(level: Int, entry: ContentsEntry)], source: String) throws(StructureError) {
        var roots: [ContentsEntry] = []
        // The path of open sections: indices into each level's list.
        func append(_ entry: ContentsEntry, depth: Int, to list: inout [ContentsEntry]) {
            if depth == 0 {
                list.append(entry)
            } else if !list.isEmpty {
                append(entry, depth: depth - 1, to: &list[list.count - 1].sections)
            }
        }
        var previousLevel = 0
        for (index, (level, entry)) in levels.enumerated() {
            guard level >= 1, level <= previousLevel + 1 else {
                throw StructureError(
                    file: source,
                    message: "contents row \(index + 1) ('\(entry.title)'): level \(level) must be 1"
                        + (previousLevel > 0
                            ? " to \(previousLevel + 1) (one more than the section above at most)" : " for the first section"))
            }
            append(entry, depth: level - 1, to: &roots)
            previousLevel = level
        }
        self.init(roots)
    }

    /// The contents checked against an item of `pageCount` pages, with every section's last page set:
    /// a section runs to the page before its next sibling, else to its parent's last page, else to the
    /// item's last page.
    ///
    /// Throws (naming `source`) for an empty title, a page outside the item, a last page before the
    /// first, or a sub-section outside its section.
    public func resolved(pageCount: Int, source: String) throws(StructureError) -> ItemContents {
        ItemContents(try Self.resolve(entries, within: 1...max(1, pageCount), pageCount: pageCount, source: source))
    }

    private static func resolve(
        _ list: [ContentsEntry], within bounds: ClosedRange<Int>, pageCount: Int, source: String
    ) throws(StructureError) -> [ContentsEntry] {
        var result: [ContentsEntry] = []
        for (index, original) in list.enumerated() {
            var entry = original
            guard !entry.title.isEmpty else {
                throw StructureError(file: source, message: "contents: the section starting at page \(entry.firstPage) has no title")
            }
            guard entry.firstPage >= 1, entry.firstPage <= pageCount else {
                throw StructureError(
                    file: source,
                    message: "contents: '\(entry.title)' starts at page \(entry.firstPage) but the item has pages 1 to \(pageCount)")
            }
            guard bounds.contains(entry.firstPage) else {
                throw StructureError(
                    file: source,
                    message: "contents: '\(entry.title)' starts at page \(entry.firstPage), outside its section (pages "
                        + "\(bounds.lowerBound)–\(bounds.upperBound)) or before the section above it")
            }
            if index + 1 < list.count, list[index + 1].firstPage < entry.firstPage {
                throw StructureError(
                    file: source,
                    message: "contents: '\(list[index + 1].title)' (page \(list[index + 1].firstPage)) comes after '\(entry.title)' "
                        + "(page \(entry.firstPage)); list sections in page order")
            }
            let nextStart = index + 1 < list.count ? list[index + 1].firstPage - 1 : bounds.upperBound
            if let last = entry.lastPage {
                guard last >= entry.firstPage, last <= pageCount else {
                    throw StructureError(
                        file: source,
                        message: "contents: '\(entry.title)' ends at page \(last); it must be between \(entry.firstPage) and \(pageCount)")
                }
            } else {
                entry.lastPage = max(entry.firstPage, min(nextStart, bounds.upperBound))
            }
            let last = entry.lastPage ?? entry.firstPage
            entry.sections = try resolve(entry.sections, within: entry.firstPage...last, pageCount: pageCount, source: source)
            result.append(entry)
        }
        return result
    }

    private static let keyAliases: [String: String] = [
        "title": "title", "tiêu đề": "title", "nhan đề": "title", "tieu-de": "title",
        "page": "page", "trang": "page", "from": "page",
        "to": "to", "đến": "to", "den": "to", "last": "to",
        "type": "type", "loại": "type", "loai": "type",
        "sections": "sections", "mục": "sections", "muc": "sections",
    ]

    /// Contents as written under `contents:` in `item.yaml`: a list of sections, each
    /// `{title: "Chương I", page: 7, to: 30, type: chapter, sections: [...]}` (`to`, `type`, `sections` optional).
    public init(yaml value: Any, source: String) throws(StructureError) {
        self.init(try Self.entries(value, path: "contents", source: source))
    }

    private static func entries(_ value: Any, path: String, source: String) throws(StructureError) -> [ContentsEntry] {
        guard let list = value as? [Any] else {
            throw StructureError(
                file: source, message: "\(path) must be a list of sections such as [{title: \"Lời nói đầu\", page: 3}]")
        }
        var result: [ContentsEntry] = []
        for (index, element) in list.enumerated() {
            let place = "\(path) \(index + 1)"
            guard let raw = StructureYAML.mapping(element) else {
                throw StructureError(file: source, message: "\(place) must be a mapping such as {title: \"Chương I\", page: 7}")
            }
            var map: [String: Any] = [:]
            for (key, element) in raw {
                guard let field = keyAliases[key.lowercased().precomposedStringWithCanonicalMapping] else {
                    throw StructureError(
                        file: source, message: "\(place): unknown key '\(key)'; allowed: title, page, to, type, sections")
                }
                map[field] = element
            }
            guard let title = map["title"].map(StructureYAML.text), !title.isEmpty else {
                throw StructureError(file: source, message: "\(place) needs a 'title'")
            }
            guard let page = map["page"].flatMap(StructureYAML.integer) else {
                throw StructureError(file: source, message: "\(place) ('\(title)') needs 'page:', the scan it starts on (1 is the first)")
            }
            var last: Int?
            if let value = map["to"] {
                guard let number = StructureYAML.integer(value) else {
                    throw StructureError(file: source, message: "\(place) ('\(title)'): 'to' must be a page number")
                }
                last = number
            }
            let type = map["type"].map(StructureYAML.text).map { $0.isEmpty ? "chapter" : $0 } ?? "chapter"
            let sections = try map["sections"].map { (value: Any) throws(StructureError) in
                try entries(value, path: "\(place) sections", source: source)
            }
            result.append(ContentsEntry(title: title, type: type, firstPage: page, lastPage: last, sections: sections ?? []))
        }
        return result
    }
}
