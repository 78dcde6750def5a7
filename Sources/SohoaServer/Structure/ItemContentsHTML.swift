import SohoaArchive
import SohoaCatalog

/// An item's table of contents on its page: a nested list whose entries jump to their first page.
enum ItemContentsHTML {
    /// The list, or nothing when the item has no contents. `pages` are the archived pages in their
    /// order: a section's first page is a position among them (a spread's halves share a sequence).
    static func list(_ contents: ItemContents, pages: [PageRecord], language: UILanguage) -> HTML {
        guard !contents.isEmpty else { return .empty }
        let names = Dictionary(uniqueKeysWithValues: pages.enumerated().map { ($0 + 1, $1.name) })
        func entries(_ list: [ContentsEntry]) -> HTML {
            let items = list.map { entry -> HTML in
                let target: HTML =
                    names[entry.firstPage].map { "<a href=\"#page-\(URLPath.component($0))\">\(entry.title)</a>" } ?? "\(entry.title)"
                let children = entry.sections.isEmpty ? HTML.empty : entries(entry.sections)
                return "<li>\(target)\(children)</li>"
            }
            return "<ol>\(items)</ol>"
        }
        return """
            <nav class="item-contents" aria-labelledby="item-contents-title"><h2 id="item-contents-title">\(language.pick("Mục lục", "Contents"))</h2>\
            \(entries(contents.entries))</nav>
            """
    }
}
