import Foundation
import GRDB

/// An item — a book, a manuscript, a newspaper issue — the unit of archiving (table `items`).
public struct ItemRecord: Codable, Sendable, Equatable, Identifiable, FetchableRecord, PersistableRecord {
    /// Where an item stands in the archive.
    public enum State: String, Codable, CodingKeyRepresentable, Sendable, CaseIterable {
        /// Known to the catalog, not (yet) packaged.
        case pending
        /// Its OCFL object version is written (`ocflVersion`, `objectPath`).
        case packaged
        /// Packaging failed; `failureReason` says why.
        case failed
    }

    public static let databaseTableName = "items"

    /// The item id (the item folder's name or the multi-page file's stem).
    public var id: String
    /// The code of the library holding the item.
    public var libraryCode: String
    /// The OCFL object id, `urn:sohoa:<libraryCode>:<id>` (the schema checks it).
    public var objectID: String
    public var title: String?
    public var creator: String?
    /// The date as the metadata gives it (`1925`, `[18--]`, `1930-05-02`).
    public var date: String?
    /// ISO 639 code(s), e.g. `vie`, `vie+eng`, `blt`, `none`.
    public var language: String?
    public var type: String?
    public var subject: String?
    /// The holding in the register this item digitizes, when known.
    public var holdingID: String?
    /// The descriptive metadata as read from `item.yaml` or `items.csv`, as a JSON object (checked to be JSON).
    public var metadataJSON: String?
    /// The item folder or multi-page file.
    public var sourcePath: String
    /// The batch that last ingested the item.
    public var batchID: Int64?
    public var state: State
    /// Why packaging failed, when `state == .failed`.
    public var failureReason: String?
    /// The OCFL version written, e.g. `v1`; required when packaged.
    public var ocflVersion: String?
    /// The object's folder inside the OCFL storage root; required when packaged.
    public var objectPath: String?
    public var pageCount: Int
    /// When the current version was packaged; required when packaged.
    public var packagedAt: Date?
    /// The id of the serial this item is an issue of (`bao-lai-chau`), if it is one.
    public var serial: String? = nil
    /// The serial's title as the issue's metadata gives it.
    public var serialTitle: String? = nil
    /// The day the issue came out (W3CDTF).
    public var issueDate: String? = nil
    public var issueNumber: String? = nil
    public var volume: String? = nil
    /// Set by the catalog when the item is first stored.
    public var createdAt: Date
    /// Set by the catalog on every write.
    public var updatedAt: Date

    /// The OCFL object id of an item: `urn:sohoa:<libraryCode>:<itemID>` (DESIGN §6).
    public static func objectID(libraryCode: String, itemID: String) -> String {
        "urn:sohoa:\(libraryCode):\(itemID)"
    }

    /// Makes an item record; `objectID` is derived, and the timestamps are set by the catalog when stored.
    public init(
        id: String, libraryCode: String, title: String? = nil, creator: String? = nil, date: String? = nil,
        language: String? = nil, type: String? = nil, subject: String? = nil, holdingID: String? = nil,
        metadataJSON: String? = nil, sourcePath: String, batchID: Int64? = nil, state: State = .pending,
        failureReason: String? = nil, ocflVersion: String? = nil, objectPath: String? = nil, pageCount: Int = 0,
        packagedAt: Date? = nil, createdAt: Date = Date(), updatedAt: Date = Date()
    ) {
        self.id = id
        self.libraryCode = libraryCode
        self.objectID = Self.objectID(libraryCode: libraryCode, itemID: id)
        self.title = title
        self.creator = creator
        self.date = date
        self.language = language
        self.type = type
        self.subject = subject
        self.holdingID = holdingID
        self.metadataJSON = metadataJSON
        self.sourcePath = sourcePath
        self.batchID = batchID
        self.state = state
        self.failureReason = failureReason
        self.ocflVersion = ocflVersion
        self.objectPath = objectPath
        self.pageCount = pageCount
        self.packagedAt = packagedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
