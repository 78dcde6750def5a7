import Foundation

/// A section of an item's table of contents (a chapter, an article, an appendix, a section of a
/// newspaper issue): its title, its first page and optionally its last, and its sub-sections.
public struct ContentsEntry: Sendable, Equatable, Codable {
    public var title: String
    /// What kind of section it is (`chapter`, `article`, `appendix`, `section`…), the METS division type.
    public var type: String
    /// The first page (position among the item's scans, from 1).
    public var firstPage: Int
    /// The last page; `nil` until resolved: up to the next section's first page.
    public var lastPage: Int?
    public var sections: [ContentsEntry]

    /// A section; the title is stored in NFC.
    public init(title: String, type: String = "chapter", firstPage: Int, lastPage: Int? = nil, sections: [ContentsEntry] = []) {
        self.title = title.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        self.type = type
        self.firstPage = firstPage
        self.lastPage = lastPage
        self.sections = sections
    }

    /// The section's pages once resolved (`firstPage` alone when `lastPage` is not set).
    public var pages: ClosedRange<Int> { firstPage...max(firstPage, lastPage ?? firstPage) }

    /// Section kinds this project names; others are accepted as written.
    public static let knownTypes = ["chapter", "article", "appendix", "section", "part", "preface", "index", "issue-section"]
}
