/// One page found by a filtered search, with what the results list shows of its item.
public struct SearchResult: Sendable, Equatable {
    /// The page, its snippet and the matched words in it.
    public var hit: SearchHit
    /// The code of the library holding the item.
    public var libraryCode: String
    /// The item's date as the metadata gives it.
    public var date: String?
    /// The item's ISO 639 language code(s).
    public var language: String?
    /// The linked holding's collection type, else the item's `type`.
    public var collectionType: String?
    /// The item's access level (public or restricted; closed items are never found).
    public var access: AccessLevel

    /// Makes a result.
    public init(
        hit: SearchHit, libraryCode: String, date: String?, language: String?, collectionType: String?, access: AccessLevel
    ) {
        self.hit = hit
        self.libraryCode = libraryCode
        self.date = date
        self.language = language
        self.collectionType = collectionType
        self.access = access
    }
}
