/// One problem a fixity audit found in an object, by object and path.
public struct FixityFinding: Sendable, Equatable, Codable, CustomStringConvertible {
    /// What is wrong.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A file the inventory lists is not there.
        case missing
        /// A file's bytes no longer match its inventory digest.
        case changed
        /// A file is there that no inventory lists.
        case unexpected
        /// `inventory.json` is missing, truncated or not an OCFL inventory.
        case inventoryUnreadable = "inventory-unreadable"
        /// `inventory.json.sha512` does not hold the inventory's digest.
        case sidecarMismatch = "sidecar-mismatch"
        /// The head version's copy of the inventory differs from the object's.
        case versionInventoryMismatch = "version-inventory-mismatch"
        /// An object asked for is not in the storage root.
        case objectMissing = "object-missing"
    }

    /// What is wrong.
    public var kind: Kind
    /// The object's id (`?` when its inventory cannot be read).
    public var objectID: String
    /// The object's folder relative to the storage root.
    public var objectPath: String
    /// The file relative to the object folder.
    public var path: String
    /// Expected and found digests, or the parse error.
    public var detail: String

    /// A finding.
    public init(kind: Kind, objectID: String, objectPath: String, path: String, detail: String) {
        self.kind = kind
        self.objectID = objectID
        self.objectPath = objectPath
        self.path = path
        self.detail = detail
    }

    public var description: String { "\(kind.rawValue): \(objectID) \(path): \(detail)" }
}
