/// One field of one item changed by an edit: the value before and after, as staff write them.
public struct MetadataChange: Sendable, Equatable {
    public var field: MetadataField
    public var old: String
    public var new: String

    /// A change of `field` from `old` to `new`.
    public init(field: MetadataField, old: String, new: String) {
        self.field = field
        self.old = old
        self.new = new
    }
}
