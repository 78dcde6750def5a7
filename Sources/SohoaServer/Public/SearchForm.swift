import SohoaCatalog

/// The search box with its filters; the choices come from what the reader may see.
enum SearchForm {
    static func html(_ request: SearchRequest, overview: CollectionOverview, language: UILanguage) -> HTML {
        func option(_ value: String, _ label: String, selected: Bool) -> HTML {
            "<option value=\"\(value)\"\(selected ? HTML(trusted: " selected") : HTML.empty)>\(label)</option>"
        }
        let any = language.pick("Tất cả", "All")
        let libraries =
            [option("", any, selected: request.library == nil)]
            + overview.libraries.filter { !$0.key.isEmpty }.map { option($0.key, $0.key, selected: $0.key == request.library) }
        let types =
            [option("", any, selected: request.type == nil)]
            + overview.types.filter { !$0.key.isEmpty }.map {
                option($0.key, CollectionNames.type($0.key, language), selected: $0.key == request.type)
            }
        let languageCodes = Set(overview.languages.flatMap { $0.key.split(separator: "+").map { $0.lowercased() } })
            .filter { $0.count >= 3 && $0 != "none" }.sorted()
        let languages =
            [option("", any, selected: request.language == nil)]
            + languageCodes.map { option($0, CollectionNames.language($0, language), selected: $0 == request.language) }
        let year = request.year.map { String($0) } ?? ""
        return """
            <form class="search" method="get" action="/search" role="search">
            <p class="search-box"><label for="q" class="visually-hidden">\(language.pick("Từ cần tìm", "Search words"))</label>\
            <input type="search" id="q" name="q" value="\(request.query)" placeholder="\(language.pick("Ví dụ: thư viện, \"đại học\"", "e.g. thư viện, \"đại học\""))">\
             <button type="submit">\(language.pick("Tìm", "Search"))</button></p>
            <p class="filters">\
            <label>\(language.pick("Thư viện", "Library")) <select name="library">\(libraries)</select></label> \
            <label>\(language.pick("Loại tài liệu", "Collection")) <select name="type">\(types)</select></label> \
            <label>\(language.pick("Năm", "Year")) <input type="number" name="year" min="1" max="9999" value="\(year)" class="year"></label> \
            <label>\(language.pick("Ngôn ngữ", "Language")) <select name="lang">\(languages)</select></label>\
            </p>
            </form>
            """
    }
}
