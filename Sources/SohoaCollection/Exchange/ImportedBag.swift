/// What `sohoa import` did with one bag.
public struct ImportedBag: Sendable, Equatable {
    /// The bag's folder.
    public var bag: String
    /// The catalog item id.
    public var itemID: String
    /// The OCFL object id, as the sending library gave it.
    public var objectID: String
    /// The object version written (or already there).
    public var version: String
    /// True when the archive already held exactly this object state.
    public var unchanged: Bool
    /// Pages catalogued.
    public var pageCount: Int
}
