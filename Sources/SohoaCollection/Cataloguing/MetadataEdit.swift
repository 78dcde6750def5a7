/// An archivist's new description of one item, and the archive version it was made from.
public struct MetadataEdit: Sendable, Equatable {
    /// The item.
    public var itemID: String
    /// The description as it should be.
    public var description: ItemDescription
    /// The version the archivist saw (a form's hidden field); a save on top of a later one is refused
    /// as a conflict. Nil to write on whatever version is current (the CSV import checks its own).
    public var basedOn: String?

    /// An edit of `itemID` to `description`.
    public init(itemID: String, description: ItemDescription, basedOn: String? = nil) {
        self.itemID = itemID
        self.description = description
        self.basedOn = basedOn
    }
}
