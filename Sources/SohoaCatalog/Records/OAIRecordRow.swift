import Foundation
import GRDB

/// What OAI-PMH needs of one item: its descriptive fields, access level, withdrawal and datestamp
/// (read from table `items` by the `oai…` catalog queries).
public struct OAIRecordRow: Codable, Sendable, Equatable, FetchableRecord {
    /// The item id.
    public var id: String
    public var libraryCode: String
    /// The OCFL object id, `urn:sohoa:<libraryCode>:<id>`.
    public var objectID: String
    public var title: String?
    public var creator: String?
    public var date: String?
    /// ISO 639 code(s), e.g. `vie`, `vie+eng`, `none`.
    public var language: String?
    public var type: String?
    /// Subjects separated by `;`.
    public var subject: String?
    public var holdingID: String?
    /// The item's OCFL version in the archive (`v1`, …).
    public var ocflVersion: String?
    public var access: AccessLevel
    /// When the item was withdrawn; nil while it is in the collection.
    public var withdrawnAt: Date?
    public var withdrawnReason: String?
    /// When the item's access level was last changed after it was archived; nil if never.
    public var accessChangedAt: Date?
    /// The serial the item is an issue of, if any.
    public var serial: String?
    public var serialTitle: String?
    public var issueDate: String?
    /// When the record last changed: the latest of `updatedAt`, `withdrawnAt` and `accessChangedAt` (milliseconds).
    public var datestamp: Date
    /// `datestamp` exactly as the catalog stores it: the sort key of OAI lists (with `id`).
    public var datestampKey: String

    /// Whether the item was withdrawn (OAI-PMH reports it as deleted).
    public var isWithdrawn: Bool { withdrawnAt != nil }

    /// Whether harvesters allowed to see `visible` levels get this record as deleted: withdrawn, or
    /// its access changed to a level they may not see.
    public func isDeleted(visible: Set<AccessLevel>) -> Bool {
        isWithdrawn || !visible.subtracting([.closed]).contains(access)
    }

    /// Whether harvesters allowed to see `visible` levels get this record at all (in full or as deleted).
    public func isListed(visible: Set<AccessLevel>) -> Bool {
        ocflVersion != nil && (visible.subtracting([.closed]).contains(access) || accessChangedAt != nil)
    }

    /// Where this record stands in an OAI list.
    public var position: OAIListPosition { OAIListPosition(datestampKey: datestampKey, itemID: id) }
}

/// A place in an OAI list, which is ordered by (datestamp, item id): records after it come next.
/// Records added later get later datestamps, so a position stays right while the catalog grows.
public struct OAIListPosition: Codable, Sendable, Equatable {
    /// The datestamp as the catalog stores it.
    public var datestampKey: String
    public var itemID: String

    public init(datestampKey: String, itemID: String) {
        self.datestampKey = datestampKey
        self.itemID = itemID
    }
}
