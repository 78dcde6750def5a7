import SohoaCatalog

/// `/search` as JSON (`Accept: application/json`).
struct SearchResponse: Encodable {
    struct Filters: Encodable {
        var library: String?
        var type: String?
        var year: Int?
        var lang: String?
    }

    struct Hit: Encodable {
        var itemID: String
        var title: String?
        var library: String
        var date: String?
        var language: String?
        var type: String?
        var access: String
        var pageID: Int64
        var pageName: String
        var sequence: Int
        /// The original text around the first match, on one line.
        var snippet: String
        /// Matched words in `snippet` as UTF-16 offsets `[start, end)`.
        var highlights: [[Int]]
        var url: String
        var imageURL: String
        var textURL: String
    }

    var query: String
    var filters: Filters
    /// Matching pages; when `totalIsExact` is false, more match than this (only this many are ranked).
    var total: Int
    var totalIsExact: Bool
    var page: Int
    var pageSize: Int
    var hits: [Hit]

    init(_ request: SearchRequest, page: SearchPage) {
        query = request.query
        filters = Filters(library: request.library, type: request.type, year: request.year, lang: request.language)
        total = page.total
        totalIsExact = page.totalIsExact
        self.page = request.page
        pageSize = SearchRequest.pageSize
        hits = page.results.map { result in
            let hit = result.hit
            return Hit(
                itemID: hit.itemID, title: hit.itemTitle, library: result.libraryCode, date: result.date, language: result.language,
                type: result.collectionType, access: result.access.rawValue, pageID: hit.pageID, pageName: hit.pageName,
                sequence: hit.sequence, snippet: hit.snippet, highlights: SnippetHTML.utf16Ranges(hit),
                url: URLPath.item(hit.itemID) + "#page-\(URLPath.component(hit.pageName))",
                imageURL: URLPath.pageImage(itemID: hit.itemID, pageName: hit.pageName),
                textURL: URLPath.pageText(itemID: hit.itemID, pageName: hit.pageName))
        }
    }
}
