import SohoaArchive

/// What saving an edit did: the fields changed and the archive version written (none when
/// nothing changed).
public struct MetadataEditResult: Sendable, Equatable {
    public var itemID: String
    public var changes: [MetadataChange]
    /// The version written; nil when the description was already the archived one.
    public var written: WrittenVersion?
}
