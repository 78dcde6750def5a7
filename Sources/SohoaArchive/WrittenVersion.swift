/// The result of writing an object version.
public struct WrittenVersion: Sendable, Equatable {
    /// The object id as stored (NFC).
    public var objectID: String
    /// The object's folder relative to the storage root.
    public var objectPath: String
    /// The head version after the write ("v1", "v2", …).
    public var version: String
    /// True when the requested state equalled the head's and nothing was written.
    public var unchanged: Bool

    /// Creates a result value.
    public init(objectID: String, objectPath: String, version: String, unchanged: Bool) {
        self.objectID = objectID
        self.objectPath = objectPath
        self.version = version
        self.unchanged = unchanged
    }
}
