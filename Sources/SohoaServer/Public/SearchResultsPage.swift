import SohoaArchive
import SohoaCatalog

/// `/search` as HTML: the form, how many pages matched, the results with highlighted snippets, paging.
enum SearchResultsPage {
    /// An item's page labels, if it has any, and its archived pages' positions, which they count by.
    struct ItemLabels: Sendable {
        var structure: ItemStructure?
        var positions: [String: Int]

        /// The hit's page's label and its position in the item; a page not (or no longer) archived
        /// has neither (it is then named by its scan, "ảnh 3", never by another page's label).
        func page(_ hit: SearchHit) -> (label: String?, position: Int)? {
            guard let position = positions[hit.pageName] else { return nil }
            return (structure?.label(ofPage: position), position)
        }
    }

    static func html(
        _ request: SearchRequest, page: SearchPage, overview: CollectionOverview, context: AppRequestContext,
        labels: [String: ItemLabels] = [:]
    ) -> HTML {
        let language = context.language
        let form = SearchForm.html(request, overview: overview, language: language)
        guard !request.query.isEmpty else {
            return "\(form)<p class=\"muted\">\(language.pick("Nhập từ cần tìm.", "Type the words to look for."))</p>"
        }
        guard page.total > 0 else {
            return """
                \(form)<p class="none">\(language.pick("Không tìm thấy trang nào có “\(request.query)”.", "No page contains “\(request.query)”."))</p>
                """
        }
        let first = page.offset + 1
        let last = page.offset + page.results.count
        let total = page.totalIsExact ? String(page.total) : language.pick("Hơn \(page.total)", "Over \(page.total)")
        let count = language.pick(
            "\(total) trang phù hợp; hiện \(first)–\(last).", "\(total) matching pages; showing \(first)–\(last).")
        let items = page.results.map { result($0, language: language, page: labels[$0.hit.itemID]?.page($0.hit) ?? nil) }
        return """
            \(form)
            <p class="count">\(count)</p>
            <ol class="hits" start="\(first)">\(items)</ol>
            \(pager(request, page: page, language: language))
            """
    }

    private static func result(_ result: SearchResult, language: UILanguage, page: (label: String?, position: Int)?) -> HTML {
        let hit = result.hit
        let title = hit.itemTitle ?? hit.itemID
        var facts = [result.libraryCode]
        if let date = result.date { facts.append(date) }
        if let type = result.collectionType { facts.append(CollectionNames.type(type, language)) }
        let restricted: HTML =
            result.access == .restricted ? " <span class=\"badge\">\(language.pick("Hạn chế", "Restricted"))</span>" : .empty
        let pageLink = URLPath.item(hit.itemID) + "#page-\(URLPath.component(hit.pageName))"
        return """
            <li class="hit"><a class="thumb" href="\(pageLink)"><img src="\(URLPath.pageImage(itemID: hit.itemID, pageName: hit.pageName))" \
            alt="" loading="lazy" width="60"></a><div>\
            <a class="title" href="\(URLPath.item(hit.itemID))">\(title)</a>\(restricted) \
            <span class="muted">· <a href="\(pageLink)">\(page.map { PageLabelText.name(label: $0.label, position: $0.position, language, capitalized: false) } ?? "\(language.pick("ảnh", "scan")) \(hit.sequence)")</a> · \(facts.joined(separator: " · "))</span>\
            <p class="snippet">\(SnippetHTML.html(hit))</p></div></li>
            """
    }

    private static func pager(_ request: SearchRequest, page: SearchPage, language: UILanguage) -> HTML {
        let reachable = min(page.total, CatalogTransaction.maximumSearchOffset + SearchRequest.pageSize)
        let pages = max(1, (reachable + SearchRequest.pageSize - 1) / SearchRequest.pageSize)
        guard pages > 1 else { return .empty }
        let current = min(request.page, pages)
        var links: [HTML] = []
        if current > 1 {
            links.append("<a rel=\"prev\" href=\"\(request.url(page: current - 1))\">‹ \(language.pick("Trước", "Previous"))</a>")
        }
        let window = Set([1, pages] + Array(max(1, current - 3)...min(pages, current + 3)))
        var previous = 0
        for number in window.sorted() {
            if number > previous + 1 { links.append("<span>…</span>") }
            links.append(
                number == current
                    ? "<span aria-current=\"page\">\(number)</span>" : "<a href=\"\(request.url(page: number))\">\(number)</a>")
            previous = number
        }
        if current < pages {
            links.append("<a rel=\"next\" href=\"\(request.url(page: current + 1))\">\(language.pick("Sau", "Next")) ›</a>")
        }
        return "<nav class=\"pager\" aria-label=\"\(language.pick("Trang kết quả", "Result pages"))\">\(links)</nav>"
    }
}
