import Foundation
import Hummingbird
import SohoaCatalog

/// What `/search?q=&library=&type=&year=&lang=&page=` asks for. A text filter that cannot be valid
/// is dropped; `year` and `page` must be whole numbers in range (else 400, see `BoundedInt`). `lang` filters by the
/// documents' ISO 639 code (`vie`, `eng`, `blt`); the two-letter `vi`/`en` switch the page language
/// instead (see `LanguageMiddleware`) and filter nothing.
struct SearchRequest: Sendable, Equatable {
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

    /// The `page` parameter: results are never paged beyond the catalog's bound.
    static let pageParameter = BoundedInt("page", 1...(CatalogTransaction.maximumSearchOffset / pageSize + 1))
    /// The `year` parameter.
    static let yearParameter = BoundedInt("year", 1...9999)

    /// Reads the form's parameters; throws 400 when `year` or `page` is junk or out of range.
    init(_ form: FormQuery) throws(HTTPError) {
        query = String((form["q"] ?? "").prefix(500))
        guard Catalog.searchWordCount(query) <= Catalog.maximumSearchWords else { throw Self.tooManyWords }
        library = form["library"].flatMap { Self.isCode($0, maxLength: 32) ? $0 : nil }
        type = form["type"].flatMap { Self.isCode($0, maxLength: 64) ? $0 : nil }
        year = try Self.yearParameter.read(form["year"])
        language = form["lang"].flatMap { code in
            code.count >= 3 && code.count <= 8 && code.allSatisfy { $0.isASCII && $0.isLetter } ? code.lowercased() : nil
        }
        page = try Self.pageParameter.read(form["page"]) ?? 1
    }

    /// 400: the search has more words than are looked for.
    static var tooManyWords: HTTPError {
        let limit = Catalog.maximumSearchWords
        return HTTPError(
            .badRequest,
            message:
                "Tìm tối đa \(limit) từ (kể cả các từ trong ngoặc kép); hãy bớt từ rồi tìm lại. "
                + "(A search looks for at most \(limit) words, quoted ones included; remove some words and search again.)")
    }

    /// The catalog filters for a reader who is, or is not, signed in (staff whose scope is one
    /// library: that library's restricted items only).
    func filters(signedIn: Bool, scope: AccessScope = .everything) -> SearchFilters {
        SearchFilters(
            access: SearchFilters.readable(signedIn: signedIn), libraryCode: library, collectionType: type, year: year,
            language: language, restrictedLibrary: scope.libraryCode)
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
