import Foundation
import GRDB

/// Something that happened to an item or page, kept for provenance (PREMIS events; table `events`).
public struct EventRecord: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    /// The kind of event: lowercase letters, digits and `-` (the schema checks it); common kinds are constants.
    public struct EventType: RawRepresentable, Codable, Sendable, Hashable, ExpressibleByStringLiteral {
        /// The name stored in the catalog, e.g. `recognized`.
        public var rawValue: String
        /// An event type named `rawValue`.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// An event type named by a literal, e.g. `"fixity-checked"`.
        public init(stringLiteral value: String) { self.rawValue = value }

        /// The page's file was read and identified.
        public static let ingested: EventType = "ingested"
        /// The page was normalized (deskew, crop, …).
        public static let normalized: EventType = "normalized"
        /// The page was OCR'd.
        public static let recognized: EventType = "recognized"
        /// OCR was not run, e.g. no model for the item's language (the detail names it).
        public static let recognitionSkipped: EventType = "recognition-skipped"
        /// Descriptive and technical metadata were made.
        public static let described: EventType = "described"
        /// An OCFL object version was written.
        public static let packaged: EventType = "packaged"
        /// A file was set aside as unreadable.
        public static let quarantined: EventType = "quarantined"
        /// A reviewer corrected the text (a new version).
        public static let corrected: EventType = "corrected"
        /// The object's fixity was checked.
        public static let fixityChecked: EventType = "fixity-checked"
    }

    /// How an event ended.
    public enum Outcome: String, Codable, Sendable, CaseIterable {
        /// It did what it should.
        case success
        /// It did it, with something to look at (the detail says what).
        case warning
        /// It did not.
        case failure
    }

    public static let databaseTableName = "events"

    /// Assigned by the catalog.
    public var id: Int64?
    public var itemID: String
    /// The page, for page events.
    public var pageID: Int64?
    public var type: EventType
    public var at: Date
    /// The software that acted, with its version, e.g. `sohoa 0.1.0 / tesseract 5.3.0`.
    public var agent: String
    public var outcome: Outcome
    /// Anything worth keeping in words (parameters, warnings, the reason of a failure).
    public var detail: String?

    /// Makes an event record; `id` is assigned when it is stored.
    public init(
        id: Int64? = nil, itemID: String, pageID: Int64? = nil, type: EventType, at: Date = Date(), agent: String,
        outcome: Outcome = .success, detail: String? = nil
    ) {
        self.id = id
        self.itemID = itemID
        self.pageID = pageID
        self.type = type
        self.at = at
        self.agent = agent
        self.outcome = outcome
        self.detail = detail
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
