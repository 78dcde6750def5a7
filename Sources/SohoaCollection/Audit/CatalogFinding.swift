/// One way the catalog and the archive disagree, found by `sohoa audit --catalog`.
public struct CatalogFinding: Sendable, Equatable, Codable {
    /// What disagrees.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// The catalog records a version of the item, but its object is not in the storage root.
        case objectMissing = "object-missing"
        /// The item's object holds another head version than the catalog records.
        case versionMismatch = "version-mismatch"
        /// The catalog records another object folder than the storage layout gives.
        case pathMismatch = "path-mismatch"
        /// The object is in the storage root, but the catalog records no version of it.
        case notRecorded = "not-recorded"
        /// An object in the storage root has no item in the catalog.
        case uncatalogued
        /// One item is in the storage root as more than one object.
        case duplicate
        /// A page done in the catalog is not in the object's head version (or its master differs).
        case pageMissing = "page-missing"
        /// A page in the object's head version is not in the catalog.
        case pageNotCatalogued = "page-not-catalogued"
        /// A page's states contradict each other or the item's.
        case pageState = "page-state"
        /// The object's inventory cannot be read (the fixity audit says more).
        case unreadable
    }

    /// What disagrees.
    public var kind: Kind
    /// The item (nil for an object without one).
    public var itemID: String?
    /// The OCFL object id.
    public var objectID: String
    /// The page, when the finding is about one.
    public var page: String?
    /// What was found, in words.
    public var detail: String

    /// A finding.
    public init(kind: Kind, itemID: String?, objectID: String, page: String? = nil, detail: String) {
        self.kind = kind
        self.itemID = itemID
        self.objectID = objectID
        self.page = page
        self.detail = detail
    }
}
