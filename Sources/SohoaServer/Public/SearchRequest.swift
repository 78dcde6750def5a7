import Foundation
import SohoaCatalog

/// What `/search?q=&library=&type=&year=&lang=&page=` asks for, read leniently: a filter value that
/// cannot be valid is dropped, a page number out of range is clamped. `lang` filters by the
/// documents' ISO 639 code (`vie`, `eng`, `blt`); the two-letter `vi`/`en` switch the page language
/// instead (see `LanguageMiddleware`) and filter nothing.
struct SearchRequest: Equatable {
    /// Results per page.
    static let pageSize = 20

    var query: String
    var library: String?
    var type: String?
    var year: Int?
    var language: String?
    /// 1-based.
    var page: Int

    init(query: String = "", library: String? = nil, type: String? = nil, year: Int? = nil, language: String? = nil, page: Int = 1) {
        self.query = query
        self.library = library
        self.type = type
        self.year = year
        self.language = language
        self.page = page
    }

    /// Reads the form's parameters.
    init(_ form: FormQuery) {
        query = String((form["q"] ?? "").prefix(500))
        library = form["library"].flatMap { Self.isCode($0, maxLength: 32) ? $0 : nil }
        type = form["type"].flatMap { Self.isCode($0, maxLength: 64) ? $0 : nil }
        year = form["year"].flatMap { Int($0) }.flatMap { (1...9999).contains($0) ? $0 : nil }
        language = form["lang"].flatMap { code in
            code.count >= 3 && code.count <= 8 && code.allSatisfy { $0.isASCII && $0.isLetter } ? code.lowercased() : nil
        }
        let maxPage = CatalogTransaction.maximumSearchOffset / Self.pageSize + 1
        page = min(max(1, form["page"].flatMap { Int($0) } ?? 1), maxPage)
    }

    /// The catalog filters for a reader who is, or is not, signed in.
    func filters(signedIn: Bool) -> SearchFilters {
        SearchFilters(
            access: SearchFilters.readable(signedIn: signedIn), libraryCode: library, collectionType: type, year: year,
            language: language)
    }

    var offset: Int { (page - 1) * Self.pageSize }

    /// Whether any filter is set.
    var hasFilters: Bool { library != nil || type != nil || year != nil || language != nil }

    /// `/search?…` for this request on another page.
    func url(page: Int) -> String {
        var parts = ["q=\(URLPath.queryValue(query))"]
        if let library { parts.append("library=\(URLPath.queryValue(library))") }
        if let type { parts.append("type=\(URLPath.queryValue(type))") }
        if let year { parts.append("year=\(year)") }
        if let language { parts.append("lang=\(URLPath.queryValue(language))") }
        if page > 1 { parts.append("page=\(page)") }
        return "/search?" + parts.joined(separator: "&")
    }

    /// Letters, digits, `-`, `_` and `.`: what library codes and collection types are made of.
    private static func isCode(_ text: String, maxLength: Int) -> Bool {
        text.count <= maxLength && text.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) }
    }
}
