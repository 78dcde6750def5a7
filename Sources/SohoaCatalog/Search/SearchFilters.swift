/// What a filtered search may return besides matching the words: the reader's access, and the
/// filters chosen on the search page (library, collection type, year, language).
public struct SearchFilters: Sendable, Equatable {
    /// Access levels the reader may see; `closed` is ignored (never served). Empty finds nothing.
    public var access: Set<AccessLevel>
    /// The holding library's code, e.g. `LCH`.
    public var libraryCode: String?
    /// The collection type: the linked holding's (`rare-book`, `local-history`, …), else the item's `type`.
    public var collectionType: String?
    /// A year that the item's date mentions (`1925` matches `1925`, `[1925]`, `1925-05-02`).
    public var year: Int?
    /// An ISO 639 code that the item's language lists (`vie` matches `vie` and `vie+eng`).
    public var language: String?
    /// Restricted items of this library only (a district library's staff, see `AccessScope`);
    /// `nil`: any library's.
    public var restrictedLibrary: String?

    /// Filters for a reader allowed `access`; the other filters are off unless given.
    public init(
        access: Set<AccessLevel>, libraryCode: String? = nil, collectionType: String? = nil, year: Int? = nil,
        language: String? = nil, restrictedLibrary: String? = nil
    ) {
        self.access = access
        self.restrictedLibrary = restrictedLibrary
        self.libraryCode = libraryCode
        self.collectionType = collectionType
        self.year = year
        self.language = language
    }

    /// The access levels a reader may see: public, plus restricted when signed in (never closed).
    public static func readable(signedIn: Bool) -> Set<AccessLevel> {
        signedIn ? [.public, .restricted] : [.public]
    }

    /// Access levels that may be served, as SQL string literals (closed removed).
    var servedAccessValues: [String] {
        access.subtracting([.closed]).map(\.rawValue).sorted()
    }

    /// The SQL conditions on `items AS i` (and `holdings AS h`, left-joined) these filters add, with
    /// their arguments, in `dialect` (SQLite's `instr` is PostgreSQL's `strpos`). Items must also be
    /// packaged and not withdrawn.
    func itemConditions(_ dialect: CatalogDialect = .sqlite) -> (sql: String, arguments: [String]) {
        let contains = { (text: String) in dialect == .sqlite ? "instr(\(text), ?) > 0" : "strpos(\(text), ?) > 0" }
        var conditions = ["i.state = 'packaged'", "i.withdrawnAt IS NULL"]
        var arguments: [String] = []
        let served = servedAccessValues
        if served.isEmpty {
            conditions.append(dialect == .sqlite ? "0" : "1 = 0")
        } else {
            conditions.append("i.access IN (\(served.map { _ in "?" }.joined(separator: ", ")))")
            arguments.append(contentsOf: served)
        }
        if let restrictedLibrary, served.contains(AccessLevel.restricted.rawValue) {
            conditions.append("(i.access <> 'restricted' OR i.libraryCode = ?)")
            arguments.append(restrictedLibrary)
        }
        if let libraryCode {
            conditions.append("i.libraryCode = ?")
            arguments.append(libraryCode)
        }
        if let collectionType {
            conditions.append("COALESCE(h.collectionType, i.type) = ?")
            arguments.append(collectionType)
        }
        if let year {
            conditions.append(contains("i.date"))
            arguments.append(String(year))
        }
        if let language {
            conditions.append(contains("'+' || lower(i.language) || '+'"))
            arguments.append("+" + language.lowercased() + "+")
        }
        return (conditions.joined(separator: " AND "), arguments)
    }

    /// Whether the collection-type filter needs the holdings table.
    var needsHoldings: Bool { collectionType != nil }
}
