import SohoaCatalog

/// `/`: the search box and what the collection holds that the reader may see.
enum HomePage {
    static func html(overview: CollectionOverview, context: AppRequestContext) -> HTML {
        let language = context.language
        func table(_ counts: [CollectionOverview.Count], keyTitle: String, name: (String) -> String) -> HTML {
            let rows = counts.map { count -> HTML in
                """
                <tr><td>\(name(count.key))</td>\
                <td class="num">\(count.items)</td><td class="num">\(count.pages)</td></tr>
                """
            }
            return """
                <table class="overview"><thead><tr><th>\(keyTitle)</th><th class="num">\(language.pick("Tài liệu", "Items"))</th>\
                <th class="num">\(language.pick("Trang", "Pages"))</th></tr></thead><tbody>\(rows)</tbody></table>
                """
        }
        let libraries = table(
            overview.libraries, keyTitle: language.pick("Thư viện", "Library"), name: { $0.isEmpty ? "—" : $0 })
        let types = table(
            overview.types, keyTitle: language.pick("Loại tài liệu", "Collection"), name: { CollectionNames.type($0, language) })
        let summary = language.pick(
            "Bộ sưu tập có \(overview.items) tài liệu, \(overview.pages) trang đã số hóa.",
            "The collection holds \(overview.items) items, \(overview.pages) digitized pages.")
        return """
            \(SearchForm.html(SearchRequest(), overview: overview, language: language))
            <section class="overview">
            <h2>\(language.pick("Bộ sưu tập", "The collection"))</h2>
            <p>\(summary)</p>
            <div class="columns">\(libraries)\(types)</div>
            </section>
            """
    }
}
